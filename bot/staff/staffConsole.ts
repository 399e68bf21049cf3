import type { i18n } from 'i18next';
import type { Request, Response, Server } from 'restify';
import { errorCode } from '../errorCodes.js';
import type { AttemptLimiter } from '../../services/attemptLimiter.js';
import { sendError } from '../http/httpErrors.js';
import { clientAddress } from '../http/clientAddress.js';
import { clearedCookie, readCookie, sessionCookie, type Sessions } from '../http/sessions.js';
import type { Logger } from '../logger.js';
import {
  CallbackStoreError,
  STAFF_STATUSES,
  type CallbackRequest,
  type CallbackStore,
  type StaffStatus,
} from '../../stores/callbacks/callbackStore.js';
import { isCallbackReference } from '../../services/callback/callbackReference.js';
import { undoTimeLeftMs } from '../../services/callback/callbackStatus.js';
import { createI18n } from '../i18n.js';
import { registerStaffPage } from './staffPage.js';
import { UNKNOWN_ACCOUNT_HASH, verifyStaffPassword, type StaffAccount } from './staffPassword.js';

export interface StaffConsoleDeps {
  callbackStore: CallbackStore;
  staffAccounts: readonly StaffAccount[];
  /** Sessions of signed-in staff (subject `staff:<name>`). */
  sessions: Sessions;
  /**
   * Failed logins, counted per address (a wide limit: one address guessing many accounts) and per
   * address and account (a narrow one). Never per account alone: anyone could then lock a staff
   * member out, while the real user signs in from another address unhindered.
   */
  limits: StaffLoginLimits;
  now?: () => Date;
  logger: Logger;
  /** Secure cookies: true unless the console runs on plain local HTTP. */
  secureCookies: boolean;
  /** The page's texts (locales/<lang>/staff.json); default: read from locales/. */
  i18n?: i18n;
}

interface StaffLoginLimits {
  perAddress: AttemptLimiter;
  perAddressAndAccount: AttemptLimiter;
}

export const STAFF_SESSION_COOKIE = 'staff_session';
const COOKIE_PATH = '/api/staff';
const SUBJECT_PREFIX = 'staff:';
const MAX_NAME = 64;
const MAX_PASSWORD = 256;

/** How the console answers each refusal of the callback store. */
const STORE_ERROR_ANSWERS: Record<CallbackStoreError['code'], { status: number; code: string; message: string }> = {
  CALLBACK_NOT_FOUND: { status: 404, code: 'callback_not_found', message: 'No callback request with this reference.' },
  CALLBACK_CLOSED: { status: 409, code: 'callback_closed', message: 'This callback request is already closed.' },
  CALLBACK_NOT_UNDOABLE: {
    status: 409,
    code: 'callback_not_undoable',
    message: 'This callback request cannot be taken back (open, cancelled, or closed too long ago).',
  },
};

/**
 * The phone staff's console: `GET /staff` (the page) and `/api/staff/*` (login, logout, the open
 * callback requests and their status). Every `/api/staff/*` route but login needs a session.
 * The page also shows the day's appointments, from `/api/staff/appointments` (appointmentRoutes.ts).
 */
