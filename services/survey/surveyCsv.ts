/**
 * The survey report as CSV for Excel with Belgian (nl-BE) settings: UTF-8 with a BOM (else
 * Excel guesses Windows-1252), `;` between fields and a decimal comma (Excel's list and
 * decimal separators in nl-BE), CRLF line ends. One row per figure, so a pivot table can
 * slice it; answer and question values stay the contract's codes so files can be joined, and each
 * code column has a `_tekst` column beside it with its Dutch words (from locales/, passed in).
 */
import { AGE_BRACKET_CODES, APPOINTMENT_PREFERENCE_CODES, AWARENESS_CODES, BOOKING_CHANNEL_CODES } from './surveyCodes.js';
import { CONVERSATION_OUTCOMES } from './surveyResponse.js';
import type { BaselineComparison, Interval, ShareBlock, SurveyReport } from './surveyReport.js';

export const SURVEY_CSV_COLUMNS = [
  'vraag', // question code
  'vraag_tekst', // the question in words
  'antwoord', // answer code
  'antwoord_tekst', // the answer in words
  'leeftijd', // age bracket, for the booking channel by age
  'leeftijd_tekst', // the age bracket in words
  'periode', // from/to, YYYY-MM or YYYY-MM-DD
  'maat', // which figure: see SURVEY_CSV_MEASURES
  'n', // answers (or conversations) the figure is computed from
  'waarde', // the figure itself
  'ci95_laag',
  'ci95_hoog',
  'basislijn', // panel share
  'verschil', // share minus panel share
  'p_waarde',
  'significant', // ja / nee at 0.05
  'onderdrukt', // "onderdrukt" when fewer than 10 answers: the figure cells are then empty
] as const;
type SurveyCsvColumn = (typeof SURVEY_CSV_COLUMNS)[number];

/** Values of the `maat` column. */
const SURVEY_CSV_MEASURES = {
  responses: 'antwoorden',
  synthetic: 'synthetisch',
  share: 'aandeel',
  mean: 'gemiddelde',
  satisfied: 'tevreden',
  count: 'aantal',
} as const;

const CSV_SEPARATOR = ';';
const CSV_LINE_END = '\r\n';
const UTF8_BOM = '\uFEFF';
const SUPPRESSED = 'onderdrukt';
const OUTCOME_QUESTION = 'outcome';
const OPENING_HOURS_QUESTION = 'outsideOpeningHours';

type Cell = string | number | boolean | null;
type CsvRow = Partial<Record<SurveyCsvColumn, Cell>>;

/** A number with a decimal comma; never exponent notation, which Excel would read as text. */
function formatCsvNumber(value: number): string {
  const text = Math.abs(value) < 1e-6 && value !== 0 ? value.toFixed(10).replace(/0+$/, '') : String(value);
  return text.replace('.', ',');
}

/** One field: numbers with a decimal comma, null as empty, text quoted when it must be. */
export function formatCsvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatCsvNumber(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  // Text starting like a formula would run in Excel: make it plain text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function shareRows<C extends string>(
  question: string,
  codes: readonly C[],
  block: ShareBlock<C>,
  periode: string,
  extra: (code: C) => CsvRow = () => ({}),
  leeftijd: string | null = null,
): CsvRow[] {
  return codes.map((code) => ({
    vraag: question,
    antwoord: code,
    leeftijd,
    periode,
    maat: SURVEY_CSV_MEASURES.share,
    n: block.n,
    waarde: block[code],
    onderdrukt: block.suppressed ? SUPPRESSED : null,
    ...(block.suppressed ? {} : extra(code)),
  }));
}

function comparisonCells(baselineShare: number, comparison: BaselineComparison | null): CsvRow {
  if (comparison === null) return {};
  return {
    basislijn: baselineShare,
    verschil: comparison.difference,
    p_waarde: comparison.pValue,
    significant: comparison.significant,
  };
}

function intervalCells(interval: Interval | null): CsvRow {
  return interval === null ? {} : { ci95_laag: interval[0], ci95_hoog: interval[1] };
}

