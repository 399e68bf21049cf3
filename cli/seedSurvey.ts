/**
 * Demo survey answers for the dashboard, in the configured store (DATA_DIR, or DATABASE_URL with STORAGE=postgres):
 *   tsx cli/seedSurvey.ts --count N [--from YYYY-MM-DD] [--seed S]   adds N rows marked synthetic
 *   tsx cli/seedSurvey.ts --remove                                      deletes the synthetic rows only
 * Rows are spread over a year starting at --from (default: a year before today, so they fill
 * the dashboard's default range).
 */
import { generateSyntheticSurveyRows } from '../services/survey/syntheticSurvey.js';
import { openSurveyStoresFor, parseArgs, runCli, UsageError } from './cliSupport.js';
import { addDays, brusselsDay, isCalendarDay } from '../services/brusselsTime.js';

const USAGE = 'usage: tsx cli/seedSurvey.ts --count N [--from YYYY-MM-DD] [--seed S] | --remove';
const MAX_COUNT = 100_000;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['count', 'from', 'seed'], ['remove']);
  const remove = args.flags.has('remove');
  const countText = args.values.get('count');
  if (remove === (countText !== undefined)) throw new UsageError('give either --count N or --remove');
  if (remove && (args.values.has('from') || args.values.has('seed'))) throw new UsageError('--remove takes no other options');

  let rows: ReturnType<typeof generateSyntheticSurveyRows> = [];
  let seed = 0;
  if (!remove) {
    const count = Number(countText);
    if (!/^\d+$/.test(countText ?? '') || count < 1 || count > MAX_COUNT)
      throw new UsageError(`--count must be a whole number from 1 to ${MAX_COUNT}`);
    const from = args.values.get('from') ?? addDays(brusselsDay(new Date()), -365);
    if (!isCalendarDay(from)) throw new UsageError('--from must be a date written as YYYY-MM-DD');
    const seedText = args.values.get('seed');
    if (seedText !== undefined && !/^\d+$/.test(seedText)) throw new UsageError('--seed must be a whole number');
    // A new seed each run adds new rows; give --seed to make the same rows again.
    seed = seedText === undefined ? Date.now() % 2 ** 31 : Number(seedText);
    rows = generateSyntheticSurveyRows({ count, from, seed });
  }

  const opened = await openSurveyStoresFor();
  try {
    const { surveyStore } = opened.stores;
    if (remove) {
      const removed = await surveyStore.removeSynthetic();
      process.stdout.write(`Removed ${removed} synthetic survey rows from ${opened.where}. Real answers were kept.\n`);
    } else {
      const added = await surveyStore.addSynthetic(rows);
      process.stdout.write(
        `Added ${added} synthetic survey rows (seed ${seed}, ${rows[0]?.day ?? '-'} to ${rows.at(-1)?.day ?? '-'}) to ${opened.where}.` +
          (added < rows.length ? ` ${rows.length - added} were already there.` : '') +
          ' Remove them with --remove.\n',
      );
    }
  } finally {
    await opened.close();
  }
}

await runCli('seedSurvey', USAGE, main);