export function registerStaffConsole(server: Server, deps: StaffConsoleDeps): void {
  const now = deps.now ?? (() => new Date());
  const accounts = new Map(deps.staffAccounts.map((account) => [account.name, account]));
  registerStaffPage(server, { i18n: deps.i18n ?? createI18n() });

  server.post('/api/staff/login', async (req: Request, res: Response) => {
    noStore(res);
    if (!isJson(req)) return sendError(res, 400, 'json_required', 'Send the credentials as JSON.');
    const body = (req.body ?? {}) as { name?: unknown; password?: unknown };
    if (typeof body.name !== 'string' || typeof body.password !== 'string' || !body.name.trim() || !body.password) {
      return sendError(res, 400, 'credentials_missing', 'Give a name and a password.');
    }
    if (body.name.length > MAX_NAME || body.password.length > MAX_PASSWORD) {
      return sendError(res, 400, 'credentials_too_long', 'The name or password is too long.');
    }
    const name = body.name.trim().toLowerCase();
    const address = clientAddress(req);
    const counted = [
      { limiter: deps.limits.perAddress, key: address },
      { limiter: deps.limits.perAddressAndAccount, key: `${address}|${name}` },
    ];
    const wait = Math.max(...(await Promise.all(counted.map(({ limiter, key }) => limiter.retryAfterSeconds(key)))));
    if (wait > 0) {
      deps.logger.warn('staff.loginLimited', {});
      res.setHeader('Retry-After', String(wait));
      return sendError(res, 429, 'too_many_attempts', 'Too many failed logins. Try again later.');
    }
    const account = accounts.get(name);
    // Unknown names cost a hash too, so timing does not tell which accounts exist.
    const matches = await verifyStaffPassword(body.password, account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (!account || !matches) {
      await Promise.all(counted.map(({ limiter, key }) => limiter.record(key)));
      deps.logger.warn('staff.loginFailed', {});
      return sendError(res, 401, 'credentials_invalid', 'The name or password is not right.');
    }
    await deps.limits.perAddressAndAccount.reset(`${address}|${name}`);
    const sessionId = await deps.sessions.create(`${SUBJECT_PREFIX}${name}`);
    res.setHeader('Set-Cookie', sessionCookie(STAFF_SESSION_COOKIE, sessionId, { path: COOKIE_PATH, secure: deps.secureCookies }));
    deps.logger.info('staff.login', { staffMember: name });
    res.json({ staffMember: name });
  });

  server.post('/api/staff/logout', async (req: Request, res: Response) => {
    noStore(res);
    const staffMember = await signedIn(req, res);
    if (!staffMember) return;
    await deps.sessions.destroy(readCookie(req, STAFF_SESSION_COOKIE));
    res.setHeader('Set-Cookie', clearedCookie(STAFF_SESSION_COOKIE, COOKIE_PATH));
    deps.logger.info('staff.logout', { staffMember });
    res.status(204);
    res.end();
  });

  server.get('/api/staff/callbacks', async (req: Request, res: Response) => {
    noStore(res);
    const staffMember = await signedIn(req, res);
    if (!staffMember) return;
    const requests = await deps.callbackStore.listOpen();
    res.json({ staffMember, callbacks: requests.map(forStaff) });
  });

  server.post('/api/staff/callbacks/:reference/status', async (req: Request, res: Response) => {
    noStore(res);
    const staffMember = await signedIn(req, res);
    if (!staffMember) return;
    if (!isJson(req)) return sendError(res, 400, 'json_required', 'Send the status as JSON.');
    const status = (req.body as { status?: unknown } | undefined)?.status;
    if (!STAFF_STATUSES.includes(status as StaffStatus)) {
      return sendError(res, 400, 'status_invalid', `status must be one of ${STAFF_STATUSES.join(', ')}.`);
    }
    await changeRequest(
      req,
      res,
      (reference) => deps.callbackStore.setStatus(reference, status as StaffStatus, { at: now(), staffMember }),
      staffMember,
    );
  });

  // "Ongedaan maken" of "Bereikt" or "Afgehandeld": the store takes it back, within its undo window.
  server.post('/api/staff/callbacks/:reference/undo', async (req: Request, res: Response) => {
    noStore(res);
    const staffMember = await signedIn(req, res);
    if (!staffMember) return;
    await changeRequest(req, res, (reference) => deps.callbackStore.undoClose(reference, { at: now(), staffMember }), staffMember);
  });

  /** Applies a staff change to the request named in the path, and answers with it or with why not. */
  async function changeRequest(
    req: Request,
    res: Response,
    change: (reference: string) => Promise<CallbackRequest>,
    staffMember: string,
  ): Promise<void> {
    const reference = String(req.params.reference ?? '').toUpperCase();
    if (!isCallbackReference(reference)) return sendStoreRefusal(res, 'CALLBACK_NOT_FOUND');
    try {
      const request = await change(reference);
      deps.logger.info('callback.status', { reference, status: request.status, staffMember });
      // How long "Ongedaan maken" may stay on screen: the store's undo window, not a guess in the page.
      res.json({ callback: forStaff(request), undoableForMs: undoTimeLeftMs(request, now()) });
    } catch (error) {
      if (error instanceof CallbackStoreError) return sendStoreRefusal(res, error.code);
      deps.logger.error('callback.statusFailed', { reference, code: errorCode(error) });
      // The server's error handler answers it: 503 storage_unavailable during an outage, else 500.
      throw error;
    }
  }

  /** The signed-in staff member's name, or answers 401 and returns undefined. */
  async function signedIn(req: Request, res: Response): Promise<string | undefined> {
    const name = await signedInStaffMember(req, deps.sessions, deps.staffAccounts);
    if (name === undefined) sendError(res, 401, 'unauthorized', 'Sign in first.');
    return name;
  }
}

/**
 * The staff member a request's session belongs to, if that account is still configured: an account
 * removed from STAFF_ACCOUNTS loses its sessions at the next request. Other staff routes use it too.
 */
export async function signedInStaffMember(
  req: Request,
  sessions: Sessions,
  staffAccounts: readonly StaffAccount[],
): Promise<string | undefined> {
  const session = await sessions.get(readCookie(req, STAFF_SESSION_COOKIE));
  if (!session?.subject.startsWith(SUBJECT_PREFIX)) return undefined;
  const name = session.subject.slice(SUBJECT_PREFIX.length);
  return staffAccounts.some((account) => account.name === name) ? name : undefined;
}

/** What the console shows of a request; `attempts` counts the calls that did not reach the resident. */
function forStaff(request: CallbackRequest) {
  return {
    reference: request.reference,
    phone: request.phone,
    preferredMoment: request.preferredMoment,
    topic: request.topic,
    excerpt: request.excerpt,
    language: request.language,
    createdAt: request.createdAt,
    status: request.status,
    attempts: request.history.filter((change) => change.status === 'notReached').length,
    history: request.history,
  };
}

function sendStoreRefusal(res: Response, storeCode: CallbackStoreError['code']): void {
  const { status, code, message } = STORE_ERROR_ANSWERS[storeCode];
  sendError(res, status, code, message);
}

function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
}

/** A JSON content type: a cross-site form cannot send one without a CORS preflight. */
function isJson(req: Request): boolean {
  return /^application\/json\b/i.test(String(req.headers['content-type'] ?? ''));
}
