/**
 * One process of the embedded survey bench, so that what is measured is what a bot restarted on a
 * filled DATA_DIR does, without the rows of the fill in its heap:
 *
 * - `tsx bench/embeddedSurveyProcess.ts fill <dataDir> <rows>` loads `rows` demo rows (the year
 *   before the bench's "today") as `seed:survey` does, and exits.
 * - `tsx bench/embeddedSurveyProcess.ts measure <dataDir> <round> <warmUpSurveys> <surveys> <reportRuns>`
 *   opens the stores as the bot does (`openStores`), saves `warmUpSurveys` surveys unmeasured
 *   (start-up, JIT), then `surveys` surveys answer by answer and `reportRuns` reports, each timed.
 *
 * Each prints one JSON line on stdout (`FillFigures`, `MeasureFigures`).
 */
import { openStores } from '../stores/openStores.js';
import { loadSurveyBaseline } from '../services/survey/surveyBaselineFile.js';
import { storedSurveyReport } from '../services/survey/storedSurveyReport.js';
import { newSurveyResponseId, type SurveyAnswers, type SurveyResponse } from '../services/survey/surveyResponse.js';
import { generateSyntheticSurveyRows } from '../services/survey/syntheticSurvey.js';
import type { SurveyStore } from '../stores/survey/surveyStores.js';
import { silentLogger } from '../bot/logger.js';

export interface FillFigures {
  fillSeconds: number;
}

export interface MeasureFigures {
  /** Milliseconds of each measured answer saved. */
  answerMs: number[];
  /** CPU time of this process (every thread: GC, file-system pool) while the answers were saved. */
  answerCpuMs: number;
  reportMs: number[];
  /** Responses the last report counted. */
  reportResponses: number;
  /** Heap in use after the measured answers: what the opened store holds. */
  heapUsedMb: number;
}

/** "Today" in the bench; the stored rows lie in the year before it. */
const NOW = new Date('2026-02-01T10:00:00Z');
const TODAY = '2026-02-01';
const STORED_FROM = '2025-01-01';
const REPORT_RANGE = { from: STORED_FROM, to: TODAY };
/** The generator makes at most 100,000 rows per seed. */
const ROWS_PER_SEED = 100_000;

const openBenchStores = (dataDir: string) => openStores({ storage: 'lowdb', dataDir }, silentLogger, { now: () => NOW });

async function fill(dataDir: string, size: number): Promise<FillFigures> {
  const stores = await openBenchStores(dataDir);
  try {
    const started = performance.now();
    for (let seed = 1, loaded = 0; loaded < size; seed += 1) {
      const rows = generateSyntheticSurveyRows({ count: Math.min(ROWS_PER_SEED, size - loaded), from: STORED_FROM, seed });
      loaded += await stores.survey.surveyStore.addSynthetic(rows);
    }
    return { fillSeconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    await stores.close();
  }
}

interface MeasureOptions {
  round: number;
  warmUpSurveys: number;
  surveys: number;
  reportRuns: number;
}

async function measure(dataDir: string, { round, warmUpSurveys, surveys, reportRuns }: MeasureOptions): Promise<MeasureFigures> {
  const stores = await openBenchStores(dataDir);
  try {
    const surveyStore = stores.survey.surveyStore;
    const answerSets = todaysSurveys(warmUpSurveys + surveys);
    for (const [index, answers] of answerSets.slice(0, warmUpSurveys).entries()) {
      await saveAnswerByAnswer(surveyStore, answers, `bench-survey-${round}-warm-${index}`);
    }
    const answerMs: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (const [index, answers] of answerSets.slice(warmUpSurveys).entries()) {
      answerMs.push(...(await saveAnswerByAnswer(surveyStore, answers, `bench-survey-${round}-${index}`)));
    }
    const cpu = process.cpuUsage(cpuBefore);
    const heapUsedMb = Math.round(process.memoryUsage().heapUsed / 1e5) / 10;

    const baseline = loadSurveyBaseline();
    // The first report after a start counts the days closed since: left out, as the warm-up is.
    let report = await storedSurveyReport(stores.survey, REPORT_RANGE, baseline);
    const reportMs: number[] = [];
    for (let run = 0; run < reportRuns; run += 1) {
      const started = performance.now();
      report = await storedSurveyReport(stores.survey, REPORT_RANGE, baseline);
      reportMs.push(performance.now() - started);
    }
    return { answerMs, answerCpuMs: (cpu.user + cpu.system) / 1000, reportMs, reportResponses: report.responses, heapUsedMb };
  } finally {
    await stores.close();
  }
}

/** Saves one survey as the dialog does, after every answer (each save replacing the growing row); returns each save's time. */
async function saveAnswerByAnswer(store: SurveyStore, answers: SurveyAnswers, requestPrefix: string): Promise<number[]> {
  const row: SurveyResponse = {
    id: newSurveyResponseId(),
    day: TODAY,
    questionnaireVersion: 1,
    channel: 'webchat',
    outcome: 'resolved',
    answers: {},
  };
  const times: number[] = [];
  for (const [step, [question, code]] of Object.entries(answers).entries()) {
    row.answers = { ...row.answers, [question]: code };
    const started = performance.now();
    await store.add({ ...row }, `${requestPrefix}-${step}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Answer sets as residents give them (taken from the generator's realistic mix), without the synthetic mark. */
function todaysSurveys(count: number): SurveyAnswers[] {
  return generateSyntheticSurveyRows({ count, from: STORED_FROM, seed: 9_999 }).map((row) => row.answers);
}

const [command, dataDir, ...numbers] = process.argv.slice(2);
const [first = 0, warmUpSurveys = 0, surveys = 0, reportRuns = 0] = numbers.map(Number);
if (command === 'fill' && dataDir) console.log(JSON.stringify(await fill(dataDir, first)));
else if (command === 'measure' && dataDir)
  console.log(JSON.stringify(await measure(dataDir, { round: first, warmUpSurveys, surveys, reportRuns })));
else
  throw new RangeError(
    'usage: embeddedSurveyProcess.ts fill <dataDir> <rows> | measure <dataDir> <round> <warmUpSurveys> <surveys> <reportRuns>',
  );
