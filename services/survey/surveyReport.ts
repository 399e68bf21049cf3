/**
 * Survey figures for the communications team: pure functions to the report shape of
 * docs/contract/http.md ("Survey report shape"), plus extensions (`suppressed`, `synthetic`,
 * `ageBracket`, `vsBaseline`, `outcomes` with `outsideOpeningHours`). Two halves: the counts of the rows (surveyCounts.ts,
 * or a store's GROUP BY queries) and the figures from those counts (`surveyReportFromCounts`),
 * so a report from PostgreSQL and one from rows in memory are made by the same code.
 *
 * Rules that hold for every figure:
 * - A share is a fraction of the answers to that question; skipped questions are left out.
 * - Shares, interval bounds, differences and p-values are rounded to 4 decimals, means to
 *   2 decimals. Rounded shares of one question may therefore add up to 0.9999 or 1.0001.
 *   Significance is decided on the unrounded p-value.
 * - Small-cell suppression: a cell (a question block, a byAge cell, a period's block, the
 *   outcome totals or one day's outcomes) computed from fewer than 10 answers or
 *   conversations shows `suppressed: true` and `null` for every share, mean, interval,
 *   comparison and count in it, never a number. Its `n` stays, so readers see why.
 * - Reports offered outside (storedSurveyReport with leaveOutSmallCells, on whole months) also
 *   leave each month's small cells and each small day's outcomes out of the totals, so no two
 *   reports can be subtracted to recover a suppressed cell.
 * - Rows outside from..to (inclusive) are ignored. Synthetic (demo) rows are counted like
 *   real ones; `synthetic` says how many of the responses were generated.
 */
import { twoProportionZTest, wilsonInterval } from './statistics.js';
import {
  answersIn,
  countSurveyRows,
  eachCode,
  emptyMonthCounts,
  SATISFACTION_KEYS,
  type CodeCounts,
  type Each,
  type SatisfactionKey,
  type SurveyCounts,
} from './surveyCounts.js';
import type { SurveyBaseline } from './surveyBaseline.js';
import {
  AGE_BRACKET_CODES,
  APPOINTMENT_PREFERENCE_CODES,
  AWARENESS_CODES,
  BOOKING_CHANNEL_CODES,
  SURVEY_ANSWER_CODES,
  type AgeBracketCode,
  type AppointmentPreferenceCode,
  type AwarenessCode,
  type BookingChannelCode,
  type SatisfactionCode,
} from './surveyCodes.js';
import {
  CONVERSATION_OUTCOMES,
  type ConversationOutcome,
  type ConversationOutcomeCount,
  type OpeningHoursFlag,
  type SurveyResponse,
} from './surveyResponse.js';
import { isCalendarDay, monthsCovering } from '../brusselsTime.js';

/** Cells computed from fewer answers than this are suppressed. */
export const MIN_ANSWERS_PER_CELL = 10;
const SHARE_DECIMALS = 4;
const MEAN_DECIMALS = 2;

export interface ReportRange {
  /** First day included, YYYY-MM-DD. */
  from: string;
  /** Last day included, YYYY-MM-DD. */
  to: string;
}

export type Interval = [number, number];

/** Shares of each code, or all null when suppressed. */
export type ShareBlock<C extends string> =
  ({ n: number; suppressed: false } & Each<C, number>) | ({ n: number; suppressed: true } & Each<C, null>);

/** Survey share minus baseline share, and whether the difference is beyond chance. */
export interface BaselineComparison {
  difference: number;
  z: number;
  pValue: number;
  significant: boolean;
}

type AwarenessBlock =
  | ({
      n: number;
      suppressed: false;
      ci95: Each<AwarenessCode, Interval>;
      vsBaseline: Each<AwarenessCode, BaselineComparison>;
    } & Each<AwarenessCode, number>)
  | ({
      n: number;
      suppressed: true;
      ci95: Each<AwarenessCode, null>;
      vsBaseline: Each<AwarenessCode, null>;
    } & Each<AwarenessCode, null>);

type AppointmentPreferenceBlock =
  | ({ n: number; suppressed: false; vsBaseline: Each<AppointmentPreferenceCode, BaselineComparison> } & Each<
      AppointmentPreferenceCode,
      number
    >)
  | ({ n: number; suppressed: true; vsBaseline: Each<AppointmentPreferenceCode, null> } & Each<AppointmentPreferenceCode, null>);

type SatisfactionCounts = { '1': number; '2': number; '3': number; '4': number; '5': number };

