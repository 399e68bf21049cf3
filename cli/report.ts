/**
 * Survey figures from the configured store (STORAGE=lowdb: DATA_DIR; STORAGE=postgres: DATABASE_URL,
 * counted in SQL), on the command line:
 *   tsx cli/report.ts [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json | --csv]
 * A readable summary by default (the last 12 months when no dates are given). Exit 2 for bad arguments.
 */
import { csvLabels } from '../bot/http/dashboard/dashboardTexts.js';
import { readReportRange } from '../bot/http/reportsAccess.js';
import { createI18n } from '../bot/i18n.js';
import { loadSurveyBaseline } from '../services/survey/surveyBaselineFile.js';
import { AGE_BRACKET_CODES, APPOINTMENT_PREFERENCE_CODES, AWARENESS_CODES, BOOKING_CHANNEL_CODES } from '../services/survey/surveyCodes.js';
import { surveyReportToCsv } from '../services/survey/surveyCsv.js';
import { storedSurveyReport } from '../services/survey/storedSurveyReport.js';
import type { ShareBlock, SurveyReport } from '../services/survey/surveyReport.js';
import { CONVERSATION_OUTCOMES } from '../services/survey/surveyResponse.js';
import { openSurveyStoresFor, parseArgs, runCli, UsageError } from './cliSupport.js';
import { brusselsDay, wholeMonths } from '../services/brusselsTime.js';

const USAGE = 'usage: tsx cli/report.ts [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json | --csv]';
const TOO_FEW = 'too few answers';

const percent = (share: number | null): string => (share === null ? TOO_FEW : `${(share * 100).toFixed(1)}%`);

function shareLines<C extends string>(codes: readonly C[], block: ShareBlock<C>, extra: (code: C) => string = () => ''): string[] {
  return codes.map((code) => `  ${code.padEnd(14)} ${percent(block[code]).padStart(7)}${block.suppressed ? '' : extra(code)}`);
}

/** The report as plain text for a terminal. */
export function formatSummary(report: SurveyReport): string {
  const lines = [
    `Survey report ${report.from} to ${report.to}`,
    `Responses: ${report.responses}${report.synthetic > 0 ? ` (${report.synthetic} synthetic demo rows)` : ''}`,
    '',
    `Awareness of the digitaal thuisloket (n=${report.awareness.n})`,
    ...shareLines(AWARENESS_CODES, report.awareness, (code) => {
      const interval = report.awareness.ci95[code];
      return `  95% CI ${percent(interval?.[0] ?? null)} to ${percent(interval?.[1] ?? null)}  panel ${percent(report.baseline.awareness[code])}`;
    }),
    '',
    `Satisfaction (n=${report.satisfaction.n}): ` +
      (report.satisfaction.suppressed
        ? TOO_FEW
        : `mean ${report.satisfaction.mean} of 5, satisfied (4 or 5) ${percent(report.satisfaction.satisfied)}`),
    '',
    `Appointment preference (n=${report.appointmentPreference.n})`,
    ...shareLines(
      APPOINTMENT_PREFERENCE_CODES,
      report.appointmentPreference,
      (code) => `  panel ${percent(report.baseline.appointmentPreference[code])}`,
    ),
    '',
    `Booking channel (n=${report.bookingChannel.n})`,
    ...shareLines(BOOKING_CHANNEL_CODES, report.bookingChannel),
    ...AGE_BRACKET_CODES.flatMap((age) => {
      const block = report.bookingChannel.byAge[age];
      return [
        `  age ${age} (n=${block.n}): ${block.suppressed ? TOO_FEW : BOOKING_CHANNEL_CODES.map((code) => `${code} ${percent(block[code])}`).join(', ')}`,
      ];
    }),
    '',
    `Age bracket (n=${report.ageBracket.n})`,
    ...shareLines(AGE_BRACKET_CODES, report.ageBracket),
  ];
  if (report.outcomes) {
    lines.push(
      '',
      `Conversation outcomes (n=${report.outcomes.n}, closed days only)`,
      ...shareLines(CONVERSATION_OUTCOMES, report.outcomes),
    );
  }
  lines.push('', `Figures from fewer than 10 answers are shown as "${TOO_FEW}".`);
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['from', 'to'], ['json', 'csv']);
  if (args.flags.has('json') && args.flags.has('csv')) throw new UsageError('choose --json or --csv, not both');
  const range = readReportRange({ from: args.values.get('from'), to: args.values.get('to') }, new Date());
  if (!range.ok)
    throw new UsageError(range.code === 'date_invalid' ? '--from and --to must be dates written as YYYY-MM-DD' : range.message);

  const baseline = loadSurveyBaseline();
  const opened = await openSurveyStoresFor();
  try {
    const report = await storedSurveyReport(opened.stores, wholeMonths(range.range, brusselsDay(new Date())), baseline, {
      leaveOutSmallCells: true,
    });
    if (args.flags.has('json')) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else if (args.flags.has('csv')) process.stdout.write(surveyReportToCsv(report, csvLabels(createI18n())));
    else process.stdout.write(formatSummary(report));
  } finally {
    await opened.close();
  }
}

await runCli('report', USAGE, main);
