import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SurveyBaseline } from './surveyBaseline.js';
import { addMonthWithoutSmallCells, emptySurveyCounts } from './surveyCounts.js';
import { MIN_ANSWERS_PER_CELL, surveyReportFromCounts, type ReportRange, type SurveyReport } from './surveyReport.js';
import type { OutcomeStore, SurveyStore } from '../../stores/survey/surveyStores.js';
import { monthSlices } from '../brusselsTime.js';

/** The stores a report reads: counts of the survey rows and the closed days' outcome counts. */
export interface SurveyReportStores {
  surveyStore: Pick<SurveyStore, 'reportCounts'>;
  outcomeStore: Pick<OutcomeStore, 'counts'>;
}

export interface StoredReportOptions {
  /**
   * For reports offered outside (the API, the dashboard, `npm run report`): each month's cells with
   * fewer than 10 answers, and each day's outcomes with fewer than 10 conversations, are left out of
   * the range's totals, so the totals are sums of cells that are shown on their own. Together with
   * ranges of whole months (wholeMonths), no subtraction of two reports singles out a suppressed cell.
   */
  leaveOutSmallCells: boolean;
}

/**
 * The survey report for from..to from whichever stores back it: the store counts its rows (in memory
 * or in SQL) one month at a time, and the figures are made by the one pure `surveyReportFromCounts`.
 * What the report route and `npm run report` use. Other requests get their turn between months, so a
 * long range never holds the event loop for more than one month's count.
 */
export async function storedSurveyReport(
  stores: SurveyReportStores,
  range: ReportRange,
  baseline: SurveyBaseline,
  options: StoredReportOptions = { leaveOutSmallCells: false },
): Promise<SurveyReport> {
  const counts = emptySurveyCounts();
  const minAnswers = options.leaveOutSmallCells ? MIN_ANSWERS_PER_CELL : 0;
  for (const month of monthSlices(range.from, range.to)) {
    addMonthWithoutSmallCells(counts, await stores.surveyStore.reportCounts(month), minAnswers);
    await nextTurn();
  }
  const outcomeCounts = await stores.outcomeStore.counts(range);
  return surveyReportFromCounts(counts, range, baseline, outcomeCounts, { totalsOfShownDaysOnly: options.leaveOutSmallCells });
}
