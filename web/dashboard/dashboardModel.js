// What the dashboard shows, computed from the survey report JSON (GET /api/reports/survey).
// Pure: no DOM, so the server's tests check exactly the figures and words the page shows.
// Dutch words of the dashboard live here and in the HTML templates next to this file.

export const SUPPRESSED_TEXT = 'te weinig antwoorden';
export const NO_CONVERSATIONS_TEXT = 'nog geen gesprekken';

export const LABELS = {
  awareness: { used: 'Kent het en gebruikt het', awareNotUsed: 'Kent het, gebruikt het niet', unaware: 'Kende het niet' },
  appointmentPreference: { appointment: 'Liefst met afspraak', indifferent: 'Maakt niet uit', walkIn: 'Liefst zonder afspraak' },
  bookingChannel: { online: 'Online', phone: 'Telefoon', counter: 'Loket' },
  ageBracket: { '18-34': '18 tot 34 jaar', '35-49': '35 tot 49 jaar', '50-64': '50 tot 64 jaar', '65+': '65 jaar of ouder' },
  outcomes: { resolved: 'Opgelost door de assistent', escalated: 'Doorverbonden met een medewerker', abandoned: 'Afgebroken' },
  month: 'Maand',
  answers: 'Antwoorden',
  answer: 'Antwoord',
  survey: 'Enquête',
  panel: 'Inwonerspanel',
  baseline: 'Basislijn',
  whole: 'Hele periode',
  age: 'Leeftijd',
  allAges: 'Alle leeftijden',
  mean: 'Gemiddelde (1 tot 5)',
  satisfied: 'Tevreden (4 of 5)',
  outcome: 'Uitkomst',
  share: 'Aandeel',
  conversations: 'Gesprekken',
  interval: '95%-betrouwbaarheidsinterval',
  incomplete: 'onvolledig',
};

// How each answer reads inside a sentence ("18,0% kende het thuisloket niet").
const AWARENESS_PHRASES = {
  used: 'kent het digitaal thuisloket en gebruikt het',
  awareNotUsed: 'kent het digitaal thuisloket maar gebruikt het niet',
  unaware: 'kende het digitaal thuisloket niet',
};
const APPOINTMENT_PHRASES = {
  appointment: 'komt liefst met een afspraak',
  indifferent: 'vindt het om het even',
  walkIn: 'komt liefst zonder afspraak',
};
const BOOKING_PHRASES = { online: 'online', phone: 'via de telefoon', counter: 'aan het loket' };

export const AWARENESS_CODES = ['used', 'awareNotUsed', 'unaware'];
export const APPOINTMENT_CODES = ['appointment', 'indifferent', 'walkIn'];
export const BOOKING_CODES = ['online', 'phone', 'counter'];
export const AGE_CODES = ['18-34', '35-49', '50-64', '65+'];
export const OUTCOME_CODES = ['resolved', 'escalated', 'abandoned'];

