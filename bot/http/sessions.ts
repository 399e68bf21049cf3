import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { memoryDocument } from '../../stores/embedded/durableDocument.js';
import { createEmbeddedSessionStore, EMPTY_SESSION_DOCUMENT } from '../../stores/sessions/embeddedSessionStore.js';
import type { SessionStore, StoredSession } from '../../stores/sessions/sessionStore.js';

/** A signed-in person's session: who they are and until when. */
type Session = StoredSession;

/** Sessions of one kind (staff, dashboard) with one idle time, kept in a SessionStore shared by every instance. */
export interface Sessions {
  /** Starts a session and returns its id, for the cookie. */
  create(subject: string): Promise<string>;
  /** The session for this id if it exists and has not expired; sliding expiry. */
  get(id: string | undefined): Promise<Session | undefined>;
  destroy(id: string | undefined): Promise<void>;
}

export interface SessionsOptions {
  ttlMs: number;
  /** Default: a store of its own in process memory (tests). */
  store?: SessionStore;
  now?: () => number;
}

/** Ids are 256 random bits; the store keeps only their hash, so what it holds opens no session. */
export function createSessions(options: SessionsOptions): Sessions {
  const now = () => new Date((options.now ?? Date.now)());
  const store = options.store ?? createEmbeddedSessionStore(memoryDocument(EMPTY_SESSION_DOCUMENT));
  return {
    async create(subject) {
      const id = randomBytes(32).toString('base64url');
      await store.create({ key: sessionKey(id), subject, ttlMs: options.ttlMs }, now());
      return id;
    },
    get: async (id) => (isSessionId(id) ? store.touch(sessionKey(id), now()) : undefined),
    async destroy(id) {
      if (isSessionId(id)) await store.destroy(sessionKey(id));
    },
  };
}

function sessionKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

function isSessionId(id: string | undefined): id is string {
  return typeof id === 'string' && /^[\w-]{16,128}$/.test(id);
}

/** A Set-Cookie value for a session: http-only, same-site strict, secure unless on plain local HTTP. */
export function sessionCookie(name: string, id: string, options: { path: string; secure: boolean; maxAgeSeconds?: number }): string {
  const parts = [`${name}=${id}`, `Path=${options.path}`, 'HttpOnly', 'SameSite=Strict'];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** A Set-Cookie value that removes the cookie. */
export function clearedCookie(name: string, path: string): string {
  return `${name}=; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=0`;
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
