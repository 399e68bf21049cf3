import { runQuery, type PostgresStoreContext } from '../postgres/postgresQueries.js';
import type { AttemptStore } from './attemptStore.js';

/** Expired attempts are deleted at most this often per instance, on a record. */
const SWEEP_INTERVAL_MS = 60_000;

/** AttemptStore on the `attempt` table (005_sessions_and_attempts.sql): limits hold across instances. */
export function createPostgresAttemptStore(context: PostgresStoreContext): AttemptStore {
  let lastSweep = Number.NEGATIVE_INFINITY;
  return {
    async record(key, at, windowMs) {
      await runQuery(context, 'insert into attempt (key, at, expires_at) values ($1, $2, $3)', [
        key,
        at,
        new Date(at.getTime() + windowMs),
      ]);
      if (at.getTime() - lastSweep >= SWEEP_INTERVAL_MS) {
        lastSweep = at.getTime();
        await runQuery(context, 'delete from attempt where expires_at <= $1', [at]);
      }
    },
    async recent(key, since, limit) {
      const { rows } = await runQuery<{ at: Date }>(
        context,
        'select at from attempt where key = $1 and at > $2 order by at desc limit $3',
        [key, since, limit],
      );
      return rows.map((row) => row.at);
    },
    async reset(key) {
      await runQuery(context, 'delete from attempt where key = $1', [key]);
    },
  };
}
