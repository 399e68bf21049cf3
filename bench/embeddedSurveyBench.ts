/**
 * The embedded survey store after 0, 100,000 and 1,000,000 stored rows (spread over the year
 * before "today"): how long one survey answer takes to be stored (a survey is saved answer by
 * answer, each save replacing the growing row), and how long the survey report over those rows
 * takes. Today's surveys start empty at every size, so the figures show what the rows already
 * held cost.
 *
 * Measured as residents would feel it: each size's DATA_DIR is filled by a process of its own
 * (embeddedSurveyProcess.ts), and every measurement is a fresh process opening the filled directory
 * as a restarted bot does, so no row of the fill sits in the measuring heap. The sizes are measured
 * in rounds, one process per size per round, in a rotating order, so a load that changes during the
 * run falls on every size alike; the figures pool every round's answers.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../nlu/evaluation.js';
import type { FillFigures, MeasureFigures } from './embeddedSurveyProcess.js';

export interface EmbeddedSurveyFigures {
  storedRows: number;
  /** Time to load the rows, not part of the measurement. */
  fillSeconds: number;
  answers: number;
  answerP50Ms: number;
  answerP99Ms: number;
  /** CPU time of the bot process per answer saved (less distorted by a loaded machine than wall time). */
  answerCpuMs: number;
  /** Median of the report over the stored rows and today's surveys. */
  reportMs: number;
  /** Responses the last report counted: the stored rows plus every round's surveys of today (warm-up ones too). */
  reportResponses: number;
  /** Heap the measuring process used after its answers (median over the rounds). */
  heapUsedMb: number;
}

export interface EmbeddedSurveyBenchOptions {
  /** Measuring processes per size. */
  rounds?: number;
  /** Surveys saved unmeasured at the start of each measuring process (start-up, JIT). */
  warmUpSurveys?: number;
  /** Surveys answered "today" in each round, each saved answer by answer. */
  surveys?: number;
  /** Reports timed in each round. */
  reportRuns?: number;
}

export async function benchEmbeddedSurvey(
  sizes: readonly number[] = [0, 100_000, 1_000_000],
  options: EmbeddedSurveyBenchOptions = {},
): Promise<EmbeddedSurveyFigures[]> {
  const { rounds = 6, warmUpSurveys = 10, surveys = 60, reportRuns = 3 } = options;
  const dataDirs = await Promise.all(sizes.map(() => mkdtemp(join(tmpdir(), 'bench-survey-'))));
  try {
    const fills: FillFigures[] = [];
    for (const [index, size] of sizes.entries()) fills.push(await runProcess<FillFigures>(['fill', dataDirs[index]!, String(size)]));
    const measured: MeasureFigures[][] = sizes.map(() => []);
    for (let round = 0; round < rounds; round += 1) {
      for (let step = 0; step < sizes.length; step += 1) {
        const index = (round + step) % sizes.length;
        const args = ['measure', dataDirs[index]!, String(round), String(warmUpSurveys), String(surveys), String(reportRuns)];
        measured[index]!.push(await runProcess<MeasureFigures>(args));
      }
    }
    return sizes.map((size, index) => summarise(size, fills[index]!, measured[index]!));
  } finally {
    await Promise.all(dataDirs.map((dataDir) => rm(dataDir, { recursive: true, force: true })));
  }
}

function summarise(storedRows: number, fill: FillFigures, runs: readonly MeasureFigures[]): EmbeddedSurveyFigures {
  const answerMs = runs.flatMap((run) => run.answerMs);
  const cpuMs = runs.reduce((sum, run) => sum + run.answerCpuMs, 0);
  return {
    storedRows,
    fillSeconds: fill.fillSeconds,
    answers: answerMs.length,
    answerP50Ms: round(percentile(answerMs, 50)),
    answerP99Ms: round(percentile(answerMs, 99)),
    answerCpuMs: round(answerMs.length === 0 ? 0 : cpuMs / answerMs.length),
    reportMs: round(
      percentile(
        runs.flatMap((run) => run.reportMs),
        50,
      ),
    ),
    reportResponses: runs.at(-1)?.reportResponses ?? 0,
    heapUsedMb: percentile(
      runs.map((run) => run.heapUsedMb),
      50,
    ),
  };
}

/** Runs embeddedSurveyProcess.ts with `args` and returns the JSON line it printed. */
async function runProcess<T>(args: readonly string[]): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./embeddedSurveyProcess.ts', import.meta.url).pathname, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': by then all of stdout has been read.
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`bench: embeddedSurveyProcess ${args[0]} exited with ${code}`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
