/**
 * How a callback request's status may change, written once for every store: staff set reached, not
 * reached or done, the resident cancels; a closed request (reached, done, cancelled) changes no more;
 * every change is added to the history with its time and who made it; closing starts the retention
 * period. Pure: the stores read the current status, ask this, and write what it says.
 */
export type CallbackStatus = 'open' | 'reached' | 'notReached' | 'done' | 'cancelledByResident';

/** What staff can set from the console. `notReached` keeps the request in the list, flagged. */
export const STAFF_STATUSES = ['reached', 'notReached', 'done'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** Statuses that close a request: it leaves the staff list and its retention period starts. */
export const CLOSED_STATUSES: readonly CallbackStatus[] = ['reached', 'done', 'cancelledByResident'];

export interface StatusChange {
  status: CallbackStatus;
  /** ISO 8601 instant. */
  at: string;
  /** Who changed it: a staff account name, or `resident` / `assistant`. */
  staffMember: string;
}

/** Who asks for a change, and when. */
export interface StatusChangeRequest {
  to: StaffStatus | 'cancelledByResident';
  at: Date;
  /** A staff account name, or `resident`. */
  by: string;
}

/** What a change does: the status, closing time and history entry to write, or why it is refused. */
export type StatusChangeDecision =
  | { kind: 'changed'; status: CallbackStatus; closedAt: string | null; entry: StatusChange }
  | { kind: 'alreadyClosed' }
  | { kind: 'notUndoable' };

/** How long staff can take back a "Bereikt" or "Afgehandeld" they set by mistake. */
export const UNDO_WINDOW_MS = 10 * 60_000;

/** The part of a stored request an undo looks at. */
export interface ClosedState {
  status: CallbackStatus;
  history: readonly StatusChange[];
}

export function isClosed(status: CallbackStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** The status a request first gets, with its history entry: open, made by the assistant. */
export function openedStatus(at: Date): StatusChange {
  return { status: 'open', at: at.toISOString(), staffMember: 'assistant' };
}

/** Decides a status change of a request whose status is now `current`. */
export function decideStatusChange(current: CallbackStatus, change: StatusChangeRequest): StatusChangeDecision {
  if (isClosed(current)) return { kind: 'alreadyClosed' };
  const at = change.at.toISOString();
  return {
    kind: 'changed',
    status: change.to,
    closedAt: isClosed(change.to) ? at : null,
    entry: { status: change.to, at, staffMember: change.by },
  };
}

/**
 * Decides taking back the staff's closing of a request (reached or done, within UNDO_WINDOW_MS): it
 * opens again with the status it had before, and the history records who took it back. A request
 * the resident cancelled, or closed longer ago, is not undoable.
 */
export function decideUndo(request: ClosedState, change: { at: Date; by: string }): StatusChangeDecision {
  const closing = request.history.at(-1);
  const before = request.history.at(-2);
  const staffClosed = request.status === 'reached' || request.status === 'done';
  if (!staffClosed || !closing || !before || closing.status !== request.status) return { kind: 'notUndoable' };
  if (change.at.getTime() - Date.parse(closing.at) > UNDO_WINDOW_MS) return { kind: 'notUndoable' };
  return {
    kind: 'changed',
    status: before.status,
    closedAt: null,
    entry: { status: before.status, at: change.at.toISOString(), staffMember: change.by },
  };
}

/**
 * How much longer staff can take back the closing of `request` at `at`, in milliseconds: 0 when it
 * is not undoable (open, cancelled by the resident, or closed too long ago). The console shows its
 * "Ongedaan maken" this long, so page and server keep one window.
 */
export function undoTimeLeftMs(request: ClosedState, at: Date): number {
  if (decideUndo(request, { at, by: '' }).kind !== 'changed') return 0;
  return Math.max(0, Date.parse(request.history.at(-1)!.at) + UNDO_WINDOW_MS - at.getTime());
}
