/**
 * `npm run bench`: every benchmark in one run on this machine, printed as a table and as JSON.
 * Speed targets are judged against the baseline measured in the same run (the echo bot), never
 * against fixed numbers: machines here are shared and noisy. The PostgreSQL benchmarks create and
 * drop their own database, and are skipped with a note when no PostgreSQL server answers.
 *
 * Sizes are options (`npm run bench -- --help`), so a quick run is possible.
 */
import { parseArgs } from 'node:util';
import { benchEmbeddedSurvey } from './embeddedSurveyBench.js';
import { benchHttpTurns, benchPostgresTurns, DEFAULT_TURN_LOAD, type TurnLoad } from './httpTurns.js';
import { benchRecognizer } from './recognizerBench.js';
import { benchSlotSearch } from './slotSearchBench.js';
import { benchStoredConversations } from './storedConversationsBench.js';
import { benchSurveyReport } from './surveyReportBench.js';

const BENCHES = ['turns', 'stored', 'survey', 'postgres', 'recognizer', 'slots', 'report'] as const;
type BenchName = (typeof BENCHES)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    turns: { type: 'string' },
    conversations: { type: 'string' },
    'stored-conversations': { type: 'string' },
    'survey-rows': { type: 'string' },
    'report-rows': { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log(`npm run bench -- [options]
  --only=${BENCHES.join(',')}   run some benchmarks only (default: all)
  --turns=40                  turns per conversation in every HTTP measurement
  --conversations=50          concurrent conversations in every HTTP measurement
  --stored-conversations=0,10000,50000   conversations already in the embedded store
  --survey-rows=0,100000,1000000         survey rows already in the embedded store
  --report-rows=1000000       rows in the PostgreSQL report benchmark`);
  process.exit(0);
}

const numbers = (text: string | undefined, fallback: number[]): number[] =>
  text === undefined ? fallback : text.split(',').map((part) => wholeNumber(part));
function wholeNumber(text: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`bench: "${text}" is not a whole number`);
  return value;
}
const only = new Set<BenchName>(values.only === undefined ? BENCHES : (values.only.split(',') as BenchName[]));
for (const name of only) if (!BENCHES.includes(name)) throw new RangeError(`bench: unknown benchmark "${name}"`);
const turnLoad: TurnLoad = {
  ...DEFAULT_TURN_LOAD,
  ...(values.turns === undefined ? {} : { turnsPerConversation: wholeNumber(values.turns) }),
  ...(values.conversations === undefined ? {} : { conversations: wholeNumber(values.conversations) }),
};

const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;
const results: Record<string, unknown> = {};

// The echo baseline is measured whenever an HTTP benchmark runs: every ratio is to the echo of this run.
const needsEcho = only.has('turns') || only.has('stored') || only.has('postgres');
const turns = needsEcho ? await benchHttpTurns(only.has('turns') ? ['echo', 'assistant'] : ['echo'], turnLoad) : [];
const echo = turns.find((row) => row.bot === 'echo');
const toEcho = (turnsPerSecond: number) => (echo ? ratio(turnsPerSecond, echo.turnsPerSecond) : null);

if (needsEcho) {
  // CPU per turn says the same under load: echo's CPU ms per turn divided by the bot's.
  const cpuToEcho = (cpuMsPerTurn: number | null) => (echo?.cpuMsPerTurn && cpuMsPerTurn ? ratio(echo.cpuMsPerTurn, cpuMsPerTurn) : null);
  results.httpTurns = turns.map((row) => ({
    ...row,
    ratioToEcho: toEcho(row.turnsPerSecond),
    cpuRatioToEcho: cpuToEcho(row.cpuMsPerTurn),
  }));
  console.log(`\nHTTP turns (expectReplies, ${turnLoad.conversations} concurrent conversations, loopback)`);
  console.table(results.httpTurns);
}
if (only.has('stored')) {
  const stored = await benchStoredConversations(numbers(values['stored-conversations'], [0, 10_000, 50_000]), turnLoad);
  const empty = stored.find((row) => row.storedConversations === 0) ?? stored[0]!;
  results.storedConversations = stored.map((row) => ({
    ...row,
    ratioToEcho: toEcho(row.turnsPerSecond),
    ratioToEmptyStore: ratio(row.turnsPerSecond, empty.turnsPerSecond),
  }));
  console.log('The assistant on an embedded store already holding conversations');
  console.table(results.storedConversations);
}
if (only.has('survey')) {
  const survey = await benchEmbeddedSurvey(numbers(values['survey-rows'], [0, 100_000, 1_000_000]));
  const empty = survey.find((row) => row.storedRows === 0) ?? survey[0]!;
  results.embeddedSurvey = survey.map((row) => ({
    ...row,
    answerRatioToEmptyStore: ratio(row.answerP50Ms, empty.answerP50Ms),
    cpuRatioToEmptyStore: ratio(row.answerCpuMs, empty.answerCpuMs),
  }));
  console.log('Embedded survey store: one answer stored, and the report, in a bot process restarted on N stored rows');
  console.table(results.embeddedSurvey);
}
if (only.has('postgres')) {
  const postgresTurns = await benchPostgresTurns(turnLoad);
  results.postgresTurns =
    'skipped' in postgresTurns
      ? postgresTurns
      : postgresTurns.map((row) => ({
          ...row,
          ratioToEcho: toEcho(row.turnsPerSecond),
          ratioToOneInstance: ratio(row.turnsPerSecond, postgresTurns[0]!.turnsPerSecond),
        }));
  console.log('HTTP turns on PostgreSQL: one instance, and two instances on one database (turns alternate between them)');
  if ('skipped' in postgresTurns) console.log(`  skipped: ${postgresTurns.skipped}`);
  else console.table(results.postgresTurns);
}
if (only.has('recognizer')) {
  results.recognizer = await benchRecognizer();
  console.log('Offline recognizers, old (nlpjs) and new (linear) in the same run (testset + residents, after a warm-up)');
  console.table(results.recognizer);
}
if (only.has('slots')) {
  results.slotSearch = await benchSlotSearch();
  console.log('Free-slot search (six-week horizon, 10,000 bookings)');
  console.table([results.slotSearch]);
}
if (only.has('report')) {
  const rows = values['report-rows'] === undefined ? undefined : wholeNumber(values['report-rows']);
  const surveyReport = await benchSurveyReport(rows === undefined ? {} : { rows });
  results.surveyReport = surveyReport;
  console.log('Survey report over 1,000,000 rows: SQL counts in PostgreSQL vs the pure function over the rows in memory');
  if ('skipped' in surveyReport) console.log(`  skipped: ${surveyReport.skipped}`);
  else console.table([surveyReport]);
}
console.log(JSON.stringify(results));
