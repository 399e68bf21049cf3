/**
 * Survey figures for the communications team: a pure function from stored rows to the
 * report shape of shared/contract/http.md ("Survey report shape"), plus extensions
 * (`suppressed`, `synthetic`, `ageBracket`, `vsBaseline`, `outcomes`).
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
 * - Rows outside from..to (inclusive) are ignored. Synthetic (demo) rows are counted like
 *   real ones; `synthetic` says how many of the responses were generated.
 */
import { isCalendarDay, monthOf, monthsCovering } from './calendarDay.js';
import { twoProportionZTest, wilsonInterval } from './statistics.js';
import type { SurveyBaseline } from './surveyBaseline.js';
import {
  AGE_BRACKET_CODES,
  APPOINTMENT_PREFERENCE_CODES,
  AWARENESS_CODES,
  BOOKING_CHANNEL_CODES,
  SATISFACTION_CODES,
  type AgeBracketCode,
  type AppointmentPreferenceCode,
  type AwarenessCode,
  type BookingChannelCode,
} from './surveyCodes.js';
import {
  CONVERSATION_OUTCOMES,
  type ConversationOutcome,
  type ConversationOutcomeCount,
  type SurveyResponse,
} from './surveyResponse.js';

/** Cells computed from fewer answers than this are suppressed. */
export const MIN_ANSWERS_PER_CELL = 10;
export const SHARE_DECIMALS = 4;
export const MEAN_DECIMALS = 2;

export interface ReportRange {
  /** First day included, YYYY-MM-DD. */
  from: string;
  /** Last day included, YYYY-MM-DD. */
  to: string;
}

export type Interval = [number, number];
type Each<C extends string, V> = { [K in C]: V };

/** Shares of each code, or all null when suppressed. */
export type ShareBlock<C extends string> =
  | ({ n: number; suppressed: false } & Each<C, number>)
  | ({ n: number; suppressed: true } & Each<C, null>);

/** Survey share minus baseline share, and whether the difference is beyond chance. */
export interface BaselineComparison {
  difference: number;
  z: number;
  pValue: number;
  significant: boolean;
}

export type AwarenessBlock =
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

export type AppointmentPreferenceBlock =
  | ({ n: number; suppressed: false; vsBaseline: Each<AppointmentPreferenceCode, BaselineComparison> } & Each<AppointmentPreferenceCode, number>)
  | ({ n: number; suppressed: true; vsBaseline: Each<AppointmentPreferenceCode, null> } & Each<AppointmentPreferenceCode, null>);

export type SatisfactionCounts = { '1': number; '2': number; '3': number; '4': number; '5': number };

export type SatisfactionBlock =
  | { n: number; suppressed: false; mean: number; satisfied: number; counts: SatisfactionCounts }
  | { n: number; suppressed: true; mean: null; satisfied: null; counts: null };

export type PeriodSatisfaction =
  | { n: number; suppressed: false; mean: number; satisfied: number }
  | { n: number; suppressed: true; mean: null; satisfied: null };

export type BookingChannelBlock = ShareBlock<BookingChannelCode> & {
  /** Answers from rows that also carry an age bracket; every bracket is always listed. */
  byAge: Each<AgeBracketCode, ShareBlock<BookingChannelCode>>;
};

export interface SurveyPeriod {
  /** YYYY-MM; only the days inside from..to count. */
  period: string;
  responses: number;
  synthetic: number;
  awareness: ShareBlock<AwarenessCode>;
  satisfaction: PeriodSatisfaction;
}

export interface ReportBaseline {
  source: string;
  awareness: Each<AwarenessCode, number>;
  appointmentPreference: Each<AppointmentPreferenceCode, number>;
  n: number;
  nIsAssumption: boolean;
}

/** Conversations per outcome on one day, all channels together. */
export type OutcomeDay =
  | ({ day: string; n: number; suppressed: false } & Each<ConversationOutcome, number>)
  | ({ day: string; n: number; suppressed: true } & Each<ConversationOutcome, null>);

export type OutcomeBlock = ShareBlock<ConversationOutcome> & { days: OutcomeDay[] };

