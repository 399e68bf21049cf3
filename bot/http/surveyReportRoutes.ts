/**
 * The communications team's survey figures: the report API (JSON and CSV) and the `/dashboard`
 * pages (sign in with the reports token, then charts drawn in the browser from the JSON). One
 * module per route in `dashboard/`; this one only puts them together on one shared context.
 */
import type { Server } from 'restify';
import { registerDashboardAssets } from './dashboard/assetRoute.js';
import { registerDashboardPage } from './dashboard/dashboardPageRoute.js';
import { createLoginPage } from './dashboard/loginPage.js';
import { registerReportApi } from './dashboard/reportApiRoutes.js';
import { createReportsContext, type SurveyReportRoutesDeps } from './dashboard/reportsContext.js';
import { registerSignIn } from './dashboard/signInRoutes.js';

export type { SurveyReportRoutesDeps } from './dashboard/reportsContext.js';

/** Registers the report API and the dashboard on `server`. */
export function registerSurveyReportRoutes(server: Server, deps: SurveyReportRoutesDeps): void {
  const context = createReportsContext(deps);
  const loginPage = createLoginPage(context);
  registerReportApi(server, context);
  registerDashboardPage(server, context, loginPage);
  registerSignIn(server, context, loginPage);
  registerDashboardAssets(server);
}
