/**
 * The counts every survey figure is made of: answers per question and code, booking channel per
 * age bracket, and per month. The first half of the report: a store computes these where its rows
 * are (in memory with `countSurveyRows`, or with GROUP BY queries in PostgreSQL), and
 * `surveyReportFromCounts` (surveyReport.ts) turns them into figures, the same way for every store.
 */
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
import type { SurveyResponse } from './surveyResponse.js';
import { monthOf } from '../brusselsTime.js';

/** One value per answer code: a question's counts, shares or comparisons. */
export type Each<C extends string, V> = { [K in C]: V };

/** A value for every code, in code order. */
export function eachCode<C extends string, V>(codes: readonly C[], valueOf: (code: C) => V): Each<C, V> {
  return Object.fromEntries(codes.map((code) => [code, valueOf(code)])) as Each<C, V>;
}

/** Satisfaction scores as the keys of the report's `counts` ('1' … '5'). */
export type SatisfactionKey = '1' | '2' | '3' | '4' | '5';
export const SATISFACTION_KEYS: readonly SatisfactionKey[] = SATISFACTION_CODES.map((code) => String(code) as SatisfactionKey);

/** Answers per code of one question; skipped questions are not counted anywhere. */
export type CodeCounts<C extends string> = Each<C, number>;

export interface SurveyMonthCounts {
  responses: number;
  synthetic: number;
  awareness: CodeCounts<AwarenessCode>;
  satisfaction: CodeCounts<SatisfactionKey>;
}

export interface SurveyCounts {
  /** Rows in the range, synthetic ones included. */
  responses: number;
  synthetic: number;
  awareness: CodeCounts<AwarenessCode>;
  satisfaction: CodeCounts<SatisfactionKey>;
  appointmentPreference: CodeCounts<AppointmentPreferenceCode>;
  bookingChannel: CodeCounts<BookingChannelCode>;
  ageBracket: CodeCounts<AgeBracketCode>;
  /** Booking channel answers of the rows that also gave an age bracket. */
  bookingChannelByAge: Each<AgeBracketCode, CodeCounts<BookingChannelCode>>;
  /** Keyed by YYYY-MM; a month without rows may be missing. */
  months: Record<string, SurveyMonthCounts>;
}

/** The answers to one question (or the conversations of one outcome block), all its codes together. */
export function answersIn<C extends string>(counts: CodeCounts<C>): number {
  return (Object.values(counts) as number[]).reduce((sum, count) => sum + count, 0);
}

function zeroCounts<C extends string>(codes: readonly C[]): CodeCounts<C> {
  return eachCode(codes, () => 0);
}

export function emptyMonthCounts(): SurveyMonthCounts {
  return { responses: 0, synthetic: 0, awareness: zeroCounts(AWARENESS_CODES), satisfaction: zeroCounts(SATISFACTION_KEYS) };
}

export function emptySurveyCounts(): SurveyCounts {
  return {
    responses: 0,
    synthetic: 0,
    awareness: zeroCounts(AWARENESS_CODES),
    satisfaction: zeroCounts(SATISFACTION_KEYS),
    appointmentPreference: zeroCounts(APPOINTMENT_PREFERENCE_CODES),
    bookingChannel: zeroCounts(BOOKING_CHANNEL_CODES),
    ageBracket: zeroCounts(AGE_BRACKET_CODES),
    bookingChannelByAge: eachCode(AGE_BRACKET_CODES, () => zeroCounts(BOOKING_CHANNEL_CODES)),
    months: {},
  };
}

/** The counts of the rows whose day lies in from..to (inclusive); rows outside are ignored. Pure. */
export function countSurveyRows(rows: readonly SurveyResponse[], range: { from: string; to: string }): SurveyCounts {
  const counts = emptySurveyCounts();
  for (const row of rows) {
    // YYYY-MM-DD compares correctly as text.
    if (row.day < range.from || row.day > range.to) continue;
    const month = (counts.months[monthOf(row.day)] ??= emptyMonthCounts());
    const { awareness, satisfaction, appointmentPreference, bookingChannel, ageBracket } = row.answers;
    counts.responses += 1;
    month.responses += 1;
    if (row.synthetic === true) {
      counts.synthetic += 1;
      month.synthetic += 1;
    }
    if (awareness !== undefined) {
      counts.awareness[awareness] += 1;
      month.awareness[awareness] += 1;
    }
    if (satisfaction !== undefined) {
      const key = String(satisfaction) as SatisfactionKey;
      counts.satisfaction[key] += 1;
      month.satisfaction[key] += 1;
    }
    if (appointmentPreference !== undefined) counts.appointmentPreference[appointmentPreference] += 1;
    if (bookingChannel !== undefined) counts.bookingChannel[bookingChannel] += 1;
    if (ageBracket !== undefined) counts.ageBracket[ageBracket] += 1;
    if (ageBracket !== undefined && bookingChannel !== undefined) counts.bookingChannelByAge[ageBracket][bookingChannel] += 1;
  }
  return counts;
}

function addCodeCounts<C extends string>(into: CodeCounts<C>, part: CodeCounts<C>): void {
  for (const code of Object.keys(part) as C[]) into[code] += part[code];
}

/** Adds a cell only when it holds at least `minAnswers` answers. */
function addCellIfLarge<C extends string>(into: CodeCounts<C>, part: CodeCounts<C>, minAnswers: number): void {
  if (answersIn(part) >= minAnswers) addCodeCounts(into, part);
}

/**
 * Adds one month's counts to the counts of a range, in place, leaving out every cell of that month
 * (a question, a booking channel per age bracket) with fewer than `minAnswers` answers. A range's
 * figures are then sums of whole months' cells that are large enough to be shown on their own, so
 * subtracting two reports of overlapping whole-month ranges can only ever give such cells, never a
 * suppressed one (reports offered outside cover whole months: see wholeMonths in brusselsTime.ts). The month itself is kept whole for its own period figures,
 * which are suppressed by the same rule.
 */
export function addMonthWithoutSmallCells(into: SurveyCounts, month: SurveyCounts, minAnswers: number): void {
  into.responses += month.responses;
  into.synthetic += month.synthetic;
  addCellIfLarge(into.awareness, month.awareness, minAnswers);
  addCellIfLarge(into.satisfaction, month.satisfaction, minAnswers);
  addCellIfLarge(into.appointmentPreference, month.appointmentPreference, minAnswers);
  addCellIfLarge(into.bookingChannel, month.bookingChannel, minAnswers);
  addCellIfLarge(into.ageBracket, month.ageBracket, minAnswers);
  for (const age of AGE_BRACKET_CODES) addCellIfLarge(into.bookingChannelByAge[age], month.bookingChannelByAge[age], minAnswers);
  for (const [key, counts] of Object.entries(month.months)) {
    const total = (into.months[key] ??= emptyMonthCounts());
    total.responses += counts.responses;
    total.synthetic += counts.synthetic;
    addCodeCounts(total.awareness, counts.awareness);
    addCodeCounts(total.satisfaction, counts.satisfaction);
  }
}

/** Adds the counts of a part of a range (e.g. one day of a month) to the counts of the whole, in place, every cell kept. */
export function addSurveyCounts(into: SurveyCounts, part: SurveyCounts): void {
  addMonthWithoutSmallCells(into, part, 0);
}
