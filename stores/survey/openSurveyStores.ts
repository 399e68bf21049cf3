import type { EmbeddedFiles } from '../embedded/embeddedFiles.js';
import {
  createEmbeddedOutcomeStore,
  EMPTY_OUTCOME_DOCUMENT,
  OUTCOME_DOCUMENT_NAME,
  type OutcomeDocument,
} from './embeddedOutcomeStore.js';
import {
  createEmbeddedSurveyStore,
  EMPTY_SURVEY_DOCUMENT,
  SURVEY_DOCUMENT_NAME,
  type SurveyDocument,
} from './embeddedSurveyStore.js';
import type { OutcomeStore, SurveyStore } from './surveyStores.js';

export interface SurveyStores {
  surveyStore: SurveyStore;
  outcomeStore: OutcomeStore;
}

/** The survey and outcome stores in the embedded files of DATA_DIR: `surveyResponses.json` and `conversationOutcomes.json`. */
export async function openEmbeddedSurveyStores(files: EmbeddedFiles, options: { now?: () => Date } = {}): Promise<SurveyStores> {
  const now = options.now ?? (() => new Date());
  const surveyDocument = await files.document<SurveyDocument>(SURVEY_DOCUMENT_NAME, EMPTY_SURVEY_DOCUMENT);
  const outcomeDocument = await files.document<OutcomeDocument>(OUTCOME_DOCUMENT_NAME, EMPTY_OUTCOME_DOCUMENT);
  return {
    surveyStore: createEmbeddedSurveyStore(surveyDocument, { now }),
    outcomeStore: createEmbeddedOutcomeStore(outcomeDocument, { now }),
  };
}
