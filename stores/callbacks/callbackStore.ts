import type { PartOfDay } from '../../services/callback/phoneAvailability.js';
import type { CallbackStatus, StatusChange, StaffStatus } from '../../services/callback/callbackStatus.js';
import { CodedError } from '../../services/errorCatalogue.js';

// The status rules are a pure function (services/callback/callbackStatus.ts); the contract names their types.
export { STAFF_STATUSES, type StaffStatus } from '../../services/callback/callbackStatus.js';

/**
 * Callback requests: residents who asked the phone staff to call them back. The only place a
 * resident's phone number is kept. Interface first, so a PostgreSQL version can replace the
 * embedded one (`embeddedCallbackStore.ts`) without changing the dialog or the staff console.
 */
interface CallbackTopic {
  /** The last intent the assistant recognised before the handoff, null when none. */
  intent: string | null;
  /** The document the resident asked about, null when none. */
  document: string | null;
}

export interface CallbackRequest {
  /** The idempotency key: one request per resident activity (channel, conversation, activity id). */
  requestId: string;
  /** Short and easy to read aloud, e.g. "KDR-482". Unique among stored requests. */
  reference: string;
  /** E.164 (+32…). Never logged, never copied into another store. */
  phone: string;
  preferredMoment: { day: string; partOfDay: PartOfDay };
  topic: CallbackTopic;
  /** The resident's last few messages before the handoff, scrubbed of personal data. */
  excerpt: string[];
  /**
   * What the resident said the call is about ("waarover gaat het?"), or the topic they agreed to;
   * scrubbed and short (services/callback/callbackSubject.ts). Null when they would rather say it on the phone.
   */
  subject: string | null;
  /** The conversation language, so staff know which language to call in. */
  language: string;
  createdAt: string;
  status: CallbackStatus;
  history: StatusChange[];
  /** When the request was closed (reached, done, cancelled); the retention period counts from here. */
  closedAt: string | null;
}

/** What a new request shares with the stored one; the store adds the reference, status, history and times. */
type GivenFields = 'requestId' | 'phone' | 'preferredMoment' | 'topic' | 'excerpt' | 'language';

export interface NewCallbackRequest extends Pick<CallbackRequest, GivenFields> {
  /** Scrubbed and cut short by the store, whatever is passed; null or blank for none. */
  subject: string | null;
  at: Date;
}

type ResidentCancellation = 'cancelled' | 'notFound' | 'alreadyClosed';

export class CallbackStoreError extends CodedError {
  declare readonly code: 'CALLBACK_NOT_FOUND' | 'CALLBACK_CLOSED' | 'CALLBACK_NOT_UNDOABLE';
  constructor(code: 'CALLBACK_NOT_FOUND' | 'CALLBACK_CLOSED' | 'CALLBACK_NOT_UNDOABLE', message: string) {
    super(code, message);
  }
}

export interface CallbackStore {
  /** Stores a new request, or returns the one stored earlier for the same `requestId` (`created: false`). */
  create(input: NewCallbackRequest): Promise<{ request: CallbackRequest; created: boolean }>;
  /** Open and not-reached requests, by preferred moment (day, morning before afternoon), then age. */
  listOpen(): Promise<CallbackRequest[]>;
  get(reference: string): Promise<CallbackRequest | undefined>;
  /**
   * Records a staff member's status change with its time. Throws CALLBACK_NOT_FOUND for an
   * unknown reference and CALLBACK_CLOSED for a request that is already closed.
   */
  setStatus(reference: string, status: StaffStatus, change: { at: Date; staffMember: string }): Promise<CallbackRequest>;
  /**
   * Takes back a "reached" or "done" set a moment ago (services/callback/callbackStatus.ts, decideUndo):
   * the request is open again with its earlier status. Throws CALLBACK_NOT_FOUND, or
   * CALLBACK_NOT_UNDOABLE for a request that is open, cancelled by the resident or closed too long ago.
   */
  undoClose(reference: string, change: { at: Date; staffMember: string }): Promise<CallbackRequest>;
  /** The resident withdraws an open request with its reference. */
  cancelByResident(reference: string, at: Date): Promise<ResidentCancellation>;
  /** Deletes requests closed more than `retentionDays` ago, with their excerpts and subjects; returns how many. */
  deleteExpired(now: Date, retentionDays: number): Promise<number>;
}

/** Sort key: preferred day, morning before afternoon, then the oldest request first. */
export function byPreferredMoment(a: CallbackRequest, b: CallbackRequest): number {
  return (
    a.preferredMoment.day.localeCompare(b.preferredMoment.day) ||
    partRank(a.preferredMoment.partOfDay) - partRank(b.preferredMoment.partOfDay) ||
    a.createdAt.localeCompare(b.createdAt)
  );
}

function partRank(part: PartOfDay): number {
  return part === 'morning' ? 0 : 1;
}
