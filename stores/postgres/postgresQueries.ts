import pg from 'pg';
import { isUnreachable, toStoreError } from './postgresPool.js';

/** SQLSTATE unique_violation. */
export const UNIQUE_VIOLATION = '23505';

/** What the PostgreSQL stores share: their pool, and the database's name for coded errors. */
export interface PostgresStoreContext {
  pool: pg.Pool;
  /** host:port/database, without credentials (see describeDatabase). */
  database: string;
}

/** One statement on the pool; failures become coded StoreErrors. */
export async function runQuery<Row extends pg.QueryResultRow>(
  context: PostgresStoreContext,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<Row>> {
  try {
    return await context.pool.query<Row>(text, values);
  } catch (error) {
    throw toStoreError(error, context.database);
  }
}

/**
 * Runs `work` in one transaction on one connection: committed before the promise resolves, rolled
 * back on any error. Errors that `work` throws on purpose (not from pg) pass through unchanged;
 * pg's become coded StoreErrors. A connection whose rollback failed is destroyed, never reused.
 */
export async function inTransaction<T>(context: PostgresStoreContext, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await context.pool.connect();
  } catch (error) {
    throw toStoreError(error, context.database);
  }
  // The server may end this connection while we hold it; without a listener that error would end the process.
  const onError = () => undefined;
  client.on('error', onError);
  let broken: Error | undefined;
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw isDatabaseError(error) ? toStoreError(error, context.database) : error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

/** Whether an error came from the server or the connection, rather than from our own logic inside a transaction. */
function isDatabaseError(error: unknown): boolean {
  return error instanceof pg.DatabaseError || isUnreachable(error);
}

/**
 * Text as PostgreSQL can store it: text and jsonb cannot hold U+0000, which a resident can type.
 * It becomes U+FFFD, so one odd character never makes a request unsavable (as in bot state).
 */
export function storableText(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD');
}