export interface SurveyReport {
  from: string;
  to: string;
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

function countCodes<C extends string | number>(codes: readonly C[], answers: readonly (C | undefined)[]) {
  const counts = new Map<C, number>(codes.map((code) => [code, 0]));
  let n = 0;
  for (const answer of answers) {
    if (answer === undefined) continue;
    counts.set(answer, (counts.get(answer) ?? 0) + 1);
    n += 1;
  }
  return { n, counts };
}

function eachCode<C extends string, V>(codes: readonly C[], valueOf: (code: C) => V): Each<C, V> {
  return Object.fromEntries(codes.map((code) => [code, valueOf(code)])) as Each<C, V>;
}

function shareBlock<C extends string>(codes: readonly C[], answers: readonly (C | undefined)[]): ShareBlock<C> {
  const { n, counts } = countCodes(codes, answers);
  if (n < MIN_ANSWERS_PER_CELL) return { n, suppressed: true, ...eachCode(codes, () => null) };
  return { n, suppressed: false, ...eachCode(codes, (code) => share((counts.get(code) ?? 0) / n)) };
}

function compareWithBaseline<C extends string>(
  codes: readonly C[],
  answers: readonly (C | undefined)[],
  baselineShares: Each<C, number>,
  baselineN: number,
): Each<C, BaselineComparison> {
  const { n, counts } = countCodes(codes, answers);
  return eachCode(codes, (code) => {
    const observed = (counts.get(code) ?? 0) / n;
    const test = twoProportionZTest(observed, n, baselineShares[code], baselineN);
    return {
      difference: share(observed - baselineShares[code]),
      z: roundTo(test.z, SHARE_DECIMALS),
      pValue: share(test.pValue),
      significant: test.significant,
    };
  });
}

function awarenessBlock(rows: readonly SurveyResponse[], baseline: SurveyBaseline): AwarenessBlock {
  const answers = rows.map((row) => row.answers.awareness);
  const block = shareBlock(AWARENESS_CODES, answers);
  if (block.suppressed) {
    return { ...block, ci95: eachCode(AWARENESS_CODES, () => null), vsBaseline: eachCode(AWARENESS_CODES, () => null) };
  }
  const { n, counts } = countCodes(AWARENESS_CODES, answers);
  return {
    ...block,
    ci95: eachCode(AWARENESS_CODES, (code) => {
      const [low, high] = wilsonInterval(counts.get(code) ?? 0, n);
      return [share(low), share(high)] as Interval;
    }),
    vsBaseline: compareWithBaseline(AWARENESS_CODES, answers, baseline.awareness, baseline.n),
  };
}

function appointmentPreferenceBlock(rows: readonly SurveyResponse[], baseline: SurveyBaseline): AppointmentPreferenceBlock {
  const answers = rows.map((row) => row.answers.appointmentPreference);
  const block = shareBlock(APPOINTMENT_PREFERENCE_CODES, answers);
  if (block.suppressed) return { ...block, vsBaseline: eachCode(APPOINTMENT_PREFERENCE_CODES, () => null) };
  return {
    ...block,
    vsBaseline: compareWithBaseline(APPOINTMENT_PREFERENCE_CODES, answers, baseline.appointmentPreference, baseline.n),
  };
}

function satisfactionFigures(rows: readonly SurveyResponse[]) {
  const { n, counts } = countCodes(SATISFACTION_CODES, rows.map((row) => row.answers.satisfaction));
  let total = 0;
  for (const [score, count] of counts) total += score * count;
  const satisfied = (counts.get(4) ?? 0) + (counts.get(5) ?? 0);
  return { n, counts, mean: n > 0 ? total / n : 0, satisfiedShare: n > 0 ? satisfied / n : 0 };
}

function satisfactionBlock(rows: readonly SurveyResponse[]): SatisfactionBlock {
  const { n, counts, mean, satisfiedShare } = satisfactionFigures(rows);
  if (n < MIN_ANSWERS_PER_CELL) return { n, suppressed: true, mean: null, satisfied: null, counts: null };
  return {
    n,
    suppressed: false,
    mean: roundTo(mean, MEAN_DECIMALS),
    satisfied: share(satisfiedShare),
    counts: {
      '1': counts.get(1) ?? 0,
      '2': counts.get(2) ?? 0,
      '3': counts.get(3) ?? 0,
      '4': counts.get(4) ?? 0,
      '5': counts.get(5) ?? 0,
    },
  };
}

function periodSatisfaction(rows: readonly SurveyResponse[]): PeriodSatisfaction {
  const { n, mean, satisfiedShare } = satisfactionFigures(rows);
  if (n < MIN_ANSWERS_PER_CELL) return { n, suppressed: true, mean: null, satisfied: null };
  return { n, suppressed: false, mean: roundTo(mean, MEAN_DECIMALS), satisfied: share(satisfiedShare) };
}

function bookingChannelBlock(rows: readonly SurveyResponse[]): BookingChannelBlock {
  const overall = shareBlock(BOOKING_CHANNEL_CODES, rows.map((row) => row.answers.bookingChannel));
  const byAge = eachCode(AGE_BRACKET_CODES, (age) =>
    shareBlock(
      BOOKING_CHANNEL_CODES,
      rows.filter((row) => row.answers.ageBracket === age).map((row) => row.answers.bookingChannel),
    ),
  );
  return { ...overall, byAge };
}

function countSynthetic(rows: readonly SurveyResponse[]): number {
  return rows.filter((row) => row.synthetic === true).length;
}

function periods(rows: readonly SurveyResponse[], range: ReportRange): SurveyPeriod[] {
  const byMonth = new Map<string, SurveyResponse[]>(monthsCovering(range.from, range.to).map((month) => [month, []]));
  for (const row of rows) byMonth.get(monthOf(row.day))?.push(row);
  return [...byMonth].map(([period, monthRows]) => ({
    period,
    responses: monthRows.length,
    synthetic: countSynthetic(monthRows),
    awareness: shareBlock(AWARENESS_CODES, monthRows.map((row) => row.answers.awareness)),
    satisfaction: periodSatisfaction(monthRows),
  }));
}

function outcomeBlock(counts: readonly ConversationOutcomeCount[], range: ReportRange): OutcomeBlock {
  const perDay = new Map<string, Each<ConversationOutcome, number>>();
  const totals = eachCode(CONVERSATION_OUTCOMES, () => 0);
  for (const count of counts) {
    if (count.day < range.from || count.day > range.to) continue;
    let day = perDay.get(count.day);
    if (!day) {
      day = eachCode(CONVERSATION_OUTCOMES, () => 0);
      perDay.set(count.day, day);
    }
    // Several rows for one day and outcome (per channel, or per increment) add up.
    day[count.outcome] += count.count;
    totals[count.outcome] += count.count;
  }
  const n = CONVERSATION_OUTCOMES.reduce((sum, outcome) => sum + totals[outcome], 0);
  const days: OutcomeDay[] = [...perDay.keys()].sort().map((day) => {
    const dayCounts = perDay.get(day) as Each<ConversationOutcome, number>;
    const dayN = CONVERSATION_OUTCOMES.reduce((sum, outcome) => sum + dayCounts[outcome], 0);
    if (dayN < MIN_ANSWERS_PER_CELL) return { day, n: dayN, suppressed: true, ...eachCode(CONVERSATION_OUTCOMES, () => null) };
    return { day, n: dayN, suppressed: false, ...dayCounts };
  });
  if (n < MIN_ANSWERS_PER_CELL) return { n, suppressed: true, ...eachCode(CONVERSATION_OUTCOMES, () => null), days };
  return { n, suppressed: false, ...eachCode(CONVERSATION_OUTCOMES, (outcome) => share(totals[outcome] / n)), days };
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
  if (!isCalendarDay(range.from) || !isCalendarDay(range.to)) throw new RangeError('from and to must be YYYY-MM-DD');
  if (range.from > range.to) throw new RangeError('from must not be after to');
  // YYYY-MM-DD compares correctly as text.
  const inRange = rows.filter((row) => row.day >= range.from && row.day <= range.to);
  return {
    from: range.from,
    to: range.to,
    responses: inRange.length,
    synthetic: countSynthetic(inRange),
    awareness: awarenessBlock(inRange, baseline),
    satisfaction: satisfactionBlock(inRange),
    appointmentPreference: appointmentPreferenceBlock(inRange, baseline),
    bookingChannel: bookingChannelBlock(inRange),
    ageBracket: shareBlock(AGE_BRACKET_CODES, inRange.map((row) => row.answers.ageBracket)),
    baseline: {
      source: baseline.source,
      awareness: { ...baseline.awareness },
      appointmentPreference: { ...baseline.appointmentPreference },
      n: baseline.n,
      nIsAssumption: baseline.nIsAssumption,
    },
    periods: periods(inRange, range),
    outcomes: outcomeCounts === undefined ? null : outcomeBlock(outcomeCounts, range),
  };
}
