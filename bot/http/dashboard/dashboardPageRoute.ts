/** `GET /dashboard`: the sign-in page without a session, else the page with the chosen range (charts drawn in the browser). */
import type { Request, Response, Server } from 'restify';
import { SOURCE_LANGUAGE } from '../../i18n.js';
import { defaultReportRange, hasReportsSession, readReportRange } from '../reportsAccess.js';
import { escapeHtml, fillTemplate, rawHtml } from '../htmlTemplate.js';
import { messageBlock, readDashboardFile, sendHtml } from './dashboardHtml.js';
import { dashboardT, languageOf } from './dashboardTexts.js';
import type { LoginPage } from './loginPage.js';
import type { ReportsContext } from './reportsContext.js';
import { brusselsDay } from '../../../services/brusselsTime.js';

export function registerDashboardPage(server: Server, context: ReportsContext, loginPage: LoginPage): void {
  const template = readDashboardFile('dashboard.html');
  const { reportsToken, sessions } = context.access;

  server.get('/dashboard', async (req: Request, res: Response) => {
    const language = languageOf(req);
    const t = dashboardT(context.i18n, language);
    if (!reportsToken) return loginPage(res, language, 503, t('login.disabled'));
    if (!(await hasReportsSession(req, sessions))) return loginPage(res, language, 200);
    const now = context.now();
    const chosen = readReportRange(req.query, now);
    const range = chosen.ok ? chosen.range : defaultReportRange(brusselsDay(now));
    const query = new URLSearchParams({ from: range.from, to: range.to, ...(language === SOURCE_LANGUAGE ? {} : { lang: language }) });
    sendHtml(
      res,
      200,
      fillTemplate(template, {
        ...context.pageValues.get(language)!,
        from: range.from,
        to: range.to,
        csvHref: `/api/reports/survey.csv?${query.toString()}`,
        // The range form keeps the page's language.
        langField: rawHtml(language === SOURCE_LANGUAGE ? '' : `<input type="hidden" name="lang" value="${escapeHtml(language)}">`),
        message: messageBlock(chosen.ok ? undefined : t(`range.${chosen.code}`)),
      }),
    );
  });
}
