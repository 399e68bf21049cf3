// What the dashboard shows, computed from the survey report JSON (GET /api/reports/survey).
// Pure: no DOM, so the server's tests check exactly the figures and words the page shows.
// Every word comes from the texts passed in (locales/<lang>/dashboard.json), every code from the
// report's `codes`.

/**
 * `t(key, values)` over the dashboard's texts (locales/<lang>/dashboard.json, which the server puts on
 * `<html data-texts>`): the text with its `{{placeholders}}` filled in. A missing key shows itself.
 */
export function translator(texts) {
  return (key, values = {}) => {
    const text = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), texts);
    if (typeof text !== 'string') return key;
    return text.replace(/\{\{(\w+)\}\}/g, (placeholder, name) => (name in values ? String(values[name]) : placeholder));
  };
}

/**
 * How figures and dates read in `language`, with `t` for the words of a missing figure. One decimal
 * everywhere, always shown, so figures line up and compare: "18,0%", "4,2".
 */
export function formatters(language, t) {
  const locale = `${language}-BE`;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const longMonthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dayName = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortDayName = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const suppressed = t('labels.cells.suppressed');
  const utc = (day) => new Date(`${day}T00:00:00Z`);
  return {
    suppressed,
    noConversations: t('labels.cells.noConversations'),
    /** A share as a percentage, or "te weinig antwoorden" for a suppressed (null) cell. */
    share: (value) => (value === null || value === undefined ? suppressed : percent.format(value)),
    mean: (value) => (value === null || value === undefined ? suppressed : decimal.format(value)),
    count: (value) => whole.format(value),
    /** "mrt 2026" for "2026-03". */
    month: (period) => monthName.format(utc(`${period}-01`)),
    longMonth: (period) => longMonthName.format(utc(`${period}-01`)),
    /** "15 maart 2026" for "2026-03-15": dates in sentences are words, not ISO. */
    day: (day) => dayName.format(utc(day)),
    shortDay: (day) => shortDayName.format(utc(day)),
  };
}

