// What the dashboard shows, computed from the survey report JSON (GET /api/reports/survey).
// Pure: no DOM, so the server's tests check exactly the figures and words the page shows.
// Every word comes from the texts passed in (locales/<lang>/dashboard.json), every code from the
// report's `codes`.
// Types are JSDoc, checked by web/tsconfig.json; the report's shape is the server's own type.

/** @typedef {import('../../services/survey/surveyReport.js').SurveyReport} SurveyReport */
/** @typedef {import('../../services/survey/surveyReport.js').ReportRange} ReportRange */
/** @typedef {import('../../services/survey/surveyReport.js').Interval} Interval */
/** @typedef {import('../../services/survey/surveyReport.js').BaselineComparison} BaselineComparison */
/** @typedef {NonNullable<SurveyReport['outcomes']>['outsideOpeningHours']} OpeningHoursBlock */

/**
 * The dashboard namespace of locales/<lang>/dashboard.json: texts nested by key.
 * @typedef {object} DashboardTexts
 */
/**
 * A text by its dotted key, with its `{{placeholders}}` filled in from `values`.
 * @typedef {(key: string, values?: Record<string, string | number>) => string} Translate
 */
/**
 * How figures and dates read: one decimal, the words of a suppressed cell.
 * @typedef {object} DashboardFormat
 * @property {string} suppressed
 * @property {string} noConversations
 * @property {(value: number | null | undefined) => string} share
 * @property {(value: number | null | undefined) => string} mean
 * @property {(value: number) => string} count
 * @property {(period: string) => string} month
 * @property {(period: string) => string} longMonth
 * @property {(day: string) => string} day
 * @property {(day: string) => string} shortDay
 */
/**
 * @typedef {object} DashboardTable
 * @property {string[]} columns
 * @property {string[][]} rows
 */
/**
 * @typedef {object} DashboardSeries
 * @property {string} code
 * @property {string} label
 * @property {(number | null)[]} values
 * @property {number} [reference] the panel's figure, drawn as a dashed line
 */
/**
 * @typedef {object} DashboardLineChart
 * @property {string} id
 * @property {'lines'} kind
 * @property {'perSeries'} [layout] one small chart per series, each with its own reference line
 * @property {string[]} sentences one plain-Dutch sentence per figure, with the panel comparison where there is one
 * @property {boolean[]} incomplete per category: the month is cut short by the range (e.g. the current month)
 * @property {number | null} [responseRate] surveys answered per conversation (satisfaction chart only), null without conversations
 * @property {number} [yMin]
 * @property {number} yMax
 * @property {'share' | 'mean'} yFormat
 * @property {string[]} categories
 * @property {DashboardSeries[]} series
 * @property {DashboardTable} table
 */
/**
 * @typedef {object} DashboardBar
 * @property {string} label
 * @property {number | null} value
 */
/**
 * @typedef {object} DashboardBarChart
 * @property {string} id
 * @property {'bars'} kind
 * @property {'share'} yFormat
 * @property {string[]} sentences
 * @property {string} [emptyText] shown instead of bars when there is nothing to count yet
 * @property {{ label: string, bars: DashboardBar[] }[]} groups
 * @property {DashboardTable} table
 */
/** @typedef {DashboardLineChart | DashboardBarChart} DashboardChart */
/**
 * @typedef {object} DashboardSummary
 * @property {number} responses
 * @property {number} synthetic
 * @property {string} from
 * @property {string} to
 * @property {string} period
 * @property {number | null} responseRate
 * @property {number} conversations
 * @property {number | null} outsideOpeningHours share of the conversations that started outside the counter's opening hours; null when too few are known
 */
/**
 * @typedef {object} DashboardModel
 * @property {DashboardFormat} format
 * @property {DashboardSummary} summary
 * @property {DashboardChart[]} charts
 */

/**
 * `t(key, values)` over the dashboard's texts (locales/<lang>/dashboard.json, which the server puts on
 * `<html data-texts>`): the text with its `{{placeholders}}` filled in. A missing key shows itself.
 * @param {DashboardTexts} texts
 * @returns {Translate}
 */
export function translator(texts) {
  return (key, values = {}) => {
    const text = key
      .split('.')
      .reduce(
        (node, part) => (node && typeof node === 'object' ? /** @type {Record<string, unknown>} */ (node)[part] : undefined),
        /** @type {unknown} */ (texts),
      );
    if (typeof text !== 'string') return key;
    return text.replace(/\{\{(\w+)\}\}/g, (placeholder, name) => (name in values ? String(values[name]) : placeholder));
  };
}

/**
 * How figures and dates read in `language`, with `t` for the words of a missing figure. One decimal
 * everywhere, always shown, so figures line up and compare: "18,0%", "4,2".
 * @param {string} language
 * @param {Translate} t
 * @returns {DashboardFormat}
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
  const utc = (/** @type {string} */ day) => new Date(`${day}T00:00:00Z`);
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

/**
 * The last day of a YYYY-MM month, as YYYY-MM-DD.
 * @param {string} period
 */