type SatisfactionBlock =
  | { n: number; suppressed: false; mean: number; satisfied: number; counts: SatisfactionCounts }
  | { n: number; suppressed: true; mean: null; satisfied: null; counts: null };

type PeriodSatisfaction =
  { n: number; suppressed: false; mean: number; satisfied: number } | { n: number; suppressed: true; mean: null; satisfied: null };

type BookingChannelBlock = ShareBlock<BookingChannelCode> & {
  /** Answers from rows that also carry an age bracket; every bracket is always listed. */
  byAge: Each<AgeBracketCode, ShareBlock<BookingChannelCode>>;
};

interface SurveyPeriod {
  /** YYYY-MM; only the days inside from..to count. */
  period: string;
  responses: number;
  synthetic: number;
  awareness: ShareBlock<AwarenessCode>;
  satisfaction: PeriodSatisfaction;
}

interface ReportBaseline {
  source: string;
  awareness: Each<AwarenessCode, number>;
  appointmentPreference: Each<AppointmentPreferenceCode, number>;
  n: number;
  nIsAssumption: boolean;
}

/** Conversations per outcome on one day, all channels together. */
type OutcomeDay =
  | ({ day: string; n: number; suppressed: false } & Each<ConversationOutcome, number>)
  | ({ day: string; n: number; suppressed: true } & Each<ConversationOutcome, null>);

/**
 * Conversations that started outside the counter's opening hours, as a share of those whose start
 * is known (`n`); `unknown` counts the ones recorded before the flag existed, never as inside.
 */
type OpeningHoursBlock =
  { n: number; unknown: number; suppressed: false; outside: number } | { n: number; unknown: number; suppressed: true; outside: null };

type OutcomeBlock = ShareBlock<ConversationOutcome> & { days: OutcomeDay[]; outsideOpeningHours: OpeningHoursBlock };

/** The answer and outcome codes in contract order, so readers (the dashboard) need no copy of them. */
interface ReportCodes {
  awareness: readonly AwarenessCode[];
  satisfaction: readonly SatisfactionCode[];
  appointmentPreference: readonly AppointmentPreferenceCode[];
  bookingChannel: readonly BookingChannelCode[];
  ageBracket: readonly AgeBracketCode[];
  outcome: readonly ConversationOutcome[];
}

const REPORT_CODES: ReportCodes = { ...SURVEY_ANSWER_CODES, outcome: CONVERSATION_OUTCOMES };

export interface SurveyReport {
  from: string;
  to: string;
  codes: ReportCodes;
  /** Survey rows in the range (including synthetic ones). */
  responses: number;
  /** How many of `responses` were generated demo rows. */
  synthetic: number;
  awareness: AwarenessBlock;
  satisfaction: SatisfactionBlock;
  appointmentPreference: AppointmentPreferenceBlock;
  bookingChannel: BookingChannelBlock;
  ageBracket: ShareBlock<AgeBracketCode>;
  baseline: ReportBaseline;
  periods: SurveyPeriod[];
  /** Conversation outcomes in the range; null when no outcome counts were given. */
  outcomes: OutcomeBlock | null;
}

/** Rounds half away from zero; the tiny nudge absorbs binary noise such as 0.00125 → 12.499999… */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
  return rounded === 0 ? 0 : rounded; // no -0 in JSON consumers' hands
}

const share = (value: number) => roundTo(value, SHARE_DECIMALS);

function shareBlock<C extends string>(codes: readonly C[], counts: CodeCounts<C>): ShareBlock<C> {
  const n = answersIn(counts);
  if (n < MIN_ANSWERS_PER_CELL) return { n, suppressed: true, ...eachCode(codes, () => null) };
  return { n, suppressed: false, ...eachCode(codes, (code) => share(counts[code] / n)) };
}

function compareWithBaseline<C extends string>(
  codes: readonly C[],
  counts: CodeCounts<C>,
  baselineShares: Each<C, number>,
  baselineN: number,
): Each<C, BaselineComparison> {
  const n = answersIn(counts);
  return eachCode(codes, (code) => {
    const observed = counts[code] / n;
    const test = twoProportionZTest(observed, n, baselineShares[code], baselineN);
    return {
      difference: share(observed - baselineShares[code]),
      z: roundTo(test.z, SHARE_DECIMALS),
      pValue: share(test.pValue),
      significant: test.significant,
    };
  });
}

