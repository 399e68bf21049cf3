/**
 * `npm run bench`: every benchmark in one run on this machine, printed as a table and as JSON.
 * Speed targets are judged against the baseline measured in the same run (the echo bot), never
 * against fixed numbers: machines here are shared and noisy.
 */
import { benchHttpTurns } from './httpTurns.js';
import { benchRecognizer } from './recognizerBench.js';
import { benchSlotSearch } from './slotSearchBench.js';

const turns = await benchHttpTurns();
const echo = turns.find((row) => row.bot === 'echo')!;
const turnRows = turns.map((row) => ({ ...row, ratioToEcho: Math.round((row.turnsPerSecond / echo.turnsPerSecond) * 100) / 100 }));
const recognizer = await benchRecognizer();
const slotSearch = await benchSlotSearch();

console.log('\nHTTP turns (expectReplies, 50 concurrent conversations, loopback)');
console.table(turnRows);
console.log('Offline recognizer (test set)');
console.table([recognizer]);
console.log('Free-slot search (six-week horizon, 10,000 bookings)');
console.table([slotSearch]);
console.log(JSON.stringify({ httpTurns: turnRows, recognizer, slotSearch }));
