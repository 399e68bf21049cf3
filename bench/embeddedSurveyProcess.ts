/**
 * One process of the embedded survey bench, so that what is measured is what a bot restarted on a
 * filled DATA_DIR does, without the rows of the fill in its heap:
 *
 * - `tsx bench/embeddedSurveyProcess.ts fill <dataDir> <rows>` loads `rows` demo rows (the year
 *   before the bench's "today") as `seed:survey` does, prints `{"fillSeconds": …}` and exits.
 * - `tsx bench/embeddedSurveyProcess.ts serve <dataDir>` (spawned with an IPC channel) opens the
 *   stores as the bot does (`openStores`), says `ready`, then does what the bench asks, one request
 *   at a time (`SurveyProcessRequest`), answering each with its figures, until `stop`.
 */
import { openStores } from '../stores/openStores.js';
import { loadSurveyBaseline } from '../services/survey/surveyBaselineFile.js';
import { storedSurveyReport } from '../services/survey/storedSurveyReport.js';
import { newSurveyResponseId, type SurveyAnswers, type SurveyResponse } from '../services/survey/surveyResponse.js';
import { generateSyntheticSurveyRows } from '../services/survey/syntheticSurvey.js';
import { silentLogger } from '../bot/logger.js';

export type SurveyProcessRequest =
  /** Save one survey as the dialog does, after every answer (each save replacing the growing row). */
  | { type: 'survey'; answers: SurveyAnswers; requestPrefix: string }
  /** Time `runs` survey reports over every stored row. */
  | { type: 'report'; runs: number }
  | { type: 'stop' };

export interface SurveyFigures {
  /** Milliseconds of each save. */
  answerMs: number[];
  /** CPU time of this process (every thread: GC, file-system pool) while saving. */
  cpuMs: number;
  /** Heap in use after the survey: what the opened store holds. */
  heapUsedMb: number;
}

export interface ReportFigures {
  reportMs: number[];
  /** Responses the report counted. */
  responses: number;
}

/** "Today" in the bench; the stored rows lie in the year before it. */
const NOW = new Date('2026-02-01T10:00:00Z');
const TODAY = '2026-02-01';
const STORED_FROM = '2025-01-01';
const REPORT_RANGE = { from: STORED_FROM, to: TODAY };
/** The generator makes at most 100,000 rows per seed. */
const ROWS_PER_SEED = 100_000;

const openBenchStores = (dataDir: string) => openStores({ storage: 'lowdb', dataDir }, silentLogger, { now: () => NOW });

async function fill(dataDir: string, size: number): Promise<{ fillSeconds: number }> {
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

async function serve(dataDir: string): Promise<void> {
  const stores = await openBenchStores(dataDir);
  const baseline = loadSurveyBaseline();
  const send = (message: unknown) =>
    new Promise<void>((resolve, reject) => process.send!(message, (error) => (error ? reject(error) : resolve())));

  async function survey(answers: SurveyAnswers, requestPrefix: string): Promise<SurveyFigures> {
    const row: SurveyResponse = {
      id: newSurveyResponseId(),
      day: TODAY,
      questionnaireVersion: 1,
      channel: 'webchat',
      outcome: 'resolved',
      answers: {},
    };
    const answerMs: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (const [step, [question, code]] of Object.entries(answers).entries()) {
      row.answers = { ...row.answers, [question]: code };
      const started = performance.now();
      await stores.survey.surveyStore.add({ ...row }, `${requestPrefix}-${step}`);
      answerMs.push(performance.now() - started);
    }
    const cpu = process.cpuUsage(cpuBefore);
    return { answerMs, cpuMs: (cpu.user + cpu.system) / 1000, heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e5) / 10 };
  }

  async function report(runs: number): Promise<ReportFigures> {
    const reportMs: number[] = [];
    let responses = 0;
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      responses = (await storedSurveyReport(stores.survey, REPORT_RANGE, baseline)).responses;
      reportMs.push(performance.now() - started);
    }
    return { reportMs, responses };
  }

  // One request at a time: the bench waits for each answer before it sends the next.
  process.on('message', (request: SurveyProcessRequest) => {
    const work =
      request.type === 'survey'
        ? survey(request.answers, request.requestPrefix).then(send)
        : request.type === 'report'
          ? report(request.runs).then(send)
          : stores.close().then(() => process.disconnect());
    work.catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
  await send('ready');
}

const [command, dataDir, rows] = process.argv.slice(2);
if (command === 'fill' && dataDir) console.log(JSON.stringify(await fill(dataDir, Number(rows))));
else if (command === 'serve' && dataDir && process.send) await serve(dataDir);
else throw new RangeError('usage: embeddedSurveyProcess.ts fill <dataDir> <rows> | serve <dataDir> (with an IPC channel)');