function awarenessBlock(counts: CodeCounts<AwarenessCode>, baseline: SurveyBaseline): AwarenessBlock {
  const block = shareBlock(AWARENESS_CODES, counts);
  if (block.suppressed) {
    return { ...block, ci95: eachCode(AWARENESS_CODES, () => null), vsBaseline: eachCode(AWARENESS_CODES, () => null) };
  }
  const n = answersIn(counts);
  return {
    ...block,
    ci95: eachCode(AWARENESS_CODES, (code) => {
      const [low, high] = wilsonInterval(counts[code], n);
      return [share(low), share(high)] as Interval;
    }),
    vsBaseline: compareWithBaseline(AWARENESS_CODES, counts, baseline.awareness, baseline.n),
  };
}

function appointmentPreferenceBlock(counts: CodeCounts<AppointmentPreferenceCode>, baseline: SurveyBaseline): AppointmentPreferenceBlock {
  const block = shareBlock(APPOINTMENT_PREFERENCE_CODES, counts);
  if (block.suppressed) return { ...block, vsBaseline: eachCode(APPOINTMENT_PREFERENCE_CODES, () => null) };
  return {
    ...block,
    vsBaseline: compareWithBaseline(APPOINTMENT_PREFERENCE_CODES, counts, baseline.appointmentPreference, baseline.n),
  };
}

function satisfactionFigures(counts: CodeCounts<SatisfactionKey>) {
  const n = answersIn(counts);
  let sum = 0;
  for (const key of SATISFACTION_KEYS) sum += Number(key) * counts[key];
  const satisfied = counts['4'] + counts['5'];
  return { n, mean: n > 0 ? sum / n : 0, satisfiedShare: n > 0 ? satisfied / n : 0 };
}

function satisfactionBlock(counts: CodeCounts<SatisfactionKey>): SatisfactionBlock {
  const { n, mean, satisfiedShare } = satisfactionFigures(counts);
  if (n < MIN_ANSWERS_PER_CELL) return { n, suppressed: true, mean: null, satisfied: null, counts: null };
  return {
    n,
    suppressed: false,
    mean: roundTo(mean, MEAN_DECIMALS),
    satisfied: share(satisfiedShare),
    counts: { '1': counts['1'], '2': counts['2'], '3': counts['3'], '4': counts['4'], '5': counts['5'] },
  };
}

function periodSatisfaction(counts: CodeCounts<SatisfactionKey>): PeriodSatisfaction {
  const { n, mean, satisfiedShare } = satisfactionFigures(counts);
  if (n < MIN_ANSWERS_PER_CELL) return { n, suppressed: true, mean: null, satisfied: null };
  return { n, suppressed: false, mean: roundTo(mean, MEAN_DECIMALS), satisfied: share(satisfiedShare) };
}

function bookingChannelBlock(counts: SurveyCounts): BookingChannelBlock {
  const overall = shareBlock(BOOKING_CHANNEL_CODES, counts.bookingChannel);
  const byAge = eachCode(AGE_BRACKET_CODES, (age) => shareBlock(BOOKING_CHANNEL_CODES, counts.bookingChannelByAge[age]));
  return { ...overall, byAge };
}

function periods(counts: SurveyCounts, range: ReportRange): SurveyPeriod[] {
  return monthsCovering(range.from, range.to).map((period) => {
    const month = counts.months[period] ?? emptyMonthCounts();
    return {
      period,
      responses: month.responses,
      synthetic: month.synthetic,
      awareness: shareBlock(AWARENESS_CODES, month.awareness),
      satisfaction: periodSatisfaction(month.satisfaction),
    };
  });
}

/**
 * `totalsOfShownDaysOnly`: the totals add only the days shown, as reports offered outside need; otherwise
 * a suppressed day's counts are the total minus the other days.
 */
