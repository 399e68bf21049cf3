import type { Request, Response, Server } from 'restify';
import type { AttemptLimiter } from '../../services/attemptLimiter.js';
import type { HttpAnswerCode } from '../../services/errorCatalogue.js';
import { clientAddress } from '../http/clientAddress.js';
import { sendError } from '../http/httpErrors.js';
import { clearedCookie, readCookie, sessionCookie, type Sessions } from '../http/sessions.js';
import type { Logger } from '../logger.js';
import { UNKNOWN_ACCOUNT_HASH, verifyStaffPassword, type StaffAccount } from './staffPassword.js';
import { isJson, noStore, requireStaffMember, STAFF_COOKIE_PATH, STAFF_SESSION_COOKIE, staffSubject } from './staffSession.js';

export interface StaffSignInDeps {
  staffAccounts: readonly StaffAccount[];
  sessions: Sessions;
  limits: StaffLoginLimits;
  logger: Logger;
  secureCookies: boolean;
}

/**
 * Failed logins, counted per address (a wide limit: one address guessing many accounts) and per
 * address and account (a narrow one). Never per account alone: anyone could then lock a staff
 * member out, while the real user signs in from another address unhindered.
 */
export interface StaffLoginLimits {
  perAddress: AttemptLimiter;
  perAddressAndAccount: AttemptLimiter;
}

const MAX_NAME = 64;
const MAX_PASSWORD = 256;

type Credentials =
  | { ok: true; name: string; password: string }
  | { ok: false; code: Extract<HttpAnswerCode, 'json_required' | 'credentials_missing' | 'credentials_too_long'>; message: string };

/** `POST /api/staff/login` (JSON name and password; a session cookie) and `POST /api/staff/logout`. */
export function registerStaffSignIn(server: Server, deps: StaffSignInDeps): void {
  const accounts = new Map(deps.staffAccounts.map((account) => [account.name, account]));

  server.post('/api/staff/login', async (req: Request, res: Response) => {
    noStore(res);
    const credentials = readCredentials(req);
    if (!credentials.ok) return sendError(res, credentials.code, credentials.message);
    const { name, password } = credentials;
    const address = clientAddress(req);
    const counted = [
      { limiter: deps.limits.perAddress, key: address },
      { limiter: deps.limits.perAddressAndAccount, key: `${address}|${name}` },
    ];
    const wait = Math.max(...(await Promise.all(counted.map(({ limiter, key }) => limiter.retryAfterSeconds(key)))));
    if (wait > 0) {
      deps.logger.warn('staff.loginLimited', {});
      res.setHeader('Retry-After', String(wait));
      return sendError(res, 'too_many_attempts', 'Too many failed logins. Try again later.');
    }
    const account = accounts.get(name);
    // Unknown names cost a hash too, so timing does not tell which accounts exist.
    const matches = await verifyStaffPassword(password, account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (!account || !matches) {
      await Promise.all(counted.map(({ limiter, key }) => limiter.record(key)));
      deps.logger.warn('staff.loginFailed', {});
      return sendError(res, 'credentials_invalid', 'The name or password is not right.');
    }
    await deps.limits.perAddressAndAccount.reset(`${address}|${name}`);
    const sessionId = await deps.sessions.create(staffSubject(name));
    res.setHeader('Set-Cookie', sessionCookie(STAFF_SESSION_COOKIE, sessionId, { path: STAFF_COOKIE_PATH, secure: deps.secureCookies }));
    deps.logger.info('staff.login', { staffMember: name });
    res.json({ staffMember: name });
  });

  server.post('/api/staff/logout', async (req: Request, res: Response) => {
    noStore(res);
    const staffMember = await requireStaffMember(req, res, deps);
    if (!staffMember) return;
    await deps.sessions.destroy(readCookie(req, STAFF_SESSION_COOKIE));
    res.setHeader('Set-Cookie', clearedCookie(STAFF_SESSION_COOKIE, STAFF_COOKIE_PATH));
    deps.logger.info('staff.logout', { staffMember });
    res.status(204);
    res.end();
  });
}

/** The name (trimmed, lower case) and password of a login, or why they cannot be used. */
function readCredentials(req: Request): Credentials {
  if (!isJson(req)) return { ok: false, code: 'json_required', message: 'Send the credentials as JSON.' };
  const body = (req.body ?? {}) as { name?: unknown; password?: unknown };
  if (typeof body.name !== 'string' || typeof body.password !== 'string' || !body.name.trim() || !body.password) {
    return { ok: false, code: 'credentials_missing', message: 'Give a name and a password.' };
  }
  if (body.name.length > MAX_NAME || body.password.length > MAX_PASSWORD) {
    return { ok: false, code: 'credentials_too_long', message: 'The name or password is too long.' };
  }
  return { ok: true, name: body.name.trim().toLowerCase(), password: body.password };
}
