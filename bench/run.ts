/**
 * `npm run bench`: every benchmark in one run on this machine, printed as a table and as JSON.
 * Speed targets are judged against the baseline measured in the same run (the echo bot), never
 * against fixed numbers: machines here are shared and noisy. The PostgreSQL benchmarks create and
 * drop their own database, and are skipped with a note when no PostgreSQL server answers.
 */
import { benchHttpTurns, benchPostgresTurns } from './httpTurns.js';
import { benchRecognizer } from './recognizerBench.js';
import { benchSlotSearch } from './slotSearchBench.js';
import { benchSurveyReport } from './surveyReportBench.js';

const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;

const turns = await benchHttpTurns();
const echo = turns.find((row) => row.bot === 'echo')!;
const turnRows = turns.map((row) => ({ ...row, ratioToEcho: ratio(row.turnsPerSecond, echo.turnsPerSecond) }));
const postgresTurns = await benchPostgresTurns();
const postgresTurnRows =
  'skipped' in postgresTurns
    ? postgresTurns
    : postgresTurns.map((row) => ({
        ...row,
        ratioToEcho: ratio(row.turnsPerSecond, echo.turnsPerSecond),
        ratioToOneInstance: ratio(row.turnsPerSecond, postgresTurns[0]!.turnsPerSecond),
      }));
const recognizer = await benchRecognizer();
const slotSearch = await benchSlotSearch();
const surveyReport = await benchSurveyReport();

console.log('\nHTTP turns (expectReplies, 50 concurrent conversations, loopback)');
console.table(turnRows);
console.log('HTTP turns on PostgreSQL: one instance, and two instances on one database (turns alternate between them)');
if ('skipped' in postgresTurnRows) console.log(`  skipped: ${postgresTurnRows.skipped}`);
else console.table(postgresTurnRows);
console.log('Offline recognizer (test set)');
console.table([recognizer]);
console.log('Free-slot search (six-week horizon, 10,000 bookings)');
console.table([slotSearch]);
console.log('Survey report over 1,000,000 rows: SQL counts in PostgreSQL vs the pure function over the rows in memory');
if ('skipped' in surveyReport) console.log(`  skipped: ${surveyReport.skipped}`);
else console.table([surveyReport]);
console.log(JSON.stringify({ httpTurns: turnRows, postgresTurns: postgresTurnRows, recognizer, slotSearch, surveyReport }));
