// What the dashboard shows, computed from the survey report JSON (GET /api/reports/survey).
// Pure: no DOM, so the server's tests check exactly the figures and words the page shows.
// Dutch words of the dashboard live here and in the HTML templates next to this file.

export const SUPPRESSED_TEXT = 'te weinig antwoorden';

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
};

export const AWARENESS_CODES = ['used', 'awareNotUsed', 'unaware'];
export const APPOINTMENT_CODES = ['appointment', 'indifferent', 'walkIn'];
export const BOOKING_CODES = ['online', 'phone', 'counter'];
export const AGE_CODES = ['18-34', '35-49', '50-64', '65+'];
export const OUTCOME_CODES = ['resolved', 'escalated', 'abandoned'];

const percent = new Intl.NumberFormat('nl-BE', { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 });
const monthName = new Intl.DateTimeFormat('nl-BE', { month: 'short', year: 'numeric', timeZone: 'UTC' });

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

function shareWithInterval(share, interval) {
  if (share === null || share === undefined) return SUPPRESSED_TEXT;
  if (!interval) return formatShare(share);
  return `${formatShare(share)} (${formatShare(interval[0])} tot ${formatShare(interval[1])})`;
}

/** Everything the page draws: per chart the series for the SVG and the table that says the same in words. */
export function dashboardModel(report) {
  const periods = report.periods ?? [];
  const awareness = {
    id: 'awareness',
    kind: 'lines',
    yMax: 1,
    yFormat: 'share',
    categories: periods.map((period) => formatMonth(period.period)),
    series: AWARENESS_CODES.map((code) => ({
      code,
      label: LABELS.awareness[code],
      values: periods.map((period) => period.awareness[code]),
      reference: report.baseline.awareness[code],
    })),
    table: {
      columns: [LABELS.month, LABELS.answers, ...AWARENESS_CODES.map((code) => LABELS.awareness[code])],
      rows: [
        ...periods.map((period) => [formatMonth(period.period), formatCount(period.awareness.n), ...AWARENESS_CODES.map((code) => formatShare(period.awareness[code]))]),
        [
          LABELS.whole,
          formatCount(report.awareness.n),
          ...AWARENESS_CODES.map((code) => shareWithInterval(report.awareness[code], report.awareness.ci95?.[code])),
        ],
        [`${LABELS.baseline}: ${report.baseline.source}`, '', ...AWARENESS_CODES.map((code) => formatShare(report.baseline.awareness[code]))],
      ],
    },
  };

  const satisfaction = {
    id: 'satisfaction',
    kind: 'lines',
    yMin: 1,
    yMax: 5,
    yFormat: 'mean',
    categories: periods.map((period) => formatMonth(period.period)),
    series: [{ code: 'mean', label: LABELS.mean, values: periods.map((period) => period.satisfaction.mean) }],
    table: {
      columns: [LABELS.month, LABELS.answers, LABELS.mean, LABELS.satisfied],
      rows: [
        ...periods.map((period) => [
          formatMonth(period.period),
          formatCount(period.satisfaction.n),
          formatMean(period.satisfaction.mean),
          formatShare(period.satisfaction.satisfied),
        ]),
        [LABELS.whole, formatCount(report.satisfaction.n), formatMean(report.satisfaction.mean), formatShare(report.satisfaction.satisfied)],
      ],
    },
  };

  const appointment = report.appointmentPreference;
  const appointmentPreference = {
    id: 'appointmentPreference',
    kind: 'bars',
    yFormat: 'share',
    groups: APPOINTMENT_CODES.map((code) => ({
      label: LABELS.appointmentPreference[code],
      bars: [
        { label: LABELS.survey, value: appointment[code] },
        { label: LABELS.panel, value: report.baseline.appointmentPreference[code] },
      ],
    })),
    table: {
      columns: [LABELS.answer, `${LABELS.survey} (${formatCount(appointment.n)} ${LABELS.answers.toLowerCase()})`, `${LABELS.panel} ${report.baseline.source}`],
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
  const outcomes = {
    id: 'outcomes',
    kind: 'bars',
    yFormat: 'share',
    groups: [{ label: LABELS.conversations, bars: OUTCOME_CODES.map((code) => ({ label: LABELS.outcomes[code], value: outcomeBlock[code] })) }],
    table: {
      columns: [LABELS.outcome, `${LABELS.share} (${formatCount(outcomeBlock.n)} ${LABELS.conversations.toLowerCase()})`],
      rows: OUTCOME_CODES.map((code) => [LABELS.outcomes[code], formatShare(outcomeBlock[code])]),
    },
  };

  return {
    summary: { responses: report.responses, synthetic: report.synthetic ?? 0, from: report.from, to: report.to },
    charts: [awareness, satisfaction, appointmentPreference, bookingChannelByAge, outcomes],
  };
}
