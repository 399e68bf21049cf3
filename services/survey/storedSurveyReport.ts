import { setImmediate as nextTurn } from 'node:timers/promises';
import { monthSlices } from '../calendarDay.js';
import type { SurveyBaseline } from './surveyBaseline.js';
import { addSurveyCounts, emptySurveyCounts } from './surveyCounts.js';
import { surveyReportFromCounts, type ReportRange, type SurveyReport } from './surveyReport.js';
import type { OutcomeStore, SurveyStore } from '../../stores/survey/surveyStores.js';

/** The stores a report reads: counts of the survey rows and the closed days' outcome counts. */
export interface SurveyReportStores {
  surveyStore: Pick<SurveyStore, 'reportCounts'>;
  outcomeStore: Pick<OutcomeStore, 'counts'>;
}

/**
 * The survey report for from..to from whichever stores back it: the store counts its rows (in memory
 * or in SQL), the figures are made by the one pure `surveyReportFromCounts`. What the report route
 * and `npm run report` use. The store counts one month at a time and other requests get their turn
 * between months, so a long range never holds the event loop for more than one month's count.
 */
export async function storedSurveyReport(stores: SurveyReportStores, range: ReportRange, baseline: SurveyBaseline): Promise<SurveyReport> {
  const counts = emptySurveyCounts();
  for (const month of monthSlices(range.from, range.to)) {
    addSurveyCounts(counts, await stores.surveyStore.reportCounts(month));
    await nextTurn();
  }
  const outcomeCounts = await stores.outcomeStore.counts(range);
  return surveyReportFromCounts(counts, range, baseline, outcomeCounts);
}
