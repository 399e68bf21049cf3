import type { SurveyBaseline } from './surveyBaseline.js';
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
 * and `npm run report` use.
 */
export async function storedSurveyReport(stores: SurveyReportStores, range: ReportRange, baseline: SurveyBaseline): Promise<SurveyReport> {
  const [counts, outcomeCounts] = await Promise.all([stores.surveyStore.reportCounts(range), stores.outcomeStore.counts(range)]);
  return surveyReportFromCounts(counts, range, baseline, outcomeCounts);
}
