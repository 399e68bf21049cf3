import { newCallbackReference } from '../../services/callback/callbackReference.js';
import {
  decideStatusChange,
  decideUndo,
  openedStatus,
  type CallbackStatus,
  type ClosedState,
  type StatusChange,
  type StatusChangeDecision,
  type StatusChangeRequest,
} from '../../services/callback/callbackStatus.js';
import type { PartOfDay } from '../../services/callback/phoneAvailability.js';
import { subjectForStaff } from '../../services/callback/callbackSubject.js';
import { excerptForStaff } from '../../services/callback/staffExcerpt.js';
import {
  byPreferredMoment,
  CallbackStoreError,
  type CallbackRequest,
  type CallbackStore,
  type NewCallbackRequest,
} from './callbackStore.js';
import { sqlState } from '../postgres/postgresPool.js';
import { inTransaction, runQuery, storableText, UNIQUE_VIOLATION, type PostgresStoreContext } from '../postgres/postgresQueries.js';

interface CallbackRow {
  request_id: string;
  reference: string;
  phone: string;
  preferred_day: string;
  preferred_part: PartOfDay;
  topic_intent: string | null;
  topic_document: string | null;
  excerpt: string[];
  subject: string | null;
  language: string;
  created_at: Date;
  status: CallbackStatus;
  history: StatusChange[];
  closed_at: Date | null;
}

const COLUMNS = `request_id, reference, phone, preferred_day, preferred_part, topic_intent, topic_document,
  excerpt, subject, language, created_at, status, history, closed_at`;

/** A clash of random references is rare; a few tries make it practically impossible (as in the embedded store). */
const REFERENCE_ATTEMPTS = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

function subjectOf(text: string | null): string | null {
  const subject = subjectForStaff(text);
  return subject === null ? null : storableText(subject);
}

function toRequest(row: CallbackRow): CallbackRequest {
  return {
    requestId: row.request_id,
    reference: row.reference,
    phone: row.phone,
    preferredMoment: { day: row.preferred_day, partOfDay: row.preferred_part },
    topic: { intent: row.topic_intent, document: row.topic_document },
    excerpt: row.excerpt,
    subject: row.subject,
    language: row.language,
    createdAt: row.created_at.toISOString(),
    status: row.status,
    history: row.history,
    closedAt: row.closed_at === null ? null : row.closed_at.toISOString(),
  };
}

/**
 * CallbackStore in the `callback_request` table, shared by every instance. `create` is one
 * `insert … on conflict (request_id) do nothing`: a retried activity on any instance gets the first
 * request back. A status change locks the row (`for update`), asks `decideStatusChange` and writes
 * what it decided, so two staff members closing the same request at once cannot both succeed. Every
 * write is committed before its promise resolves.
 */
export function createPostgresCallbackStore(context: PostgresStoreContext, options: { newReference?: () => string } = {}): CallbackStore {
  const newReference = options.newReference ?? (() => newCallbackReference());
  return {
    create: (input) => createRequest(context, input, newReference),

    async listOpen() {
      const { rows } = await runQuery<CallbackRow>(context, `select ${COLUMNS} from callback_request where closed_at is null order by id`);
      // The same comparison as the embedded store (stable on insertion order), so both list alike.
      return rows.map(toRequest).sort(byPreferredMoment);
    },

    async get(reference) {
      const row = await byReference(context, reference);
      return row ? toRequest(row) : undefined;
    },

    async setStatus(reference, status, change) {
      const changed = await changeStatus(context, reference, { to: status, at: change.at, by: change.staffMember });
      if (changed === 'notFound') throw new CallbackStoreError('CALLBACK_NOT_FOUND', `No callback request ${reference}.`);
      if (typeof changed === 'string') throw new CallbackStoreError('CALLBACK_CLOSED', `Callback request ${reference} is already closed.`);
      return toRequest(changed);
    },

    async undoClose(reference, change) {
      const changed = await applyDecision(context, reference, (current) => decideUndo(current, { at: change.at, by: change.staffMember }));
      if (changed === 'notFound') throw new CallbackStoreError('CALLBACK_NOT_FOUND', `No callback request ${reference}.`);
      if (typeof changed === 'string')
        throw new CallbackStoreError('CALLBACK_NOT_UNDOABLE', `Callback request ${reference} cannot be taken back.`);
      return toRequest(changed);
    },

    async cancelByResident(reference, at) {
      const changed = await changeStatus(context, reference, { to: 'cancelledByResident', at, by: 'resident' });
      if (changed === 'notFound') return changed;
      return typeof changed === 'string' ? 'alreadyClosed' : 'cancelled';
    },

    async deleteExpired(now, retentionDays) {
      const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
      const { rowCount } = await runQuery(context, 'delete from callback_request where closed_at is not null and closed_at <= $1', [
        cutoff,
      ]);
      return rowCount ?? 0;
    },
  };
}

