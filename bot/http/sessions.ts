import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A signed-in person's session: who they are and until when. Kept in memory: a restart signs everyone out. */
export interface Session {
  subject: string;
  expiresAt: number;
}

export interface SessionStore {
  create(subject: string): string;
  /** The session for this id if it exists and has not expired; sliding expiry. */
  get(id: string | undefined): Session | undefined;
  destroy(id: string | undefined): void;
}

export function createSessionStore(options: { ttlMs: number; now?: () => number; maxSessions?: number }): SessionStore {
  const now = options.now ?? Date.now;
  const maxSessions = options.maxSessions ?? 1000;
  const sessions = new Map<string, Session>();
  return {
    create(subject) {
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { subject, expiresAt: now() + options.ttlMs });
      if (sessions.size > maxSessions) sessions.delete(sessions.keys().next().value as string);
      return id;
    },
    get(id) {
      const session = id ? sessions.get(id) : undefined;
      if (!session) return undefined;
      if (session.expiresAt <= now()) {
        sessions.delete(id!);
        return undefined;
      }
      session.expiresAt = now() + options.ttlMs;
      return session;
    },
    destroy(id) {
      if (id) sessions.delete(id);
    },
  };
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
