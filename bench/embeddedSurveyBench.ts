/**
 * The embedded survey store after 0, 100,000 and 1,000,000 stored rows (spread over the year
 * before "today"): how long one survey answer takes to be stored (a survey is saved answer by
 * answer, each save replacing the growing row), and how long the survey report over those rows
 * takes. The rows are loaded directly (`addSynthetic`); today's surveys start empty at every size,
 * so the figures show what the rows already held cost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedFiles } from '../stores/embedded/embeddedFiles.js';
import { openEmbeddedSurveyStores } from '../stores/survey/openSurveyStores.js';
import { percentile } from '../nlu/evaluation.js';
import { loadSurveyBaseline } from '../services/survey/surveyBaselineFile.js';
import { storedSurveyReport } from '../services/survey/storedSurveyReport.js';
import { newSurveyResponseId, type SurveyAnswers, type SurveyResponse } from '../services/survey/surveyResponse.js';
import { generateSyntheticSurveyRows } from '../services/survey/syntheticSurvey.js';
import { silentLogger } from '../bot/logger.js';

export interface EmbeddedSurveyFigures {
  storedRows: number;
  /** Time to load the rows, not part of the measurement. */
  fillSeconds: number;
  answers: number;
  answerP50Ms: number;
  answerP99Ms: number;
  /** Median of the report over the stored rows and today's surveys. */
  reportMs: number;
  /** Responses the report counted: the stored rows plus today's surveys. */
  reportResponses: number;
}

export interface EmbeddedSurveyBenchOptions {
  /** Surveys answered "today" at each size, each saved answer by answer. */
  surveys?: number;
  reportRuns?: number;
}

/** "Today" in the bench; the stored rows lie in the year before it. */
const NOW = new Date('2026-02-01T10:00:00Z');
const TODAY = '2026-02-01';
const STORED_FROM = '2025-01-01';
const REPORT_RANGE = { from: STORED_FROM, to: TODAY };
/** The generator makes at most 100,000 rows per seed. */
const ROWS_PER_SEED = 100_000;

export async function benchEmbeddedSurvey(
  sizes: readonly number[] = [0, 100_000, 1_000_000],
  options: EmbeddedSurveyBenchOptions = {},
): Promise<EmbeddedSurveyFigures[]> {
  const figures: EmbeddedSurveyFigures[] = [];
  for (const size of sizes) figures.push(await measureSize(size, options.surveys ?? 40, options.reportRuns ?? 3));
  return figures;
}

async function measureSize(size: number, surveys: number, reportRuns: number): Promise<EmbeddedSurveyFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-survey-'));
  const files = await openEmbeddedFiles(dataDir, { logger: silentLogger });
  try {
    const stores = await openEmbeddedSurveyStores(files, { now: () => NOW });
    const fillStarted = performance.now();
    for (let seed = 1, loaded = 0; loaded < size; seed += 1) {
      const rows = generateSyntheticSurveyRows({ count: Math.min(ROWS_PER_SEED, size - loaded), from: STORED_FROM, seed });
      loaded += await stores.surveyStore.addSynthetic(rows);
    }
    const fillSeconds = Math.round((performance.now() - fillStarted) / 100) / 10;

    const answerTimes: number[] = [];
    for (const [index, answers] of todaysSurveys(surveys).entries()) {
      const row: SurveyResponse = {
        id: newSurveyResponseId(),
        day: TODAY,
        questionnaireVersion: 1,
        channel: 'webchat',
        outcome: 'resolved',
        answers: {},
      };
      for (const [step, [question, code]] of Object.entries(answers).entries()) {
        row.answers = { ...row.answers, [question]: code };
        const started = performance.now();
        await stores.surveyStore.add({ ...row }, `bench-survey-${index}-${step}`);
        answerTimes.push(performance.now() - started);
      }
    }

    const baseline = loadSurveyBaseline();
    const report = await storedSurveyReport(stores, REPORT_RANGE, baseline);
    const reportTimes: number[] = [];
    for (let run = 0; run < reportRuns; run += 1) {
      const started = performance.now();
      await storedSurveyReport(stores, REPORT_RANGE, baseline);
      reportTimes.push(performance.now() - started);
    }
    return {
      storedRows: size,
      fillSeconds,
      answers: answerTimes.length,
      answerP50Ms: round(percentile(answerTimes, 50)),
      answerP99Ms: round(percentile(answerTimes, 99)),
      reportMs: round(percentile(reportTimes, 50)),
      reportResponses: report.responses,
    };
  } finally {
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Answer sets as residents give them (taken from the generator's realistic mix), without the synthetic mark. */
function todaysSurveys(count: number): SurveyAnswers[] {
  return generateSyntheticSurveyRows({ count, from: STORED_FROM, seed: 9_999 }).map((row) => row.answers);
}

const round = (ms: number) => Math.round(ms * 100) / 100;
