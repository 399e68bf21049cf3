/**
 * SurveyStore on one DurableDocument (a JSON file in DATA_DIR, or memory in tests). Every
 * check-then-write runs inside one synchronous `update`, so a retried activity that arrives
 * while the first is still being handled is still stored once.
 */
import type { DurableDocument } from '../embedded/durableDocument.js';
import { brusselsDay } from '../../services/calendarDay.js';
import { addMarker, hasMarker, pruneMarkerBuckets, type RequestMarkerBucket } from './requestMarkers.js';
import { countSurveyRows } from '../../services/survey/surveyCounts.js';
import type { SurveyStore } from './surveyStores.js';
import { toSurveyResponse, type SurveyResponse } from '../../services/survey/surveyResponse.js';

export interface SurveyDocument {
  responses: SurveyResponse[];
  /** Hashed ids of recent requests, for idempotency only; see requestMarkers.ts. */
  recentRequests: RequestMarkerBucket[];
}

export const SURVEY_DOCUMENT_NAME = 'surveyResponses';
export const EMPTY_SURVEY_DOCUMENT: SurveyDocument = { responses: [], recentRequests: [] };

// Rows are kept by day and then by their random id: the order in the file says nothing about
// which conversation came first on a day.
function byDayThenId(a: SurveyResponse, b: SurveyResponse): number {
  return a.day === b.day ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.day < b.day ? -1 : 1;
}

export function createEmbeddedSurveyStore(document: DurableDocument<SurveyDocument>, options: { now: () => Date }): SurveyStore {
  const list = ({ from, to }: { from: string; to: string }) =>
    document
      .read()
      .responses.filter((row) => row.day >= from && row.day <= to)
      // Through the validator: a hand-edited file cannot smuggle other fields into reports.
      .map((row) => toSurveyResponse(row));

  return {
    async add(row, requestId) {
      // Checked outside the transaction too, so a bad row never reaches the document queue.
      const checked = toSurveyResponse(row);
      const today = brusselsDay(options.now());
      return document.update((draft) => {
        pruneMarkerBuckets(draft.recentRequests, today);
        if (hasMarker(draft.recentRequests, requestId)) return { stored: false };
        addMarker(draft.recentRequests, requestId, today);
        const index = draft.responses.findIndex((existing) => existing.id === checked.id);
        if (index >= 0) draft.responses[index] = checked;
        else draft.responses.push(checked);
        draft.responses.sort(byDayThenId);
        return { stored: true };
      });
    },

    async list(range) {
      return list(range);
    },

    async reportCounts(range) {
      // The rows are in memory already: the same pure counting the report of any row list uses.
      return countSurveyRows(list(range), range);
    },

    async addSynthetic(rows) {
      const checked = rows.map((row) => {
        const valid = toSurveyResponse(row);
        if (valid.synthetic !== true) throw new RangeError('addSynthetic: every row must be marked synthetic');
        return valid;
      });
      return document.update((draft) => {
        const known = new Set(draft.responses.map((row) => row.id));
        const fresh = checked.filter((row) => !known.has(row.id));
        draft.responses.push(...fresh);
        draft.responses.sort(byDayThenId);
        return fresh.length;
      });
    },

    async removeSynthetic() {
      return document.update((draft) => {
        const before = draft.responses.length;
        draft.responses = draft.responses.filter((row) => row.synthetic !== true);
        return before - draft.responses.length;
      });
    },
  };
}
