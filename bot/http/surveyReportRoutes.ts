/**
 * The communications team's survey figures: `GET /api/reports/survey` (JSON),
 * `GET /api/reports/survey.csv` (Excel nl-BE), and the `/dashboard` pages (login with the
 * reports token, then charts drawn in the browser from the JSON). The page texts live in
 * web/dashboard/; this module only decides and fills in.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { SurveyBaseline } from '../../services/survey/surveyBaseline.js';
import { surveyReportToCsv } from '../../services/survey/surveyCsv.js';
import { storedSurveyReport } from '../../services/survey/storedSurveyReport.js';
import type { ReportRange, SurveyReport } from '../../services/survey/surveyReport.js';
import type { OutcomeStore, SurveyStore } from '../../stores/survey/surveyStores.js';
import { errorCode } from '../errorCodes.js';
import { clientAddress } from './clientAddress.js';
import type { Logger } from '../logger.js';
import { createAttemptLimiter, type AttemptLimiter } from '../../services/attemptLimiter.js';
import type { AttemptStore } from '../../stores/attempts/attemptStore.js';
import type { SessionStore } from '../../stores/sessions/sessionStore.js';
import { sendError } from './httpErrors.js';
import {
  checkReportsAccess,
  defaultReportRange,
  hasReportsSession,
  readReportRange,
  REPORTS_SESSION_COOKIE,
  REPORTS_SESSION_SUBJECT,
  tokensMatch,
  type RangeProblem,
} from './reportsAccess.js';
import { clearedCookie, createSessions, readCookie, sessionCookie, type Sessions } from './sessions.js';
import { brusselsDay, wholeMonths } from '../../services/brusselsTime.js';

export interface SurveyReportRoutesDeps {
  /** Counts its rows for the report where they are (in memory or in SQL). */
  surveyStore: Pick<SurveyStore, 'reportCounts'>;
  outcomeStore: Pick<OutcomeStore, 'counts'>;
  /** REPORTS_TOKEN; null or empty switches the reports off (503). */
  reportsToken: string | null;
  /** data/surveyBaseline.json, checked (loadSurveyBaseline). */
  baseline: SurveyBaseline;
  now?: () => Date;
  logger?: Logger;
  /** Mark the session cookie Secure: true whenever the site is served over HTTPS. */
  secureCookies?: boolean;
  /** Wrong tokens per address (defaults: 5 per 15 minutes). */
  limiter?: AttemptLimiter;
  /** Where dashboard sessions are kept (default: in memory); 8 hours sliding. */
  sessionStore?: SessionStore;
  /** Where wrong-token attempts are counted (default: in memory), when no limiter is given. */
  attemptStore?: AttemptStore;
}

const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const LOGIN_BODY_MAX_BYTES = 4 * 1024;
const DASHBOARD_DIR = new URL('../../web/dashboard/', import.meta.url);
const ASSETS: Record<string, string> = {
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboardModel.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};
// The page loads only its own script and style: no CDN, no inline script.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type DashboardMessages = Record<'loginWrong' | 'loginMissing' | 'loginTooMany' | 'reportsDisabled' | RangeProblem, string>;

function readDashboardFile(name: string): string {
  return readFileSync(new URL(name, DASHBOARD_DIR), 'utf8');
}

function escapeHtml(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

/** Fills `{{name}}` placeholders; values are HTML already (escape text before passing it). */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => values[name] ?? '');
}

function messageBlock(text: string | undefined, id = 'message'): string {
  return text ? `<p class="message" role="alert" id="${id}">${escapeHtml(text)}</p>` : '';
}

function sendHtml(res: ServerResponse, status: number, html: string, extraHeaders: Record<string, string | string[]> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    ...extraHeaders,
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string, cookie?: string): void {
  const headers: Record<string, string> = { Location: location, 'Cache-Control': 'no-store' };
  if (cookie) headers['Set-Cookie'] = cookie;
  res.writeHead(303, headers);
  res.end();
}

/** Reads a small url-encoded form body (the login form); undefined when it is too large or unreadable. */
function readFormBody(req: IncomingMessage, maxBytes = LOGIN_BODY_MAX_BYTES): Promise<URLSearchParams | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => resolve(undefined));
  });
}

function csvFileName(range: ReportRange): string {
  return `enquete-digitale-assistent-${range.from}-tot-${range.to}.csv`;
}

