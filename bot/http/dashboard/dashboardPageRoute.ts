/** `GET /dashboard`: the sign-in page without a session, else the page with the chosen range (charts drawn in the browser). */
import type { Request, Response, Server } from 'restify';
import { defaultReportRange, hasReportsSession, readReportRange } from '../reportsAccess.js';
import { fillTemplate } from '../htmlTemplate.js';
import { messageBlock, readDashboardFile, sendHtml } from './dashboardHtml.js';
import type { LoginPage } from './loginPage.js';
import type { ReportsContext } from './reportsContext.js';
import { brusselsDay } from '../../../services/brusselsTime.js';

export function registerDashboardPage(server: Server, context: ReportsContext, loginPage: LoginPage): void {
  const template = readDashboardFile('dashboard.html');
  const { reportsToken, sessions } = context.access;

  server.get('/dashboard', async (req: Request, res: Response) => {
    if (!reportsToken) return loginPage(res, 503, context.messages.reportsDisabled);
    if (!(await hasReportsSession(req, sessions))) return loginPage(res, 200);
    const now = context.now();
    const chosen = readReportRange(req.query, now);
    const range = chosen.ok ? chosen.range : defaultReportRange(brusselsDay(now));
    const query = new URLSearchParams({ from: range.from, to: range.to }).toString();
    sendHtml(
      res,
      200,
      fillTemplate(template, {
        from: range.from,
        to: range.to,
        csvHref: `/api/reports/survey.csv?${query}`,
        message: messageBlock(chosen.ok ? undefined : context.messages[chosen.code]),
      }),
    );
  });
}