/** The last day of a YYYY-MM month, as YYYY-MM-DD. */
function lastDayOf(period) {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * A month the range cuts short (the current month, or a range that starts or ends mid-month) is
 * marked as such, so a part-month with few answers does not read as a trend.
 */
function monthLabel(period, range, today, format, t) {
  const first = `${period}-01`;
  const last = lastDayOf(period);
  const end = today && today < range.to ? today : range.to;
  const from = range.from > first ? range.from : first;
  const to = end < last ? end : last;
  if (from === first && to === last) return { short: format.month(period), long: format.longMonth(period), incomplete: false };
  return {
    short: `${format.month(period)}*`,
    long: t('labels.columns.monthIncomplete', { month: format.longMonth(period), from: format.shortDay(from), to: format.shortDay(to) }),
    incomplete: true,
  };
}

/**
 * Everything the page draws: per chart the series for the SVG and the table that says the same in
 * words. `today` (YYYY-MM-DD) marks the running month incomplete: the report covers whole months.
 * `texts` is the dashboard namespace of the page's `language`.
 */
export function dashboardModel(report, { today, texts, language = 'nl' }) {
  const t = translator(texts);
  const format = formatters(language, t);
  const codes = report.codes;
  const label = (group, code) => t(`labels.${group}.${code}`);
  const column = (name) => t(`labels.columns.${name}`);
  const certainty = (comparison) => t(comparison.significant ? 'sentences.certain' : 'sentences.notYetCertain');
  const tooFew = (n) => t('sentences.tooFew', { n: format.count(n) });
  const shareWithInterval = (value, interval) => {
    if (value === null || value === undefined) return format.suppressed;
    if (!interval) return format.share(value);
    return t('labels.cells.shareWithInterval', {
      share: format.share(value),
      low: format.share(interval[0]),
      high: format.share(interval[1]),
    });
  };

  const periods = report.periods ?? [];
  const months = periods.map((period) => monthLabel(period.period, report, today, format, t));
  const source = report.baseline.source;
  const awarenessSentences = report.awareness.suppressed
    ? [tooFew(report.awareness.n)]
    : codes.awareness.map((code) => {
        const [low, high] = report.awareness.ci95[code];
        return t('sentences.awareness', {
          share: format.share(report.awareness[code]),
          phrase: t(`phrases.awareness.${code}`),
          low: format.share(low),
          high: format.share(high),
          source,
          baseline: format.share(report.baseline.awareness[code]),
          certainty: certainty(report.awareness.vsBaseline[code]),
        });
      });
  const awareness = {
    id: 'awareness',
    kind: 'lines',
    // One small chart per answer, each with its own panel line: six lines on one chart hid the trend.
    layout: 'perSeries',
    yMax: 1,
    yFormat: 'share',
    sentences: awarenessSentences,
    categories: months.map((month) => month.short),
    incomplete: months.map((month) => month.incomplete),
    series: codes.awareness.map((code) => ({
      code,
      label: label('awareness', code),
      values: periods.map((period) => period.awareness[code]),
      reference: report.baseline.awareness[code],
    })),
    table: {
      columns: [column('month'), column('answers'), ...codes.awareness.map((code) => label('awareness', code))],
      rows: [
        ...periods.map((period, index) => [
          months[index].long,
          format.count(period.awareness.n),
          ...codes.awareness.map((code) => format.share(period.awareness[code])),
        ]),
        [
          column('whole'),
          format.count(report.awareness.n),
          ...codes.awareness.map((code) => shareWithInterval(report.awareness[code], report.awareness.ci95?.[code])),
        ],
        [
          t('labels.columns.baselineSource', { source }),
          '',
          ...codes.awareness.map((code) => format.share(report.baseline.awareness[code])),
        ],
      ],
    },
  };

  const surveyed = report.responses - (report.synthetic ?? 0);
  const conversations = report.outcomes?.n ?? 0;
  const responseRate = conversations > 0 ? Math.min(1, surveyed / conversations) : null;
  const satisfactionSentences = [
    report.satisfaction.suppressed
      ? tooFew(report.satisfaction.n)
      : t('sentences.satisfaction', {
          mean: format.mean(report.satisfaction.mean),
          satisfied: format.share(report.satisfaction.satisfied),
        }),
    responseRate === null
      ? t('sentences.responseRateUnknown')
      : t('sentences.responseRate', {
          share: format.share(responseRate),
          surveyed: format.count(surveyed),
          conversations: format.count(conversations),
        }),
  ];
  if (months.some((month) => month.incomplete)) satisfactionSentences.push(t('sentences.incompleteMonth'));
  const satisfaction = {
    id: 'satisfaction',
    kind: 'lines',
    yMin: 1,
    yMax: 5,
    yFormat: 'mean',
    sentences: satisfactionSentences,
    responseRate,
    categories: months.map((month) => month.short),
    incomplete: months.map((month) => month.incomplete),
    series: [{ code: 'mean', label: column('mean'), values: periods.map((period) => period.satisfaction.mean) }],
    table: {
      columns: [column('month'), column('answers'), column('mean'), column('satisfied')],
      rows: [
        ...periods.map((period, index) => [
          months[index].long,
          format.count(period.satisfaction.n),
          format.mean(period.satisfaction.mean),
          format.share(period.satisfaction.satisfied),
        ]),
        [
          column('whole'),
          format.count(report.satisfaction.n),
          format.mean(report.satisfaction.mean),
          format.share(report.satisfaction.satisfied),
        ],
      ],
    },
  };

  const appointment = report.appointmentPreference;
  const appointmentPreference = {
    id: 'appointmentPreference',
    kind: 'bars',
    yFormat: 'share',
    sentences: appointment.suppressed
      ? [tooFew(appointment.n)]
      : codes.appointmentPreference.map((code) =>
          t('sentences.appointmentPreference', {
            share: format.share(appointment[code]),
            phrase: t(`phrases.appointmentPreference.${code}`),
            source,
            baseline: format.share(report.baseline.appointmentPreference[code]),
            certainty: certainty(appointment.vsBaseline[code]),
          }),
        ),
    groups: codes.appointmentPreference.map((code) => ({
      label: label('appointmentPreference', code),
      bars: [
        { label: column('survey'), value: appointment[code] },
        { label: column('panel'), value: report.baseline.appointmentPreference[code] },
      ],
    })),
    table: {
      columns: [
        column('answer'),
        t('labels.columns.surveyAnswers', { n: format.count(appointment.n) }),
        t('labels.columns.panelSource', { source }),
      ],
      rows: codes.appointmentPreference.map((code) => [
        label('appointmentPreference', code),
        format.share(appointment[code]),
        format.share(report.baseline.appointmentPreference[code]),
      ]),
    },
  };

  const booking = report.bookingChannel;
  const bookingRows = [
    { label: column('allAges'), block: booking },
    ...codes.ageBracket.map((age) => ({ label: label('ageBracket', age), block: booking.byAge?.[age] ?? { n: 0, suppressed: true } })),
  ];
  const bookingChannelByAge = {
    id: 'bookingChannelByAge',
    kind: 'bars',
    yFormat: 'share',
    sentences: bookingRows.map(({ label: who, block }) => {
      if (block.suppressed) return t('sentences.bookingTooFew', { label: who, n: format.count(block.n) });
      const top = codes.bookingChannel.reduce((best, code) => (block[code] > block[best] ? code : best), codes.bookingChannel[0]);
      return t(block[top] > 0.5 ? 'sentences.bookingMost' : 'sentences.bookingLargest', {
        label: who,
        channel: t(`phrases.bookingChannel.${top}`),
        share: format.share(block[top]),
      });
    }),
    groups: bookingRows.map(({ label: who, block }) => ({
      label: who,
      bars: codes.bookingChannel.map((code) => ({ label: label('bookingChannel', code), value: block[code] ?? null })),
    })),
    table: {
      columns: [column('age'), column('answers'), ...codes.bookingChannel.map((code) => label('bookingChannel', code))],
      rows: bookingRows.map(({ label: who, block }) => [
        who,
        format.count(block.n),
        ...codes.bookingChannel.map((code) => format.share(block[code])),
      ]),
    },
  };

  const outcomeBlock = report.outcomes ?? { n: 0, suppressed: true, resolved: null, escalated: null, abandoned: null };
  const hours = outcomeBlock.outsideOpeningHours ?? { n: 0, unknown: outcomeBlock.n, suppressed: true, outside: null };
  // Zero conversations is not "too few answers": there is nothing yet.
  const outcomeCell = (value) => (outcomeBlock.n === 0 ? format.noConversations : format.share(value));
  const outcomeSentences =
    outcomeBlock.n === 0
      ? [t('sentences.outcomesNone')]
      : [
          outcomeBlock.suppressed
            ? t('sentences.outcomesTooFew', { n: format.count(outcomeBlock.n) })
            : t('sentences.outcomes', {
                resolved: format.share(outcomeBlock.resolved),
                n: format.count(outcomeBlock.n),
                escalated: format.share(outcomeBlock.escalated),
                abandoned: format.share(outcomeBlock.abandoned),
              }),
          openingHoursSentence(hours, format, t),
        ];
  const outcomes = {
    id: 'outcomes',
    kind: 'bars',
    yFormat: 'share',
    emptyText: outcomeBlock.n === 0 ? format.noConversations : undefined,
    sentences: outcomeSentences,
    groups: [
      {
        label: column('conversations'),
        bars: codes.outcome.map((code) => ({ label: label('outcome', code), value: outcomeBlock[code] })),
      },
    ],
    table: {
      columns: [column('outcome'), t('labels.columns.shareOfConversations', { n: format.count(outcomeBlock.n) })],
      rows: codes.outcome.map((code) => [label('outcome', code), outcomeCell(outcomeBlock[code])]),
    },
  };

  return {
    format,
    summary: {
      responses: report.responses,
      synthetic: report.synthetic ?? 0,
      from: report.from,
      to: report.to,
      period: t('labels.cells.period', { from: format.day(report.from), to: format.day(report.to) }),
      responseRate,
      conversations,
      outsideOpeningHours: hours.suppressed ? null : hours.outside,
    },
    charts: [awareness, satisfaction, appointmentPreference, bookingChannelByAge, outcomes],
  };
}

/** The share of conversations that started while the counter was closed, in one sentence (and the unknown ones). */
function openingHoursSentence(hours, format, t) {
  const figure = hours.suppressed
    ? t('sentences.outsideOpeningHoursTooFew', { n: format.count(hours.n) })
    : t('sentences.outsideOpeningHours', { share: format.share(hours.outside), n: format.count(hours.n) });
  return hours.unknown > 0 ? `${figure} ${t('sentences.outsideOpeningHoursUnknown', { unknown: format.count(hours.unknown) })}` : figure;
}
