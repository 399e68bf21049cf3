/** `POST /dashboard/login` (the reports token, limited per address) and `POST /dashboard/logout`. */
import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { clientAddress } from '../clientAddress.js';
import { REPORTS_SESSION_COOKIE, REPORTS_SESSION_SUBJECT, tokensMatch } from '../reportsAccess.js';
import { clearedCookie, readCookie, sessionCookie } from '../sessions.js';
import { redirect } from './dashboardHtml.js';
import { dashboardT, languageOf, languageQuery } from './dashboardTexts.js';
import type { LoginPage } from './loginPage.js';
import { SESSION_TTL_MS, type ReportsContext } from './reportsContext.js';

const LOGIN_BODY_MAX_BYTES = 4 * 1024;

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

export function registerSignIn(server: Server, context: ReportsContext, loginPage: LoginPage): void {
  const { reportsToken, limiter, sessions } = context.access;

  server.post('/dashboard/login', async (req: Request, res: Response) => {
    const language = languageOf(req);
    const t = dashboardT(context.i18n, language);
    if (!reportsToken) return loginPage(res, language, 503, t('login.disabled'));
    const address = clientAddress(req);
    if (!(await limiter.allows(address))) {
      const seconds = await limiter.retryAfterSeconds(address);
      return loginPage(res, language, 429, t('login.tooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) }), {
        'Retry-After': String(seconds),
      });
    }
    const form = await readFormBody(req);
    const token = form?.get('token') ?? '';
    if (!token) return loginPage(res, language, 400, t('login.missing'));
    if (!tokensMatch(token, reportsToken)) {
      await limiter.record(address);
      return loginPage(res, language, 401, t('login.wrong'));
    }
    await limiter.reset(address);
    await sessions.destroy(readCookie(req, REPORTS_SESSION_COOKIE));
    const id = await sessions.create(REPORTS_SESSION_SUBJECT);
    // Path "/": the page's script sends the same cookie to /api/reports/survey.
    const cookie = sessionCookie(REPORTS_SESSION_COOKIE, id, {
      path: '/',
      secure: context.secureCookies,
      maxAgeSeconds: SESSION_TTL_MS / 1000,
    });
    redirect(res, `/dashboard${languageQuery(language)}`, cookie);
  });

  server.post('/dashboard/logout', async (req: Request, res: Response) => {
    await sessions.destroy(readCookie(req, REPORTS_SESSION_COOKIE));
    redirect(res, `/dashboard${languageQuery(languageOf(req))}`, clearedCookie(REPORTS_SESSION_COOKIE, '/'));
  });
}
