import type pg from 'pg';
import { turnLockTimeout } from '../storeErrors.js';
import type { ReleaseTurnLock, TurnLock } from './turnLock.js';
import { sqlState, toStoreError } from '../postgres/postgresPool.js';

/** SQLSTATE lock_not_available: lock_timeout expired. */
const LOCK_NOT_AVAILABLE = '55P03';
/** pg-pool's message when every connection of the pool is in use for longer than its connection timeout. */
const POOL_FULL = 'timeout exceeded when trying to connect';

/**
 * The turn lock across instances: a transaction-scoped advisory lock on
 * `hashtextextended(key, 0)`, taken on a connection of a pool reserved for locks and held until the
 * turn ends. Why transaction-scoped rather than a session lock: the lock and its `SET LOCAL
 * lock_timeout` end with the transaction, so a connection can never go back to the pool still holding
 * a lock or a changed setting; and if COMMIT fails we destroy the connection, which ends the
 * transaction on the server. A crashed instance loses its connections, which releases its locks.
 *
 * Locks use their own pool because every turn in progress holds one connection: sharing the pool
 * that state reads use would let a burst of turns take every connection and wait forever for state.
 */
export class PostgresTurnLock implements TurnLock {
  constructor(
    private readonly lockPool: pg.Pool,
    private readonly database: string,
    private readonly options: { waitMs: number } = { waitMs: 10_000 },
  ) {}

  async acquire(key: string): Promise<ReleaseTurnLock> {
    const { waitMs } = this.options;
    const started = Date.now();
    let client: pg.PoolClient;
    try {
      client = await this.lockPool.connect();
    } catch (error) {
      if (error instanceof Error && error.message.includes(POOL_FULL)) throw turnLockTimeout(waitMs);
      throw toStoreError(error, this.database);
    }
    // The server may end this connection during the turn; without a listener that error would end the process.
    const onError = () => undefined;
    client.on('error', onError);
    try {
      const remainingMs = Math.max(1, Math.round(waitMs - (Date.now() - started)));
      await client.query(`begin; set local lock_timeout = ${remainingMs}; set local statement_timeout = 0`);
      await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    } catch (error) {
      client.removeListener('error', onError);
      // Destroy rather than roll back: one step, and nothing of this transaction can survive it.
      client.release(true);
      if (sqlState(error) === LOCK_NOT_AVAILABLE) throw turnLockTimeout(waitMs);
      throw toStoreError(error, this.database);
    }

    let released = false;
    return async () => {
      if (released) return;
      released = true;
      let failed: Error | undefined;
      try {
        await client.query('commit');
      } catch (error) {
        failed = error instanceof Error ? error : new Error(String(error));
      }
      client.removeListener('error', onError);
      client.release(failed);
    };
  }
}
