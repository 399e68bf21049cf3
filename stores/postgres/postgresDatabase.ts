import type pg from 'pg';
import type { Logger } from '../../bot/logger.js';
import { runMigrations } from './migrations.js';
import { createPostgresPool, describeDatabase, isPostgresReady } from './postgresPool.js';

export interface PostgresDatabaseOptions {
  logger: Logger;
  /** Connections for queries per instance. */
  poolSize?: number;
  /** Connections for turn locks per instance: at most this many turns run at once in one instance. */
  lockPoolSize?: number;
  /** Test seam: another migrations folder. */
  migrationsDir?: string;
}

/** The PostgreSQL database of one instance: its pools, migrated to the latest schema. */
export interface PostgresDatabase {
  /** For store queries. */
  pool: pg.Pool;
  /** For turn locks only (see PostgresTurnLock). */
  lockPool: pg.Pool;
  /** host:port/database, without credentials: for messages. */
  name: string;
  /** `select 1` answers within a short time. */
  isReady(): Promise<boolean>;
  /** Waits for connections in use to be released, then closes both pools. */
  close(): Promise<void>;
}

const DEFAULT_POOL_SIZE = 10;
const DEFAULT_LOCK_POOL_SIZE = 10;

/**
 * Opens the pools and runs pending migrations. Fails (coded: STORAGE_UNAVAILABLE, MIGRATION_CHANGED,
 * MIGRATION_FAILED) when the database cannot be brought to this release's schema; afterwards a lost
 * database only makes turns fail until it answers again.
 */
export async function openPostgresDatabase(databaseUrl: string, options: PostgresDatabaseOptions): Promise<PostgresDatabase> {
  const name = describeDatabase(databaseUrl);
  const pool = createPostgresPool(databaseUrl, {
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    applicationName: 'gemeente-assistent',
    logger: options.logger,
  });
  const lockPool = createPostgresPool(databaseUrl, {
    max: options.lockPoolSize ?? DEFAULT_LOCK_POOL_SIZE,
    applicationName: 'gemeente-assistent:turn-lock',
    logger: options.logger,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.all([pool.end(), lockPool.end()]);
  };
  try {
    await runMigrations(pool, { database: name, directory: options.migrationsDir, logger: options.logger });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    pool,
    lockPool,
    name,
    isReady: async () => !closed && (await isPostgresReady(pool)),
    close,
  };
}
