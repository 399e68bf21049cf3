import type { Request, Response, Server } from 'restify';
import { isCallbackReference } from '../../services/callback/callbackReference.js';
import { undoTimeLeftMs } from '../../services/callback/callbackStatus.js';
import {
  CallbackStoreError,
  STAFF_STATUSES,
  type CallbackRequest,
  type CallbackStore,
  type StaffStatus,
} from '../../stores/callbacks/callbackStore.js';
import { errorCode, type HttpAnswerCode } from '../../services/errorCatalogue.js';
import { sendError } from '../http/httpErrors.js';
import type { Sessions } from '../http/sessions.js';
import type { Logger } from '../logger.js';
import type { StaffCallback, StaffCallbackChange, StaffCallbackList } from './staffApi.js';
import type { StaffAccount } from './staffPassword.js';
import { isJson, noStore, requireStaffMember } from './staffSession.js';

export interface StaffCallbackRoutesDeps {
  callbackStore: CallbackStore;
  staffAccounts: readonly StaffAccount[];
  sessions: Sessions;
  now: () => Date;
  logger: Logger;
}

/** How the console answers each refusal of the callback store. */
const STORE_ERROR_ANSWERS: Record<CallbackStoreError['code'], { code: HttpAnswerCode; message: string }> = {
  CALLBACK_NOT_FOUND: { code: 'callback_not_found', message: 'No callback request with this reference.' },
  CALLBACK_CLOSED: { code: 'callback_closed', message: 'This callback request is already closed.' },
  CALLBACK_NOT_UNDOABLE: {
    code: 'callback_not_undoable',
    message: 'This callback request cannot be taken back (open, cancelled, or closed too long ago).',
  },
};

type StaffHandler = (req: Request, res: Response) => Promise<void>;

/**
 * `GET /api/staff/callbacks` (the open requests), `POST /api/staff/callbacks/:reference/status`
 * and `.../undo`: a signed-in staff member's view and changes of the callback requests.
 */
export function registerStaffCallbackRoutes(server: Server, deps: StaffCallbackRoutesDeps): void {
  server.get('/api/staff/callbacks', signedIn(deps, listRequests));
  server.post('/api/staff/callbacks/:reference/status', signedIn(deps, setStatus));
  server.post('/api/staff/callbacks/:reference/undo', signedIn(deps, undoClose));
}

/** Runs a staff route for the signed-in staff member; without a session it answers 401 itself. */
function signedIn(
  deps: StaffCallbackRoutesDeps,
  route: (req: Request, res: Response, staffMember: string, deps: StaffCallbackRoutesDeps) => Promise<void>,
): StaffHandler {
  return async (req, res) => {
    noStore(res);
    const staffMember = await requireStaffMember(req, res, deps);
    if (staffMember) await route(req, res, staffMember, deps);
  };
}

async function listRequests(_req: Request, res: Response, staffMember: string, deps: StaffCallbackRoutesDeps): Promise<void> {
  const requests = await deps.callbackStore.listOpen();
  res.json({ staffMember, callbacks: requests.map(forStaff) } satisfies StaffCallbackList);
}

async function setStatus(req: Request, res: Response, staffMember: string, deps: StaffCallbackRoutesDeps): Promise<void> {
  if (!isJson(req)) return sendError(res, 'json_required', 'Send the status as JSON.');
  const status = (req.body as { status?: unknown } | undefined)?.status;
  if (!STAFF_STATUSES.includes(status as StaffStatus)) {
    return sendError(res, 'status_invalid', `status must be one of ${STAFF_STATUSES.join(', ')}.`);
  }
  await changeRequest(req, res, deps, staffMember, (reference) =>
    deps.callbackStore.setStatus(reference, status as StaffStatus, { at: deps.now(), staffMember }),
  );
}

// "Ongedaan maken" of "Bereikt" or "Afgehandeld": the store takes it back, within its undo window.
async function undoClose(req: Request, res: Response, staffMember: string, deps: StaffCallbackRoutesDeps): Promise<void> {
  await changeRequest(req, res, deps, staffMember, (reference) => deps.callbackStore.undoClose(reference, { at: deps.now(), staffMember }));
}

/** Applies a staff change to the request named in the path, and answers with it or with why not. */
async function changeRequest(
  req: Request,
  res: Response,
  deps: StaffCallbackRoutesDeps,
  staffMember: string,
  change: (reference: string) => Promise<CallbackRequest>,
): Promise<void> {
  const reference = String(req.params.reference ?? '').toUpperCase();
  if (!isCallbackReference(reference)) return sendStoreRefusal(res, 'CALLBACK_NOT_FOUND');
  try {
    const request = await change(reference);
    deps.logger.info('callback.status', { reference, status: request.status, staffMember });
    // How long "Ongedaan maken" may stay on screen: the store's undo window, not a guess in the page.
    res.json({ callback: forStaff(request), undoableForMs: undoTimeLeftMs(request, deps.now()) } satisfies StaffCallbackChange);
  } catch (error) {
    if (error instanceof CallbackStoreError) return sendStoreRefusal(res, error.code);
    deps.logger.error('callback.statusFailed', { reference, code: errorCode(error) });
    // The server's error handler answers it: 503 storage_unavailable during an outage, else 500.
    throw error;
  }
}

/** What the console shows of a request (staffApi.ts). */
function forStaff(request: CallbackRequest): StaffCallback {
  return {
    reference: request.reference,
    phone: request.phone,
    preferredMoment: request.preferredMoment,
    topic: request.topic,
    excerpt: request.excerpt,
    subject: request.subject,
    language: request.language,
    createdAt: request.createdAt,
    status: request.status,
    attempts: request.history.filter((change) => change.status === 'notReached').length,
    history: request.history,
  };
}

function sendStoreRefusal(res: Response, storeCode: CallbackStoreError['code']): void {
  const { code, message } = STORE_ERROR_ANSWERS[storeCode];
  sendError(res, code, message);
}
