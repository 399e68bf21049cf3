/**
 * `npm run bench`: every benchmark in one run on this machine, printed as a table and as JSON.
 * Speed targets are judged against the baseline measured in the same run (the echo bot, measured
 * in the same rotating rounds as the configurations of each HTTP section), never against fixed
 * numbers: machines here are shared and noisy. The PostgreSQL benchmarks create and
 * drop their own database, and are skipped with a note when no PostgreSQL server answers.
 *
 * Sizes are options (`npm run bench -- --help`), so a quick run is possible.
 */
import { parseArgs } from 'node:util';
import { benchEmbeddedSurvey } from './embeddedSurveyBench.js';
import { benchHttpTurns, benchPostgresTurns } from './httpTurns.js';
import { ratio, turnRatios } from './ratios.js';
import { benchRecognizer } from './recognizerBench.js';
import { benchSlotSearch } from './slotSearchBench.js';
import { benchStoredConversations } from './storedConversationsBench.js';
import { benchSurveyReport } from './surveyReportBench.js';
import { DEFAULT_TURN_LOAD, type TurnFigures, type TurnLoad } from './turnRounds.js';

const BENCHES = ['turns', 'stored', 'survey', 'postgres', 'recognizer', 'slots', 'report'] as const;
type BenchName = (typeof BENCHES)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    turns: { type: 'string' },
    conversations: { type: 'string' },
    rounds: { type: 'string' },
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
  --rounds=4                  rotating rounds the turns of an HTTP section are spread over
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
  ...(values.rounds === undefined ? {} : { rounds: wholeNumber(values.rounds) }),
};

const results: Record<string, unknown> = {};
/** Each HTTP section measures its own echo baseline in its own rounds: the heading says what it gave. */
const sameRoundsEcho = (echo: TurnFigures) =>
  `echo in the same rounds: ${echo.turnsPerSecond} turns/s, ${echo.cpuMsPerTurn ?? '?'} CPU ms per turn`;
const rotation = `${turnLoad.conversations} concurrent conversations, ${turnLoad.rounds} rotating rounds`;

if (only.has('turns')) {
  const turns = await benchHttpTurns(turnLoad);
  const echo = turns[0]!;
  results.httpTurns = turns.map((row) => {
    const toEcho = turnRatios(row, echo);
    return { ...row, ratioToEcho: toEcho.turns, cpuRatioToEcho: toEcho.cpu };
  });
  console.log(`\nHTTP turns (expectReplies, ${rotation}, loopback)`);
  console.table(results.httpTurns);
}
if (only.has('stored')) {
  const stored = await benchStoredConversations(numbers(values['stored-conversations'], [0, 10_000, 50_000]), turnLoad);
  const empty = stored.figures.find((row) => row.storedConversations === 0) ?? stored.figures[0]!;
  results.storedConversations = stored.figures.map((row) => {
    const toEmpty = turnRatios(row, empty);
    return { ...row, ratioToEcho: turnRatios(row, stored.echo).turns, ratioToEmptyStore: toEmpty.turns, cpuRatioToEmptyStore: toEmpty.cpu };
  });
  console.log(`The assistant on an embedded store already holding conversations (${rotation}; ${sameRoundsEcho(stored.echo)})`);
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
      : postgresTurns.figures.map((row) => ({
          ...row,
          ratioToEcho: turnRatios(row, postgresTurns.echo).turns,
          ratioToOneInstance: turnRatios(row, postgresTurns.figures[0]!).turns,
        }));
  console.log('HTTP turns on PostgreSQL: one instance, and two instances on one database (turns alternate between them)');
  if ('skipped' in postgresTurns) console.log(`  skipped: ${postgresTurns.skipped}`);
  else {
    console.log(`  ${rotation}; ${sameRoundsEcho(postgresTurns.echo)}`);
    console.table(results.postgresTurns);
  }
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