/** Registers the report API and the dashboard on `server`. */
export function registerSurveyReportRoutes(server: Server, deps: SurveyReportRoutesDeps): void {
  const now = deps.now ?? (() => new Date());
  const reportsToken = deps.reportsToken || null;
  const limiter =
    deps.limiter ?? createAttemptLimiter({ scope: 'reports-token', maxAttempts: 5, windowMs: 15 * 60 * 1000, store: deps.attemptStore });
  const sessions: Sessions = createSessions({ ttlMs: SESSION_TTL_MS, store: deps.sessionStore });
  const secure = deps.secureCookies ?? false;
  const access = { reportsToken, sessions, limiter };
  const loginTemplate = readDashboardFile('login.html');
  const dashboardTemplate = readDashboardFile('dashboard.html');
  const messages = JSON.parse(readDashboardFile('messages.json')) as DashboardMessages;
  const assets = new Map(Object.keys(ASSETS).map((name) => [name, readDashboardFile(name)]));

  const report = (range: ReportRange): Promise<SurveyReport> =>
    storedSurveyReport(deps, range, deps.baseline, { leaveOutSmallCells: true });

  /** Auth and range for both report endpoints; answers the error itself and returns undefined. */
  async function authorisedRange(req: Request, res: Response): Promise<ReportRange | undefined> {
    const decision = await checkReportsAccess(req, access);
    if (!decision.ok) {
      if (decision.retryAfterSeconds) res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      if (decision.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="reports"');
      sendError(res, decision.status, decision.code, decision.message);
      return undefined;
    }
    const range = readReportRange(req.query, now());
    if (!range.ok) {
      sendError(res, 400, range.code, range.message);
      return undefined;
    }
    // Whole months only: with the small cells of each month left out of every total, no two reports
    // can be subtracted to single out a suppressed cell (README, "Survey reports").
    return wholeMonths(range.range, brusselsDay(now()));
  }

  async function answerReport(req: Request, res: Response, format: 'json' | 'csv'): Promise<void> {
    const range = await authorisedRange(req, res);
    if (!range) return;
    let figures: SurveyReport;
    try {
      figures = await report(range);
    } catch (error) {
      deps.logger?.error('reports.failed', { code: errorCode(error) });
      return sendError(res, 500, 'internal', 'The report could not be made.');
    }
    if (format === 'json') {
      res.setHeader('Cache-Control', 'no-store');
      res.json(figures);
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(range)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(surveyReportToCsv(figures));
  }

  server.get('/api/reports/survey', async (req: Request, res: Response) => answerReport(req, res, 'json'));
  server.get('/api/reports/survey.csv', async (req: Request, res: Response) => answerReport(req, res, 'csv'));

  function loginPage(res: ServerResponse, status: number, message?: string, extraHeaders: Record<string, string> = {}): void {
    sendHtml(
      res,
      status,
      fill(loginTemplate, {
        message: messageBlock(message, 'login-error'),
        invalid: message ? ' aria-invalid="true" aria-describedby="login-error"' : '',
      }),
      extraHeaders,
    );
  }

  server.get('/dashboard', async (req: Request, res: Response) => {
    if (!reportsToken) return loginPage(res, 503, messages.reportsDisabled);
    if (!(await hasReportsSession(req, sessions))) return loginPage(res, 200);
    const chosen = readReportRange(req.query, now());
    const range = chosen.ok ? chosen.range : defaultReportRange(brusselsDay(now()));
    const query = new URLSearchParams({ from: range.from, to: range.to }).toString();
    sendHtml(
      res,
      200,
      fill(dashboardTemplate, {
        from: escapeHtml(range.from),
        to: escapeHtml(range.to),
        csvHref: escapeHtml(`/api/reports/survey.csv?${query}`),
        message: chosen.ok ? '' : messageBlock(messages[chosen.code]),
      }),
    );
  });

  server.post('/dashboard/login', async (req: Request, res: Response) => {
    if (!reportsToken) return loginPage(res, 503, messages.reportsDisabled);
    const address = clientAddress(req);
    if (!(await limiter.allows(address))) {
      const seconds = await limiter.retryAfterSeconds(address);
      return loginPage(res, 429, messages.loginTooMany.replace('{{minutes}}', String(Math.max(1, Math.ceil(seconds / 60)))), {
        'Retry-After': String(seconds),
      });
    }
    const form = await readFormBody(req);
    const token = form?.get('token') ?? '';
    if (!token) return loginPage(res, 400, messages.loginMissing);
    if (!tokensMatch(token, reportsToken)) {
      await limiter.record(address);
      return loginPage(res, 401, messages.loginWrong);
    }
    await limiter.reset(address);
    await sessions.destroy(readCookie(req, REPORTS_SESSION_COOKIE));
    const id = await sessions.create(REPORTS_SESSION_SUBJECT);
    // Path "/": the page's script sends the same cookie to /api/reports/survey.
    redirect(res, '/dashboard', sessionCookie(REPORTS_SESSION_COOKIE, id, { path: '/', secure, maxAgeSeconds: SESSION_TTL_MS / 1000 }));
  });

  server.post('/dashboard/logout', async (req: Request, res: Response) => {
    await sessions.destroy(readCookie(req, REPORTS_SESSION_COOKIE));
    redirect(res, '/dashboard', clearedCookie(REPORTS_SESSION_COOKIE, '/'));
  });

  server.get('/dashboard/assets/:file', async (req: Request, res: Response) => {
    const name = String(req.params.file ?? '');
    const body = assets.get(name);
    if (body === undefined) return sendError(res, 404, 'not_found', 'No such dashboard file.');
    res.writeHead(200, { 'Content-Type': ASSETS[name]!, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  });
}
