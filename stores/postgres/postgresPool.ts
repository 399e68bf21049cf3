import pg from 'pg';
import type { Logger } from '../../bot/logger.js';
import { describeCause, isStoreError, storageUnavailable, storeQueryFailed, type StoreError } from '../storeErrors.js';

export interface PostgresPoolOptions {
  /** Connections this pool opens at most (per instance). */
  max: number;
  /** Shown in pg_stat_activity, so administrators see which instance and role holds a connection. */
  applicationName?: string;
  /** Server-side limit per statement, so a stuck query cannot hold a turn forever. */
  statementTimeoutMs?: number;
  /** How long a caller waits for a connection (a new one, or a free one of the pool). */
  connectionTimeoutMs?: number;
  idleTimeoutMs?: number;
  logger?: Logger;
}

/** A bounded pg pool with timeouts; connection errors of idle clients are logged, never thrown. */
export function createPostgresPool(databaseUrl: string, options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max,
    application_name: options.applicationName ?? 'gemeente-assistent',
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    keepAlive: true,
  });
  // An idle client whose server went away (restart, pg_terminate_backend) emits 'error' on the pool;
  // without a listener that would end the process. The pool drops that client and opens a new one later.
  pool.on('error', (error) => {
    options.logger?.warn('postgres.connectionLost', { code: sqlState(error) ?? describeCause(error) });
  });
  return pool;
}

/** Whether the database answers `select 1` within `timeoutMs`; never throws. */
export async function isPostgresReady(pool: pg.Pool, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = pool.query({ text: 'select 1', query_timeout: timeoutMs } as pg.QueryConfig).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** host:port/database of a connection string, without user or password: safe for messages and logs. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || '/'}`;
  } catch {
    return '(DATABASE_URL)';
  }
}

/** The SQLSTATE of a PostgreSQL error, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

const UNREACHABLE_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** pg reports a lost or refused connection partly without a code; these are its messages for that. */
const UNREACHABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
  'Query read timeout',
];

/** Explanations for the SQLSTATEs an administrator meets when setting up DATABASE_URL (by class or code). */
const KNOWN_STATES: Record<string, string> = {
  '28': ': authentication failed, check the user and password in DATABASE_URL',
  '3D000': ': the database does not exist, create it first',
  '42501': ': the user lacks a privilege',
  '57P03': ': the server is starting up or shutting down',
};

/** Whether `error` means the database is (for now) out of reach rather than that a query is wrong. */
export function isUnreachable(error: unknown): boolean {
  const state = sqlState(error);
  if (state) {
    // 08: connection exception; 53: insufficient resources; 57P01-57P03: shutdown; 57014: cancelled by statement_timeout.
    return state.startsWith('08') || state.startsWith('53') || /^57P0[1-3]$/.test(state) || state === '57014';
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE_SYSTEM_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return UNREACHABLE_MESSAGES.some((known) => message.includes(known));
}

/**
 * The coded StoreError for a failure of a PostgreSQL call: STORAGE_UNAVAILABLE when the database is
 * out of reach, STORE_QUERY_FAILED (with the SQLSTATE) otherwise. StoreErrors pass through unchanged.
 */
export function toStoreError(error: unknown, database: string): StoreError {
  if (isStoreError(error)) return error;
  const state = sqlState(error);
  // Only the SQLSTATE, never the server's message: that can quote a value, i.e. a resident's words.
  const reason = state ? `SQLSTATE ${state}${KNOWN_STATES[state.slice(0, 2)] ?? KNOWN_STATES[state] ?? ''}` : describeCause(error);
  return isUnreachable(error) ? storageUnavailable(database, reason, error) : storeQueryFailed(database, reason, error);
}
