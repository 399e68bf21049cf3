import { newCallbackReference } from '../../services/callback/callbackReference.js';
import {
  decideStatusChange,
  decideUndo,
  isClosed,
  openedStatus,
  type StatusChangeDecision,
  type StatusChangeRequest,
} from '../../services/callback/callbackStatus.js';
import { subjectForStaff } from '../../services/callback/callbackSubject.js';
import { excerptForStaff } from '../../services/callback/staffExcerpt.js';
import { byPreferredMoment, CallbackStoreError, type CallbackRequest, type CallbackStore } from './callbackStore.js';
import type { DurableDocument } from '../embedded/durableDocument.js';

/** The embedded store's document: `DATA_DIR/callbackRequests.json`. */
export const CALLBACK_DOCUMENT = 'callbackRequests';

export interface CallbackDocument {
  requests: CallbackRequest[];
}

export const EMPTY_CALLBACK_DOCUMENT: CallbackDocument = { requests: [] };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * CallbackStore on one DurableDocument. Every change runs inside one synchronous update, so the
 * idempotency check and the unique reference are atomic. Open it with
 * `createEmbeddedCallbackStore(await files.document(CALLBACK_DOCUMENT, EMPTY_CALLBACK_DOCUMENT))`.
 */
export function createEmbeddedCallbackStore(
  document: DurableDocument<CallbackDocument>,
  options: { newReference?: () => string } = {},
): CallbackStore {
  const newReference = options.newReference ?? (() => newCallbackReference());
  const find = (requests: readonly CallbackRequest[], reference: string) => requests.find((request) => request.reference === reference);
  // Requests stored before subjects were asked have none.
  const copy = (request: CallbackRequest): CallbackRequest => ({ ...structuredClone(request), subject: request.subject ?? null });

  /** Applies the decided change inside one update: the check and the write are atomic. */
  const changeStatus = (reference: string, change: StatusChangeRequest) =>
    applyDecision(reference, (request) => decideStatusChange(request.status, change));

  const applyDecision = (reference: string, decide: (request: CallbackRequest) => StatusChangeDecision) =>
    document.update((draft) => {
      const request = find(draft.requests, reference);
      if (!request) return 'notFound' as const;
      const decision = decide(request);
      if (decision.kind !== 'changed') return decision.kind;
      request.status = decision.status;
      request.history.push(decision.entry);
      request.closedAt = decision.closedAt;
      return copy(request);
    });

  return {
    create(input) {
      return document.update((draft) => {
        const earlier = draft.requests.find((request) => request.requestId === input.requestId);
        if (earlier) return { request: copy(earlier), created: false };
        const opened = openedStatus(input.at);
        const request: CallbackRequest = {
          requestId: input.requestId,
          reference: uniqueReference(draft.requests, newReference),
          phone: input.phone,
          preferredMoment: { ...input.preferredMoment },
          topic: { ...input.topic },
          excerpt: excerptForStaff(input.excerpt),
          subject: subjectForStaff(input.subject),
          language: input.language,
          createdAt: opened.at,
          status: opened.status,
          history: [opened],
          closedAt: null,
        };
        draft.requests.push(request);
        return { request: copy(request), created: true };
      });
    },

    async listOpen() {
      return document
        .read()
        .requests.filter((request) => !isClosed(request.status))
        .map(copy)
        .sort(byPreferredMoment);
    },

    async get(reference) {
      const request = find(document.read().requests, reference);
      return request ? copy(request) : undefined;
    },

    async setStatus(reference, status, change) {
      const changed = await changeStatus(reference, { to: status, at: change.at, by: change.staffMember });
      if (changed === 'notFound') throw new CallbackStoreError('CALLBACK_NOT_FOUND', `No callback request ${reference}.`);
      if (typeof changed === 'string') throw new CallbackStoreError('CALLBACK_CLOSED', `Callback request ${reference} is already closed.`);
      return changed;
    },

    async undoClose(reference, change) {
      const changed = await applyDecision(reference, (request) => decideUndo(request, { at: change.at, by: change.staffMember }));
      if (changed === 'notFound') throw new CallbackStoreError('CALLBACK_NOT_FOUND', `No callback request ${reference}.`);
      if (typeof changed === 'string')
        throw new CallbackStoreError('CALLBACK_NOT_UNDOABLE', `Callback request ${reference} cannot be taken back.`);
      return changed;
    },

    async cancelByResident(reference, at) {
      const changed = await changeStatus(reference, { to: 'cancelledByResident', at, by: 'resident' });
      if (changed === 'notFound') return changed;
      return typeof changed === 'string' ? 'alreadyClosed' : 'cancelled';
    },

    deleteExpired(now, retentionDays) {
      const cutoff = now.getTime() - retentionDays * DAY_MS;
      return document.update((draft) => {
        const before = draft.requests.length;
        draft.requests = draft.requests.filter((request) => request.closedAt === null || Date.parse(request.closedAt) > cutoff);
        return before - draft.requests.length;
      });
    },
  };
}

function uniqueReference(requests: readonly CallbackRequest[], newReference: () => string): string {
  const taken = new Set(requests.map((request) => request.reference));
  // About 1.4 million references: a clash is rare, and a few tries make it practically impossible.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const reference = newReference();
    if (!taken.has(reference)) return reference;
  }
  throw new Error('No free callback reference after 50 tries');
}
