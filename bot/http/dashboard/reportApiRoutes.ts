/** `GET /api/reports/survey` (JSON) and `GET /api/reports/survey.csv` (Excel nl-BE), with the token or a dashboard session. */
import type { Request, Response, Server } from 'restify';
import { surveyReportToCsv, type CsvLabel } from '../../../services/survey/surveyCsv.js';
import type { ReportRange, SurveyReport } from '../../../services/survey/surveyReport.js';
import { errorCode } from '../../../services/errorCatalogue.js';
import { sendError } from '../httpErrors.js';
import { checkReportsAccess, readReportRange } from '../reportsAccess.js';
import { csvLabels, languageOf } from './dashboardTexts.js';
import type { ReportsContext } from './reportsContext.js';
import { brusselsDay, wholeMonths } from '../../../services/brusselsTime.js';

function csvFileName(range: ReportRange): string {
  return `enquete-digitale-assistent-${range.from}-tot-${range.to}.csv`;
}

/** Auth and range for both report endpoints; answers the error itself and returns undefined. */
async function authorisedRange(req: Request, res: Response, context: ReportsContext): Promise<ReportRange | undefined> {
  const decision = await checkReportsAccess(req, context.access);
  if (!decision.ok) {
    if (decision.retryAfterSeconds) res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    if (decision.code === 'unauthorized') res.setHeader('WWW-Authenticate', 'Bearer realm="reports"');
    sendError(res, decision.code, decision.message);
    return undefined;
  }
  const now = context.now();
  const range = readReportRange(req.query, now);
  if (!range.ok) {
    sendError(res, range.code, range.message);
    return undefined;
  }
  // Whole months only: with the small cells of each month left out of every total, no two reports
  // can be subtracted to single out a suppressed cell (README, "Survey reports").
  return wholeMonths(range.range, brusselsDay(now));
}

function sendCsv(res: Response, range: ReportRange, figures: SurveyReport, label: CsvLabel): void {
  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${csvFileName(range)}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(surveyReportToCsv(figures, label));
}

export function registerReportApi(server: Server, context: ReportsContext): void {
  async function answerReport(req: Request, res: Response, format: 'json' | 'csv'): Promise<void> {
    const range = await authorisedRange(req, res, context);
    if (!range) return;
    let figures: SurveyReport;
    try {
      figures = await context.report(range);
    } catch (error) {
      context.logger?.error('reports.failed', { code: errorCode(error) });
      return sendError(res, 'internal', 'The report could not be made.');
    }
    if (format === 'csv') return sendCsv(res, range, figures, csvLabels(context.i18n, languageOf(req)));
    res.setHeader('Cache-Control', 'no-store');
    res.json(figures);
  }

  server.get('/api/reports/survey', async (req: Request, res: Response) => answerReport(req, res, 'json'));
  server.get('/api/reports/survey.csv', async (req: Request, res: Response) => answerReport(req, res, 'csv'));
}