// One decimal everywhere, always shown, so figures line up and compare: "18,0%", "4,2".
const percent = new Intl.NumberFormat('nl-BE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 });
const monthName = new Intl.DateTimeFormat('nl-BE', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const longMonthName = new Intl.DateTimeFormat('nl-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayName = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDayName = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** A share as a Dutch percentage, or "te weinig antwoorden" for a suppressed (null) cell. */
export function formatShare(value) {
  return value === null || value === undefined ? SUPPRESSED_TEXT : percent.format(value);
}

export function formatMean(value) {
  return value === null || value === undefined ? SUPPRESSED_TEXT : decimal.format(value);
}

export function formatCount(value) {
  return whole.format(value);
}

/** "mrt 2026" for "2026-03". */
export function formatMonth(period) {
  return monthName.format(new Date(`${period}-01T00:00:00Z`));
}

/** "15 maart 2026" for "2026-03-15": dates in sentences are Dutch, not ISO. */
export function formatDay(day) {
  return dayName.format(new Date(`${day}T00:00:00Z`));
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
function monthLabel(period, range, today) {
  const first = `${period}-01`;
  const last = lastDayOf(period);
  const end = today && today < range.to ? today : range.to;
  const from = range.from > first ? range.from : first;
  const to = end < last ? end : last;
  if (from === first && to === last)
    return { short: formatMonth(period), long: longMonthName.format(new Date(`${first}T00:00:00Z`)), incomplete: false };
  const days = `${shortDayName.format(new Date(`${from}T00:00:00Z`))} tot ${shortDayName.format(new Date(`${to}T00:00:00Z`))}`;
  return {
    short: `${formatMonth(period)}*`,
    long: `${longMonthName.format(new Date(`${first}T00:00:00Z`))} (${LABELS.incomplete}: ${days})`,
    incomplete: true,
  };
}

/** Whether a difference with the panel is beyond chance, in words. */
function certainty(comparison) {
  return comparison.significant ? 'dat verschil is statistisch zeker' : 'het verschil is nog niet zeker';
}

function tooFewSentence(n) {
  return `Te weinig antwoorden om iets te besluiten: ${formatCount(n)}, we tonen een cijfer vanaf 10.`;
}

function shareWithInterval(share, interval) {
  if (share === null || share === undefined) return SUPPRESSED_TEXT;
  if (!interval) return formatShare(share);
  return `${formatShare(share)} (${formatShare(interval[0])} tot ${formatShare(interval[1])})`;
}

/** The share of conversations that started while the counter was closed, in one sentence. */
function openingHoursSentence(hours) {
  const unknown = hours.unknown > 0 ? ` Van ${formatCount(hours.unknown)} oudere gesprekken weten we dat niet.` : '';
  if (hours.suppressed)
    return `Te weinig gesprekken om te zeggen hoeveel er buiten de openingsuren van het loket begonnen: ${formatCount(hours.n)}.${unknown}`;
  return `${formatShare(hours.outside)} van de gesprekken begon buiten de openingsuren van het loket (van ${formatCount(hours.n)} gesprekken).${unknown}`;
}

/**
 * Everything the page draws: per chart the series for the SVG and the table that says the same in
 * words. `today` (YYYY-MM-DD) marks the running month incomplete: the report covers whole months.
 */
export function dashboardModel(report, { today } = {}) {
  const periods = report.periods ?? [];
  const months = periods.map((period) => monthLabel(period.period, report, today));
  const source = report.baseline.source;
  const awarenessSentences = report.awareness.suppressed
    ? [tooFewSentence(report.awareness.n)]
    : AWARENESS_CODES.map((code) => {
        const [low, high] = report.awareness.ci95[code];
        return `${formatShare(report.awareness[code])} ${AWARENESS_PHRASES[code]} (tussen ${formatShare(low)} en ${formatShare(high)}); in het ${source} was dat ${formatShare(report.baseline.awareness[code])}: ${certainty(report.awareness.vsBaseline[code])}.`;
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
    series: AWARENESS_CODES.map((code) => ({
      code,
      label: LABELS.awareness[code],
      values: periods.map((period) => period.awareness[code]),
      reference: report.baseline.awareness[code],
    })),
    table: {
      columns: [LABELS.month, LABELS.answers, ...AWARENESS_CODES.map((code) => LABELS.awareness[code])],
      rows: [
        ...periods.map((period, index) => [
          months[index].long,
          formatCount(period.awareness.n),
          ...AWARENESS_CODES.map((code) => formatShare(period.awareness[code])),
        ]),
        [
          LABELS.whole,
          formatCount(report.awareness.n),
          ...AWARENESS_CODES.map((code) => shareWithInterval(report.awareness[code], report.awareness.ci95?.[code])),
        ],
        [`${LABELS.baseline}: ${source}`, '', ...AWARENESS_CODES.map((code) => formatShare(report.baseline.awareness[code]))],
      ],
    },
  };

  const surveyed = report.responses - (report.synthetic ?? 0);
  const conversations = report.outcomes?.n ?? 0;
  const responseRate = conversations > 0 ? Math.min(1, surveyed / conversations) : null;
  const satisfactionSentences = [
    report.satisfaction.suppressed
      ? tooFewSentence(report.satisfaction.n)
      : `Inwoners gaven het gesprek gemiddeld ${formatMean(report.satisfaction.mean)} op 5; ${formatShare(report.satisfaction.satisfied)} was tevreden (4 of 5).`,
    responseRate === null
      ? 'Hoeveel gesprekken een enquête kregen, tonen we zodra er afgesloten gesprekken zijn.'
      : `${formatShare(responseRate)} van de gesprekken kreeg een ingevulde enquête (${formatCount(surveyed)} van ${formatCount(conversations)}).`,
  ];
  if (months.some((month) => month.incomplete)) {
    satisfactionSentences.push('Een maand met * is niet volledig: lees daar nog geen stijging of daling uit.');
  }
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
    series: [{ code: 'mean', label: LABELS.mean, values: periods.map((period) => period.satisfaction.mean) }],
    table: {
      columns: [LABELS.month, LABELS.answers, LABELS.mean, LABELS.satisfied],
      rows: [
        ...periods.map((period, index) => [
          months[index].long,
          formatCount(period.satisfaction.n),
          formatMean(period.satisfaction.mean),
          formatShare(period.satisfaction.satisfied),
        ]),
        [
          LABELS.whole,
          formatCount(report.satisfaction.n),
          formatMean(report.satisfaction.mean),
          formatShare(report.satisfaction.satisfied),
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
      ? [tooFewSentence(appointment.n)]
      : APPOINTMENT_CODES.map(
          (code) =>
            `${formatShare(appointment[code])} ${APPOINTMENT_PHRASES[code]}; in het ${source} was dat ${formatShare(report.baseline.appointmentPreference[code])}: ${certainty(appointment.vsBaseline[code])}.`,
        ),
    groups: APPOINTMENT_CODES.map((code) => ({
      label: LABELS.appointmentPreference[code],
      bars: [
        { label: LABELS.survey, value: appointment[code] },
        { label: LABELS.panel, value: report.baseline.appointmentPreference[code] },
      ],
    })),
    table: {
      columns: [
        LABELS.answer,
        `${LABELS.survey} (${formatCount(appointment.n)} ${LABELS.answers.toLowerCase()})`,
        `${LABELS.panel} ${report.baseline.source}`,
      ],
      rows: APPOINTMENT_CODES.map((code) => [
        LABELS.appointmentPreference[code],
        formatShare(appointment[code]),
        formatShare(report.baseline.appointmentPreference[code]),
      ]),
    },
  };

  const booking = report.bookingChannel;
  const bookingRows = [
    { label: LABELS.allAges, block: booking },
    ...AGE_CODES.map((age) => ({ label: LABELS.ageBracket[age], block: booking.byAge?.[age] ?? { n: 0, suppressed: true } })),
  ];
  const bookingChannelByAge = {
    id: 'bookingChannelByAge',
    kind: 'bars',
    yFormat: 'share',
    sentences: bookingRows.map(({ label, block }) => {
      if (block.suppressed) return `${label}: te weinig antwoorden (${formatCount(block.n)}).`;
      const top = BOOKING_CODES.reduce((best, code) => (block[code] > block[best] ? code : best), BOOKING_CODES[0]);
      const who = block[top] > 0.5 ? 'de meesten maken' : 'de grootste groep maakt';
      return `${label}: ${who} een afspraak ${BOOKING_PHRASES[top]} (${formatShare(block[top])}).`;
    }),
    groups: bookingRows.map(({ label, block }) => ({
      label,
      bars: BOOKING_CODES.map((code) => ({ label: LABELS.bookingChannel[code], value: block[code] ?? null })),
    })),
    table: {
      columns: [LABELS.age, LABELS.answers, ...BOOKING_CODES.map((code) => LABELS.bookingChannel[code])],
      rows: bookingRows.map(({ label, block }) => [label, formatCount(block.n), ...BOOKING_CODES.map((code) => formatShare(block[code]))]),
    },
  };

  const outcomeBlock = report.outcomes ?? { n: 0, suppressed: true, resolved: null, escalated: null, abandoned: null };
  // Zero conversations is not "too few answers": there is nothing yet.
  const outcomeCell = (value) => (outcomeBlock.n === 0 ? NO_CONVERSATIONS_TEXT : formatShare(value));
  const outcomes = {
    id: 'outcomes',
    kind: 'bars',
    yFormat: 'share',
    emptyText: outcomeBlock.n === 0 ? NO_CONVERSATIONS_TEXT : undefined,
    sentences:
      outcomeBlock.n === 0
        ? ['Nog geen gesprekken in deze periode.']
        : outcomeBlock.suppressed
          ? [`Te weinig gesprekken om iets te besluiten: ${formatCount(outcomeBlock.n)}, we tonen een cijfer vanaf 10.`]
          : [
              `De assistent loste ${formatShare(outcomeBlock.resolved)} van de ${formatCount(outcomeBlock.n)} gesprekken zelf op; ${formatShare(outcomeBlock.escalated)} ging naar een medewerker en ${formatShare(outcomeBlock.abandoned)} werd afgebroken.`,
            ],
    groups: [
      { label: LABELS.conversations, bars: OUTCOME_CODES.map((code) => ({ label: LABELS.outcomes[code], value: outcomeBlock[code] })) },
    ],
    table: {
      columns: [LABELS.outcome, `${LABELS.share} (${formatCount(outcomeBlock.n)} ${LABELS.conversations.toLowerCase()})`],
      rows: OUTCOME_CODES.map((code) => [LABELS.outcomes[code], outcomeCell(outcomeBlock[code])]),
    },
  };

  const hours = outcomeBlock.outsideOpeningHours ?? { n: 0, unknown: outcomeBlock.n, suppressed: true, outside: null };
  if (outcomeBlock.n > 0) outcomes.sentences.push(openingHoursSentence(hours));

  return {
    summary: {
      responses: report.responses,
      synthetic: report.synthetic ?? 0,
      from: report.from,
      to: report.to,
      period: `${formatDay(report.from)} tot en met ${formatDay(report.to)}`,
      responseRate,
      conversations,
      outsideOpeningHours: hours.suppressed ? null : hours.outside,
    },
    charts: [awareness, satisfaction, appointmentPreference, bookingChannelByAge, outcomes],
  };
}
