import type { Request, Response } from 'restify';
import { sendError } from '../http/httpErrors.js';
import { readCookie, type Sessions } from '../http/sessions.js';
import type { StaffAccount } from './staffPassword.js';

/** The staff session cookie, sent only to `/api/staff`; its session's subject is `staff:<name>`. */
export const STAFF_SESSION_COOKIE = 'staff_session';
export const STAFF_COOKIE_PATH = '/api/staff';
const SUBJECT_PREFIX = 'staff:';

export function staffSubject(name: string): string {
  return `${SUBJECT_PREFIX}${name}`;
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

/** The signed-in staff member's name, or answers 401 and returns undefined. */
export async function requireStaffMember(
  req: Request,
  res: Response,
  deps: { sessions: Sessions; staffAccounts: readonly StaffAccount[] },
): Promise<string | undefined> {
  const name = await signedInStaffMember(req, deps.sessions, deps.staffAccounts);
  if (name === undefined) sendError(res, 'unauthorized', 'Sign in first.');
  return name;
}

/** Staff answers are personal: never cached. */
export function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
}

/** A JSON content type: a cross-site form cannot send one without a CORS preflight. */
export function isJson(req: Request): boolean {
  return /^application\/json\b/i.test(String(req.headers['content-type'] ?? ''));
}