/** Stores a new request under a fresh reference, or gives back the one its request id already made. */
async function createRequest(
  context: PostgresStoreContext,
  input: NewCallbackRequest,
  newReference: () => string,
): Promise<{ request: CallbackRequest; created: boolean }> {
  const opened = openedStatus(input.at);
  const history: StatusChange[] = [opened];
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
    try {
      const { rows } = await runQuery<CallbackRow>(
        context,
        `insert into callback_request (request_id, reference, phone, preferred_day, preferred_part, topic_intent,
           topic_document, excerpt, subject, language, created_at, status, history)
         values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13::jsonb)
         on conflict (request_id) do nothing
         returning ${COLUMNS}`,
        [
          input.requestId,
          newReference(),
          input.phone,
          input.preferredMoment.day,
          input.preferredMoment.partOfDay,
          input.topic.intent,
          input.topic.document,
          JSON.stringify(excerptForStaff(input.excerpt).map(storableText)),
          subjectOf(input.subject),
          input.language,
          opened.at,
          opened.status,
          JSON.stringify(history),
        ],
      );
      if (rows[0]) return { request: toRequest(rows[0]), created: true };
      const earlier = await runQuery<CallbackRow>(context, `select ${COLUMNS} from callback_request where request_id = $1`, [
        input.requestId,
      ]);
      if (earlier.rows[0]) return { request: toRequest(earlier.rows[0]), created: false };
      // The conflicting row was deleted between the two statements (retention): try again.
    } catch (error) {
      // Only a clash on the reference is retried; the request id clash is handled by `on conflict`.
      if (sqlState((error as { cause?: unknown }).cause) !== UNIQUE_VIOLATION) throw error;
    }
  }
  throw new Error(`No free callback reference after ${REFERENCE_ATTEMPTS} tries`);
}

async function byReference(context: PostgresStoreContext, reference: string): Promise<CallbackRow | undefined> {
  const { rows } = await runQuery<CallbackRow>(context, `select ${COLUMNS} from callback_request where reference = $1`, [reference]);
  return rows[0];
}

/** Reads the status under a row lock, decides, writes the decision: one transaction. */
function changeStatus(
  context: PostgresStoreContext,
  reference: string,
  change: StatusChangeRequest,
): Promise<CallbackRow | 'notFound' | 'alreadyClosed' | 'notUndoable'> {
  return applyDecision(context, reference, (current) => decideStatusChange(current.status, change));
}

/** Reads the request's status and history under a row lock, and writes what `decide` says: check and write are atomic. */
function applyDecision(
  context: PostgresStoreContext,
  reference: string,
  decide: (current: ClosedState) => StatusChangeDecision,
): Promise<CallbackRow | 'notFound' | 'alreadyClosed' | 'notUndoable'> {
  return inTransaction(context, async (client) => {
    const { rows } = await client.query<ClosedState>('select status, history from callback_request where reference = $1 for update', [
      reference,
    ]);
    if (!rows[0]) return 'notFound';
    const decision = decide(rows[0]);
    if (decision.kind !== 'changed') return decision.kind;
    const updated = await client.query<CallbackRow>(
      `update callback_request set status = $2, history = history || $3::jsonb, closed_at = $4
        where reference = $1
        returning ${COLUMNS}`,
      [reference, decision.status, JSON.stringify([decision.entry]), decision.closedAt],
    );
    return updated.rows[0]!;
  });
}
