/**
 * The survey report over many rows (default 1,000,000 in one year): counted in PostgreSQL with the
 * store's GROUP BY query (`storedSurveyReport` on the PostgreSQL stores), against the embedded
 * path, the pure `buildSurveyReport` over the same rows in memory. Both make the same figures
 * (checked). Times are medians of a few runs after one warm-up.
 */
import { performance } from 'node:perf_hooks';
import { openPostgresDatabase } from '../stores/postgres/postgresDatabase.js';
import { createPostgresOutcomeStore } from '../stores/survey/postgresOutcomeStore.js';
import { createPostgresSurveyStore } from '../stores/survey/postgresSurveyStore.js';
import { loadSurveyBaseline } from '../services/survey/surveyBaselineFile.js';
import { storedSurveyReport } from '../services/survey/storedSurveyReport.js';
import { buildSurveyReport } from '../services/survey/surveyReport.js';
import type { SurveyResponse } from '../services/survey/surveyResponse.js';
import { generateSyntheticSurveyRows } from '../services/survey/syntheticSurvey.js';
import { createBenchDatabase } from './benchDatabase.js';
import { silentLogger } from '../bot/logger.js';

export interface SurveyReportFigures {
  rows: number;
  /** Time to load the rows into PostgreSQL (addSynthetic), not part of a report. */
  loadSeconds: number;
  sqlReportMs: number;
  inMemoryReportMs: number;
  /** Whether both paths made exactly the same report. */
  sameFigures: boolean;
}

const FROM = '2025-01-01';
const RANGE = { from: '2025-01-01', to: '2025-12-31' };
/** The generator makes at most 100,000 rows per seed: more rows are more seeds over the same year. */
const ROWS_PER_SEED = 100_000;
const RUNS = 5;

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: plans, caches, JIT
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}

export async function benchSurveyReport(
  options: { rows?: number; runs?: number } = {},
): Promise<SurveyReportFigures | { skipped: string }> {
  const total = options.rows ?? 1_000_000;
  const runs = options.runs ?? RUNS;
  const bench = await createBenchDatabase();
  if ('skipped' in bench) return bench;
  const database = await openPostgresDatabase(bench.url, { logger: silentLogger, poolSize: 2, lockPoolSize: 1 });
  try {
    const context = { pool: database.pool, database: database.name };
    const now = () => new Date('2026-02-01T10:00:00Z');
    const stores = { surveyStore: createPostgresSurveyStore(context, { now }), outcomeStore: createPostgresOutcomeStore(context, { now }) };
    const baseline = loadSurveyBaseline();

    const rows: SurveyResponse[] = [];
    const loadStarted = performance.now();
    for (let seed = 1; rows.length < total; seed += 1) {
      const batch = generateSyntheticSurveyRows({ count: Math.min(ROWS_PER_SEED, total - rows.length), from: FROM, seed });
      await stores.surveyStore.addSynthetic(batch);
      for (const row of batch) rows.push(row);
    }
    const loadSeconds = Math.round((performance.now() - loadStarted) / 100) / 10;
    await database.pool.query('analyze survey_response');

    const outcomeCounts = await stores.outcomeStore.counts(RANGE);
    const fromSql = await storedSurveyReport(stores, RANGE, baseline);
    const inMemory = buildSurveyReport(rows, RANGE, baseline, outcomeCounts);
    return {
      rows: rows.length,
      loadSeconds,
      sqlReportMs: await median(runs, () => storedSurveyReport(stores, RANGE, baseline)),
      inMemoryReportMs: await median(runs, async () => buildSurveyReport(rows, RANGE, baseline, outcomeCounts)),
      sameFigures: JSON.stringify(fromSql) === JSON.stringify(inMemory),
    };
  } finally {
    await database.close();
    await bench.drop();
  }
}