function reportRows(report: SurveyReport): CsvRow[] {
  const whole = `${report.from}/${report.to}`;
  const rows: CsvRow[] = [
    { periode: whole, maat: SURVEY_CSV_MEASURES.responses, waarde: report.responses },
    { periode: whole, maat: SURVEY_CSV_MEASURES.synthetic, waarde: report.synthetic },
  ];

  const awareness = report.awareness;
  rows.push(
    ...shareRows('awareness', AWARENESS_CODES, awareness, whole, (code) => ({
      ...intervalCells(awareness.ci95[code]),
      ...comparisonCells(report.baseline.awareness[code], awareness.vsBaseline[code]),
    })),
  );

  const satisfaction = report.satisfaction;
  const satisfactionRow = (maat: string, waarde: number | null, antwoord: string | null = null): CsvRow => ({
    vraag: 'satisfaction',
    antwoord,
    periode: whole,
    maat,
    n: satisfaction.n,
    waarde,
    onderdrukt: satisfaction.suppressed ? SUPPRESSED : null,
  });
  rows.push(
    satisfactionRow(SURVEY_CSV_MEASURES.mean, satisfaction.mean),
    satisfactionRow(SURVEY_CSV_MEASURES.satisfied, satisfaction.satisfied),
    ...(['1', '2', '3', '4', '5'] as const).map((score) =>
      satisfactionRow(SURVEY_CSV_MEASURES.count, satisfaction.counts === null ? null : satisfaction.counts[score], score),
    ),
  );

  const appointment = report.appointmentPreference;
  rows.push(
    ...shareRows('appointmentPreference', APPOINTMENT_PREFERENCE_CODES, appointment, whole, (code) =>
      comparisonCells(report.baseline.appointmentPreference[code], appointment.vsBaseline[code]),
    ),
  );

  rows.push(...shareRows('bookingChannel', BOOKING_CHANNEL_CODES, report.bookingChannel, whole));
  for (const age of AGE_BRACKET_CODES) {
    rows.push(...shareRows('bookingChannel', BOOKING_CHANNEL_CODES, report.bookingChannel.byAge[age], whole, undefined, age));
  }
  rows.push(...shareRows('ageBracket', AGE_BRACKET_CODES, report.ageBracket, whole));

  for (const period of report.periods) {
    rows.push({ periode: period.period, maat: SURVEY_CSV_MEASURES.responses, waarde: period.responses });
    rows.push(...shareRows('awareness', AWARENESS_CODES, period.awareness, period.period));
    const suppressed = period.satisfaction.suppressed ? SUPPRESSED : null;
    rows.push(
      {
        vraag: 'satisfaction',
        periode: period.period,
        maat: SURVEY_CSV_MEASURES.mean,
        n: period.satisfaction.n,
        waarde: period.satisfaction.mean,
        onderdrukt: suppressed,
      },
      {
        vraag: 'satisfaction',
        periode: period.period,
        maat: SURVEY_CSV_MEASURES.satisfied,
        n: period.satisfaction.n,
        waarde: period.satisfaction.satisfied,
        onderdrukt: suppressed,
      },
    );
  }

  if (report.outcomes !== null) {
    rows.push(...shareRows(OUTCOME_QUESTION, CONVERSATION_OUTCOMES, report.outcomes, whole));
    const hours = report.outcomes.outsideOpeningHours;
    rows.push(
      {
        vraag: OPENING_HOURS_QUESTION,
        antwoord: 'outside',
        periode: whole,
        maat: SURVEY_CSV_MEASURES.share,
        n: hours.n,
        waarde: hours.outside,
        onderdrukt: hours.suppressed ? SUPPRESSED : null,
      },
      // Conversations counted before the flag was kept: neither inside nor outside.
      { vraag: OPENING_HOURS_QUESTION, antwoord: 'unknown', periode: whole, maat: SURVEY_CSV_MEASURES.count, waarde: hours.unknown },
    );
    for (const day of report.outcomes.days) {
      for (const outcome of CONVERSATION_OUTCOMES) {
        rows.push({
          vraag: OUTCOME_QUESTION,
          antwoord: outcome,
          periode: day.day,
          maat: SURVEY_CSV_MEASURES.count,
          n: day.n,
          waarde: day[outcome],
          onderdrukt: day.suppressed ? SUPPRESSED : null,
        });
      }
    }
  }
  return rows;
}

/**
 * The words for a code, from locales/<lang>/dashboard.json under `labels.`: `questions.<question>`,
 * `<question>.<answer>` and `ageBracket.<bracket>`.
 */
export type CsvLabel = (key: string) => string;

/** Puts the words next to each code; rows without a code get no words. */
function withLabels(row: CsvRow, label: CsvLabel): CsvRow {
  const question = typeof row.vraag === 'string' ? row.vraag : null;
  return {
    ...row,
    vraag_tekst: question && label(`questions.${question}`),
    antwoord_tekst: question && row.antwoord !== undefined && row.antwoord !== null ? label(`${question}.${String(row.antwoord)}`) : null,
    leeftijd_tekst: typeof row.leeftijd === 'string' ? label(`ageBracket.${row.leeftijd}`) : null,
  };
}

/** The report as a CSV text for Excel (nl-BE), starting with a BOM; codes in their columns, their words beside them. */
export function surveyReportToCsv(report: SurveyReport, label: CsvLabel): string {
  const lines = [
    SURVEY_CSV_COLUMNS.join(CSV_SEPARATOR),
    ...reportRows(report).map((row) => {
      const labelled = withLabels(row, label);
      return SURVEY_CSV_COLUMNS.map((column) => formatCsvField(labelled[column] ?? null)).join(CSV_SEPARATOR);
    }),
  ];
  return UTF8_BOM + lines.map((line) => line + CSV_LINE_END).join('');
}
