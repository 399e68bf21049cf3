import type { DurableDocument } from '../embedded/durableDocument.js';
import { SLIDING_STEP_MS, type NewSession, type SessionStore, type StoredSession } from './sessionStore.js';

interface SessionRecord {
  key: string;
  subject: string;
  ttlMs: number;
  /** ms since the epoch */
  expiresAt: number;
}

export interface SessionDocument {
  sessions: SessionRecord[];
}

export const SESSION_DOCUMENT = 'sessions';
export const EMPTY_SESSION_DOCUMENT: SessionDocument = { sessions: [] };

/** More sessions than staff and dashboard users could hold; the oldest go first. */
const MAX_SESSIONS = 1000;

/** SessionStore on one DurableDocument (`DATA_DIR/sessions.json`): sessions survive a restart. */
export function createEmbeddedSessionStore(document: DurableDocument<SessionDocument>): SessionStore {
  const live = (record: SessionRecord | undefined, now: Date) => (record && record.expiresAt > now.getTime() ? record : undefined);
  return {
    async create(session: NewSession, now: Date) {
      await document.update((draft) => {
        const kept = draft.sessions.filter((record) => record.expiresAt > now.getTime() && record.key !== session.key);
        kept.push({ ...session, expiresAt: now.getTime() + session.ttlMs });
        draft.sessions = kept.slice(-MAX_SESSIONS);
      });
    },
    async touch(key: string, now: Date): Promise<StoredSession | undefined> {
      const found = live(
        document.read().sessions.find((record) => record.key === key),
        now,
      );
      if (!found) return undefined;
      const wanted = now.getTime() + found.ttlMs;
      if (wanted - found.expiresAt < SLIDING_STEP_MS) return { subject: found.subject, expiresAt: new Date(found.expiresAt) };
      const moved = await document.update((draft) => {
        const record = live(
          draft.sessions.find((candidate) => candidate.key === key),
          now,
        );
        if (record) record.expiresAt = Math.max(record.expiresAt, wanted);
        return record ? { subject: record.subject, expiresAt: record.expiresAt } : undefined;
      });
      return moved ? { subject: moved.subject, expiresAt: new Date(moved.expiresAt) } : undefined;
    },
    async destroy(key: string) {
      if (!document.read().sessions.some((record) => record.key === key)) return;
      await document.update((draft) => {
        draft.sessions = draft.sessions.filter((record) => record.key !== key);
      });
    },
  };
}
