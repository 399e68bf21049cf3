import { runQuery, type PostgresStoreContext } from '../postgres/postgresQueries.js';
import { type NewSession, type SessionStore, type StoredSession } from './sessionStore.js';

/** SessionStore on the `web_session` table (005_sessions_and_attempts.sql): one session works on every instance. */
export function createPostgresSessionStore(context: PostgresStoreContext): SessionStore {
  return {
    async create(session: NewSession, now: Date) {
      await runQuery(context, 'delete from web_session where expires_at <= $1', [now]);
      await runQuery(
        context,
        `insert into web_session (key, subject, ttl_ms, expires_at) values ($1, $2, $3, $4)
         on conflict (key) do update set subject = excluded.subject, ttl_ms = excluded.ttl_ms, expires_at = excluded.expires_at`,
        [session.key, session.subject, session.ttlMs, new Date(now.getTime() + session.ttlMs)],
      );
    },
    async touch(key: string, now: Date): Promise<StoredSession | undefined> {
      // One statement: a session that ended stays ended, and its end only ever moves forward.
      const { rows } = await runQuery<{ subject: string; expires_at: Date }>(
        context,
        `update web_session set expires_at = greatest(expires_at, $2::timestamptz + ttl_ms * interval '1 millisecond')
          where key = $1 and expires_at > $2
          returning subject, expires_at`,
        [key, now],
      );
      const row = rows[0];
      return row ? { subject: row.subject, expiresAt: row.expires_at } : undefined;
    },
    async destroy(key: string) {
      await runQuery(context, 'delete from web_session where key = $1', [key]);
    },
  };
}
