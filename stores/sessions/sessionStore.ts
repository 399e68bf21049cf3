/**
 * Signed-in sessions of staff and of the dashboard, shared by every instance. The store never sees a
 * session id: callers give the key they derive from it (a hash), so a copy of the table or file
 * opens no session.
 */
export interface StoredSession {
  subject: string;
  expiresAt: Date;
}

export interface NewSession {
  /** Derived from the session id (see bot/http/sessions.ts); unique. */
  key: string;
  /** Who is signed in, e.g. `staff:an` or `reports`. */
  subject: string;
  /** Idle time after which the session ends; each use moves the end. */
  ttlMs: number;
}

export interface SessionStore {
  /** Saves a new session ending at `now + ttlMs`; expired sessions are removed on the way. */
  create(session: NewSession, now: Date): Promise<void>;
  /**
   * The live session under `key`, its end moved to `now + ttl` (sliding); undefined when unknown or
   * ended. The end may be moved in steps of up to a minute, to spare writes.
   */
  touch(key: string, now: Date): Promise<StoredSession | undefined>;
  /** Ends the session under `key`, if any. */
  destroy(key: string): Promise<void>;
}

/** A session's end is moved only when it moved by at least this much: one write a minute, not one per request. */
export const SLIDING_STEP_MS = 60_000;