function lastDayOf(period) {
  const last = new Date(`${period}-01T00:00:00Z`);
  last.setUTCMonth(last.getUTCMonth() + 1, 0);
  return last.toISOString().slice(0, 10);
}

/**
 * A month the range cuts short (the current month, or a range that starts or ends mid-month) is
 * marked as such, so a part-month with few answers does not read as a trend.
 * @param {string} period
 * @param {ReportRange} range
 * @param {string | undefined} today
 * @param {DashboardFormat} format
 * @param {Translate} t
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
 * @param {SurveyReport} report
 * @param {{ today?: string, texts: DashboardTexts, language?: string }} options
 * @returns {DashboardModel}
 */
export function dashboardModel(report, { today, texts, language = 'nl' }) {
  const t = translator(texts);
  const format = formatters(language, t);
  const codes = report.codes;
  /** @type {(group: string, code: string) => string} */
  const label = (group, code) => t(`labels.${group}.${code}`);
  /** @type {(name: string) => string} */
  const column = (name) => t(`labels.columns.${name}`);
  /** @type {(comparison: BaselineComparison) => string} */
  const certainty = (comparison) => t(comparison.significant ? 'sentences.certain' : 'sentences.notYetCertain');
  /** @type {(n: number) => string} */
  const tooFew = (n) => t('sentences.tooFew', { n: format.count(n) });
  /** @type {(value: number | null, interval: Interval | null) => string} */
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
  // Each month's labels beside its figures, so a table row reads both from one place.
  const months = periods.map((period) => ({ ...monthLabel(period.period, report, today, format, t), figures: period }));
  const source = report.baseline.source;
  const awarenessBlock = report.awareness;
  const awarenessSentences = awarenessBlock.suppressed
    ? [tooFew(awarenessBlock.n)]
    : codes.awareness.map((code) => {
        const [low, high] = awarenessBlock.ci95[code];
        return t('sentences.awareness', {
          share: format.share(awarenessBlock[code]),
          phrase: t(`phrases.awareness.${code}`),
          low: format.share(low),
          high: format.share(high),
          source,
          baseline: format.share(report.baseline.awareness[code]),
          certainty: certainty(awarenessBlock.vsBaseline[code]),
        });
      });
  /** @type {DashboardLineChart} */
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
        ...months.map((month) => [
          month.long,
          format.count(month.figures.awareness.n),
          ...codes.awareness.map((code) => format.share(month.figures.awareness[code])),
        ]),
        [
          column('whole'),
          format.count(report.awareness.n),
          ...codes.awareness.map((code) => shareWithInterval(awarenessBlock[code], awarenessBlock.ci95[code])),
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
  /** @type {DashboardLineChart} */
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
        ...months.map((month) => [
          month.long,
          format.count(month.figures.satisfaction.n),
          format.mean(month.figures.satisfaction.mean),
          format.share(month.figures.satisfaction.satisfied),
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
  /** @type {DashboardBarChart} */
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
    ...codes.ageBracket.map((age) => ({ label: label('ageBracket', age), block: booking.byAge[age] })),
  ];
  /** @type {DashboardBarChart} */
  const bookingChannelByAge = {
    id: 'bookingChannelByAge',
    kind: 'bars',
    yFormat: 'share',
    sentences: bookingRows.map(({ label: who, block }) => {
      if (block.suppressed) return t('sentences.bookingTooFew', { label: who, n: format.count(block.n) });
      const top = codes.bookingChannel.reduce((best, code) => (block[code] > block[best] ? code : best));
      return t(block[top] > 0.5 ? 'sentences.bookingMost' : 'sentences.bookingLargest', {
        label: who,
        channel: t(`phrases.bookingChannel.${top}`),
        share: format.share(block[top]),
      });
    }),
    groups: bookingRows.map(({ label: who, block }) => ({
      label: who,
      bars: codes.bookingChannel.map((code) => ({ label: label('bookingChannel', code), value: block[code] })),
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
  /** @type {OpeningHoursBlock} */
  const hours = report.outcomes?.outsideOpeningHours ?? { n: 0, unknown: 0, suppressed: true, outside: null };
  // Zero conversations is not "too few answers": there is nothing yet.
  /** @type {(value: number | null) => string} */
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
  /** @type {DashboardBarChart} */
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

/**
 * The share of conversations that started while the counter was closed, in one sentence (and the unknown ones).
 * @param {OpeningHoursBlock} hours
 * @param {DashboardFormat} format
 * @param {Translate} t
 */
function openingHoursSentence(hours, format, t) {
  const figure = hours.suppressed
    ? t('sentences.outsideOpeningHoursTooFew', { n: format.count(hours.n) })
    : t('sentences.outsideOpeningHours', { share: format.share(hours.outside), n: format.count(hours.n) });
  return hours.unknown > 0 ? `${figure} ${t('sentences.outsideOpeningHoursUnknown', { unknown: format.count(hours.unknown) })}` : figure;
}
