/**
 * The embedded survey store after 0, 100,000 and 1,000,000 stored rows (spread over the year
 * before "today"): how long one survey answer takes to be stored (a survey is saved answer by
 * answer, each save replacing the growing row), and how long the survey report over those rows
 * takes. Today's surveys start empty at every size, so the figures show what the rows already
 * held cost.
 *
 * Measured as residents would feel it: each size's DATA_DIR is filled by a process of its own
 * (embeddedSurveyProcess.ts), and the measuring is done by fresh bot processes that open the filled
 * directories as a restarted bot does, so no row of the fill sits in a measured heap. One such
 * process per size is started, and the bench hands out the surveys one at a time, each survey to
 * every size in a rotating order, so a load on the shared machine that comes and goes falls on
 * every size alike. This is repeated in `rounds` with new processes; the figures pool every answer
 * of a size.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../nlu/evaluation.js';
import { generateSyntheticSurveyRows } from '../services/survey/syntheticSurvey.js';
import type { SurveyAnswers } from '../services/survey/surveyResponse.js';
import type { ReportFigures, SurveyFigures, SurveyProcessRequest } from './embeddedSurveyProcess.js';

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
  /** Largest heap a measuring process used after a survey. */
  heapUsedMb: number;
}

export interface EmbeddedSurveyBenchOptions {
  /** Times the bot processes are started afresh. */
  rounds?: number;
  /** Surveys saved unmeasured after each start (start-up, JIT). */
  warmUpSurveys?: number;
  /** Surveys answered "today" in each round, each saved answer by answer. */
  surveys?: number;
  /** Reports timed in each round. */
  reportRuns?: number;
}

const SURVEY_PROCESS = new URL('./embeddedSurveyProcess.ts', import.meta.url).pathname;

export async function benchEmbeddedSurvey(
  sizes: readonly number[] = [0, 100_000, 1_000_000],
  options: EmbeddedSurveyBenchOptions = {},
): Promise<EmbeddedSurveyFigures[]> {
  const { rounds = 4, warmUpSurveys = 10, surveys = 100, reportRuns = 3 } = options;
  const dataDirs = await Promise.all(sizes.map(() => mkdtemp(join(tmpdir(), 'bench-survey-'))));
  try {
    const fillSeconds: number[] = [];
    for (const [index, size] of sizes.entries()) fillSeconds.push(await fill(dataDirs[index]!, size));
    const answerSets = todaysSurveys(warmUpSurveys + surveys);
    const measured = sizes.map(() => ({ surveys: [] as SurveyFigures[], reports: [] as ReportFigures[] }));
    for (let round = 0; round < rounds; round += 1) {
      const bots: SurveyProcess[] = [];
      for (const dataDir of dataDirs) bots.push(await startSurveyProcess(dataDir));
      try {
        for (const [index, answers] of answerSets.entries()) {
          for (let step = 0; step < bots.length; step += 1) {
            const size = (index + step) % bots.length;
            const request = { type: 'survey', answers, requestPrefix: `bench-survey-${round}-${index}` } as const;
            const figures = await bots[size]!.ask<SurveyFigures>(request);
            if (index >= warmUpSurveys) measured[size]!.surveys.push(figures);
          }
        }
        for (const [size, bot] of bots.entries()) {
          // The first report after a start counts the days closed since: left out, as the warm-up is.
          await bot.ask<ReportFigures>({ type: 'report', runs: 1 });
          measured[size]!.reports.push(await bot.ask<ReportFigures>({ type: 'report', runs: reportRuns }));
        }
      } finally {
        await Promise.all(bots.map((bot) => bot.stop()));
      }
    }
    return sizes.map((storedRows, index) => summarise(storedRows, fillSeconds[index]!, measured[index]!));
  } finally {
    await Promise.all(dataDirs.map((dataDir) => rm(dataDir, { recursive: true, force: true })));
  }
}

function summarise(
  storedRows: number,
  fillSeconds: number,
  measured: { surveys: readonly SurveyFigures[]; reports: readonly ReportFigures[] },
): EmbeddedSurveyFigures {
  const answerMs = measured.surveys.flatMap((survey) => survey.answerMs);
  const cpuMs = measured.surveys.reduce((sum, survey) => sum + survey.cpuMs, 0);
  return {
    storedRows,
    fillSeconds,
    answers: answerMs.length,
    answerP50Ms: round(percentile(answerMs, 50)),
    answerP99Ms: round(percentile(answerMs, 99)),
    answerCpuMs: round(answerMs.length === 0 ? 0 : cpuMs / answerMs.length),
    reportMs: round(
      percentile(
        measured.reports.flatMap((report) => report.reportMs),
        50,
      ),
    ),
    reportResponses: measured.reports.at(-1)?.responses ?? 0,
    heapUsedMb: Math.max(0, ...measured.surveys.map((survey) => survey.heapUsedMb)),
  };
}

/** Fills `dataDir` with `size` rows in a process of its own; returns its fill time in seconds. */
async function fill(dataDir: string, size: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', SURVEY_PROCESS, 'fill', dataDir, String(size)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': by then all of stdout has been read.
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`bench: filling the survey store exited with ${code}`);
  return (JSON.parse(output.trim().split('\n').at(-1)!) as { fillSeconds: number }).fillSeconds;
}

interface SurveyProcess {
  /** Sends `request` and resolves with the process's answer to it. */
  ask<T>(request: SurveyProcessRequest): Promise<T>;
  stop(): Promise<void>;
}

/** A bot process serving the survey store of `dataDir` (embeddedSurveyProcess.ts `serve`), once it is ready. */
async function startSurveyProcess(dataDir: string): Promise<SurveyProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SURVEY_PROCESS, 'serve', dataDir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let waiting: { resolve: (message: unknown) => void; reject: (error: Error) => void } | null = null;
  const next = <T>() => new Promise<T>((resolve, reject) => (waiting = { resolve: resolve as (message: unknown) => void, reject }));
  const take = () => {
    const taken = waiting;
    waiting = null;
    return taken;
  };
  child.on('message', (message) => take()?.resolve(message));
  child.on('exit', (code) => take()?.reject(new Error(`bench: survey process exited with ${code}`)));
  await next<'ready'>();
  return {
    ask<T>(request: SurveyProcessRequest) {
      const answer = next<T>();
      child.send(request);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send({ type: 'stop' } satisfies SurveyProcessRequest);
      await exited;
    },
  };
}

/** Answer sets as residents give them (taken from the generator's realistic mix), without the synthetic mark. */
function todaysSurveys(count: number): SurveyAnswers[] {
  return generateSyntheticSurveyRows({ count, from: '2025-01-01', seed: 9_999 }).map((row) => row.answers);
}

const round = (ms: number) => Math.round(ms * 100) / 100;