function outcomeBlock(counts: readonly ConversationOutcomeCount[], range: ReportRange, totalsOfShownDaysOnly: boolean): OutcomeBlock {
  const perDay = new Map<string, Each<ConversationOutcome, number>>();
  const hoursPerDay = new Map<string, HoursCounts>();
  const totals = eachCode(CONVERSATION_OUTCOMES, () => 0);
  const hoursTotals: HoursCounts = { inside: 0, outside: 0, unknown: 0 };
  for (const count of counts) {
    if (count.day < range.from || count.day > range.to) continue;
    let day = perDay.get(count.day);
    if (!day) {
      day = eachCode(CONVERSATION_OUTCOMES, () => 0);
      perDay.set(count.day, day);
      hoursPerDay.set(count.day, { inside: 0, outside: 0, unknown: 0 });
    }
    // Several rows for one day and outcome (per channel, opening hours, or increment) add up.
    day[count.outcome] += count.count;
    hoursPerDay.get(count.day)![count.openingHours ?? 'unknown'] += count.count;
  }
  const days: OutcomeDay[] = [...perDay.keys()].sort().map((day) => {
    const dayCounts = perDay.get(day) as Each<ConversationOutcome, number>;
    const dayN = answersIn(dayCounts);
    const shown = dayN >= MIN_ANSWERS_PER_CELL;
    if (shown || !totalsOfShownDaysOnly) {
      for (const outcome of CONVERSATION_OUTCOMES) totals[outcome] += dayCounts[outcome];
      const hours = hoursPerDay.get(day)!;
      for (const flag of HOURS_KEYS) hoursTotals[flag] += hours[flag];
    }
    if (!shown) return { day, n: dayN, suppressed: true, ...eachCode(CONVERSATION_OUTCOMES, () => null) };
    return { day, n: dayN, suppressed: false, ...dayCounts };
  });
  const n = answersIn(totals);
  const outsideOpeningHours = openingHoursBlock(hoursTotals);
  if (n < MIN_ANSWERS_PER_CELL) return { n, suppressed: true, ...eachCode(CONVERSATION_OUTCOMES, () => null), days, outsideOpeningHours };
  return { n, suppressed: false, ...eachCode(CONVERSATION_OUTCOMES, (outcome) => share(totals[outcome] / n)), days, outsideOpeningHours };
}

type HoursCounts = Record<OpeningHoursFlag | 'unknown', number>;
const HOURS_KEYS = ['inside', 'outside', 'unknown'] as const;

/** The share outside the opening hours of the conversations whose start is known; unknown ones apart. */
function openingHoursBlock(counts: HoursCounts): OpeningHoursBlock {
  const n = counts.inside + counts.outside;
  if (n < MIN_ANSWERS_PER_CELL) return { n, unknown: counts.unknown, suppressed: true, outside: null };
  return { n, unknown: counts.unknown, suppressed: false, outside: share(counts.outside / n) };
}

function checkRange(range: ReportRange): void {
  if (!isCalendarDay(range.from) || !isCalendarDay(range.to)) throw new RangeError('from and to must be YYYY-MM-DD');
  if (range.from > range.to) throw new RangeError('from must not be after to');
}

/**
 * The survey report for the days from..to (inclusive) from the counts of its rows (see
 * surveyCounts.ts): the figures half, shared by every store. `counts` must cover exactly from..to.
 */
export function surveyReportFromCounts(
  counts: SurveyCounts,
  range: ReportRange,
  baseline: SurveyBaseline,
  outcomeCounts?: readonly ConversationOutcomeCount[],
  options: { totalsOfShownDaysOnly?: boolean } = {},
): SurveyReport {
  checkRange(range);
  return {
    from: range.from,
    to: range.to,
    codes: {
      awareness: [...REPORT_CODES.awareness],
      satisfaction: [...REPORT_CODES.satisfaction],
      appointmentPreference: [...REPORT_CODES.appointmentPreference],
      bookingChannel: [...REPORT_CODES.bookingChannel],
      ageBracket: [...REPORT_CODES.ageBracket],
      outcome: [...REPORT_CODES.outcome],
    },
    responses: counts.responses,
    synthetic: counts.synthetic,
    awareness: awarenessBlock(counts.awareness, baseline),
    satisfaction: satisfactionBlock(counts.satisfaction),
    appointmentPreference: appointmentPreferenceBlock(counts.appointmentPreference, baseline),
    bookingChannel: bookingChannelBlock(counts),
    ageBracket: shareBlock(AGE_BRACKET_CODES, counts.ageBracket),
    baseline: {
      source: baseline.source,
      awareness: { ...baseline.awareness },
      appointmentPreference: { ...baseline.appointmentPreference },
      n: baseline.n,
      nIsAssumption: baseline.nIsAssumption,
    },
    periods: periods(counts, range),
    outcomes: outcomeCounts === undefined ? null : outcomeBlock(outcomeCounts, range, options.totalsOfShownDaysOnly ?? false),
  };
}

/**
 * The survey report for the days from..to (inclusive). Pure: the caller reads the rows,
 * the baseline (data/surveyBaseline.json via toSurveyBaseline) and the outcome counts.
 */
export function buildSurveyReport(
  rows: readonly SurveyResponse[],
  range: ReportRange,
  baseline: SurveyBaseline,
  outcomeCounts?: readonly ConversationOutcomeCount[],
): SurveyReport {
  checkRange(range);
  return surveyReportFromCounts(countSurveyRows(rows, range), range, baseline, outcomeCounts);
}
