import type { i18n } from 'i18next';
import type { Server } from 'restify';
import type { Sessions } from '../http/sessions.js';
import { createI18n } from '../i18n.js';
import type { Logger } from '../logger.js';
import type { CallbackStore } from '../../stores/callbacks/callbackStore.js';
import { registerStaffCallbackRoutes } from './staffCallbackRoutes.js';
import { registerStaffPage } from './staffPage.js';
import type { StaffAccount } from './staffPassword.js';
import { registerStaffSignIn, type StaffLoginLimits } from './staffSignIn.js';

export { signedInStaffMember, STAFF_SESSION_COOKIE } from './staffSession.js';

export interface StaffConsoleDeps {
  callbackStore: CallbackStore;
  staffAccounts: readonly StaffAccount[];
  /** Sessions of signed-in staff (subject `staff:<name>`). */
  sessions: Sessions;
  /** Failed logins per address and per address and account (see StaffLoginLimits). */
  limits: StaffLoginLimits;
  now?: () => Date;
  logger: Logger;
  /** Secure cookies: true unless the console runs on plain local HTTP. */
  secureCookies: boolean;
  /** The page's texts (locales/<lang>/staff.json); default: read from locales/. */
  i18n?: i18n;
}

/**
 * The phone staff's console: `GET /staff` (the page, staffPage.ts) and `/api/staff/*` (sign-in,
 * staffSignIn.ts; the callback requests and their status, staffCallbackRoutes.ts). Every
 * `/api/staff/*` route but login needs a session (staffSession.ts). The page also shows the day's
 * appointments, from `/api/staff/appointments` (appointmentRoutes.ts).
 */
export function registerStaffConsole(server: Server, deps: StaffConsoleDeps): void {
  registerStaffPage(server, { i18n: deps.i18n ?? createI18n() });
  registerStaffSignIn(server, deps);
  registerStaffCallbackRoutes(server, { ...deps, now: deps.now ?? (() => new Date()) });
}
