import * as fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../bot/logger.js';
import { DurableJsonFileAdapter, nodeStoreFileSystem, syncDirectory } from '../embedded/durableFiles.js';
import type { EmbeddedFiles } from '../embedded/embeddedFiles.js';
import type { SurveyResponse } from '../../services/survey/surveyResponse.js';
import {
  createEmbeddedOutcomeStore,
  EMPTY_OUTCOME_COUNTS_DOCUMENT,
  EMPTY_OUTCOME_DOCUMENT,
  moveLegacyOutcomeCounts,
  OUTCOME_COUNTS_DOCUMENT_NAME,
  OUTCOME_DOCUMENT_NAME,
  type OpenOutcomeDocument,
  type OutcomeCountsDocument,
} from './embeddedOutcomeStore.js';
import { openEmbeddedSurveyStore, type EmbeddedSurveyStore } from './embeddedSurveyStore.js';
import type { OutcomeStore, SurveyStore } from './surveyStores.js';

export interface SurveyStores {
  surveyStore: SurveyStore;
  outcomeStore: OutcomeStore;
}

/** The first format's survey file: every row in one document. */
const LEGACY_SURVEY_FILE = 'surveyResponses.json';

/**
 * The survey and outcome stores in DATA_DIR: survey rows in `survey/` (per day), closed days'
 * survey counts in `surveyDayCounts.json`, open outcome days in `conversationOutcomes.json`,
 * closed outcome counts in `outcomeCounts.json`. Data of the first format (`surveyResponses.json`,
 * counts inside `conversationOutcomes.json`) is moved over first.
 */
export async function openEmbeddedSurveyStores(
  files: EmbeddedFiles,
  options: { now?: () => Date; logger?: Logger } = {},
): Promise<SurveyStores & { close(): Promise<void> }> {
  const now = options.now ?? (() => new Date());
  const surveyStore = await openEmbeddedSurveyStore(files, { now, ...(options.logger ? { logger: options.logger } : {}) });
  await migrateLegacySurveyFile(files.dataDir, surveyStore, options.logger);
  const documents = {
    open: await files.document<OpenOutcomeDocument>(OUTCOME_DOCUMENT_NAME, EMPTY_OUTCOME_DOCUMENT),
    counts: await files.document<OutcomeCountsDocument>(OUTCOME_COUNTS_DOCUMENT_NAME, EMPTY_OUTCOME_COUNTS_DOCUMENT),
  };
  await moveLegacyOutcomeCounts(documents);
  return { surveyStore, outcomeStore: createEmbeddedOutcomeStore(documents, { now }), close: () => surveyStore.close() };
}

/**
 * Moves the rows of `surveyResponses.json` into the day parts, then removes the file (only once the
 * rows are durable: a crash before leaves it to be moved again, the same rows replacing themselves).
 * Its request markers are not moved: they guard against retries of the last few seconds only.
 * A file that cannot be read stops the start with STORE_FILE_CORRUPT and is left untouched.
 */
async function migrateLegacySurveyFile(dataDir: string, store: EmbeddedSurveyStore, logger: Logger | undefined): Promise<void> {
  const file = path.join(dataDir, LEGACY_SURVEY_FILE);
  const adapter = new DurableJsonFileAdapter<{ responses: SurveyResponse[]; recentRequests: unknown[] }>(
    file,
    { responses: [], recentRequests: [] },
    nodeStoreFileSystem,
  );
  const legacy = await adapter.read();
  if (legacy === null) return;
  const rows = await store.importRows(legacy.responses);
  await fs.unlink(file);
  await syncDirectory(dataDir, nodeStoreFileSystem);
  logger?.info('store_migrated', { from: file, to: path.join(dataDir, 'survey'), items: rows });
}
