import { newCallbackReference } from '../../services/callback/callbackReference.js';
import {
  byPreferredMoment,
  CallbackStoreError,
  isClosed,
  type CallbackRequest,
  type CallbackStore,
  type ResidentCancellation,
} from './callbackStore.js';
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

  return {
    create(input) {
      return document.update((draft) => {
        const earlier = draft.requests.find((request) => request.requestId === input.requestId);
        if (earlier) return { request: structuredClone(earlier), created: false };
        const at = input.at.toISOString();
        const request: CallbackRequest = {
          requestId: input.requestId,
          reference: uniqueReference(draft.requests, newReference),
          phone: input.phone,
          preferredMoment: { ...input.preferredMoment },
          topic: { ...input.topic },
          excerpt: [...input.excerpt],
          language: input.language,
          createdAt: at,
          status: 'open',
          history: [{ status: 'open', at, staffMember: 'assistant' }],
          closedAt: null,
        };
        draft.requests.push(request);
        return { request: structuredClone(request), created: true };
      });
    },

    async listOpen() {
      return document
        .read()
        .requests.filter((request) => !isClosed(request.status))
        .map((request) => structuredClone(request))
        .sort(byPreferredMoment);
    },

    async get(reference) {
      const request = find(document.read().requests, reference);
      return request ? structuredClone(request) : undefined;
    },

    setStatus(reference, status, change) {
      return document.update((draft) => {
        const request = find(draft.requests, reference);
        if (!request) throw new CallbackStoreError('CALLBACK_NOT_FOUND', `No callback request ${reference}.`);
        if (isClosed(request.status)) throw new CallbackStoreError('CALLBACK_CLOSED', `Callback request ${reference} is already closed.`);
        const at = change.at.toISOString();
        request.status = status;
        request.history.push({ status, at, staffMember: change.staffMember });
        if (isClosed(status)) request.closedAt = at;
        return structuredClone(request);
      });
    },

    cancelByResident(reference, at) {
      return document.update((draft): ResidentCancellation => {
        const request = find(draft.requests, reference);
        if (!request) return 'notFound';
        if (isClosed(request.status)) return 'alreadyClosed';
        request.status = 'cancelledByResident';
        request.closedAt = at.toISOString();
        request.history.push({ status: 'cancelledByResident', at: request.closedAt, staffMember: 'resident' });
        return 'cancelled';
      });
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
