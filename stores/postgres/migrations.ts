import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Logger } from '../../bot/logger.js';
import { migrationChanged, migrationFailed } from '../storeErrors.js';
import { sqlState, toStoreError } from './postgresPool.js';

/** The folder every store adds its numbered SQL files to. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * The advisory lock around a migration run, in the two-integer key space so it can never meet a
 * turn lock (those use single bigint keys). 0x6761 is "ga" (gemeente-assistent).
 */
const MIGRATION_LOCK = [0x6761, 1] as const;

const MIGRATION_FILE = /^\d{3,}_[a-z0-9_]+\.sql$/;

export interface Migration {
  /** The file name, e.g. `001_bot_state.sql`: what schema_migrations records. */
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationRun {
  applied: string[];
  alreadyApplied: number;
}

/** The migration files of a folder in the order they run (by file name), with their checksums. */
export function readMigrations(directory: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(directory)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(`${directory}/${name}`, 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}

/** sha256 of the file with line endings normalised, so a Windows checkout does not count as a change. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/**
 * Brings the database to the latest schema. Takes a session advisory lock first, so instances that
 * start together run it one at a time (the later ones find everything applied). Refuses with
 * MIGRATION_CHANGED when an applied file was edited, before applying anything. Each pending file runs
 * in its own transaction with its schema_migrations row: it is applied completely or not at all.
 */
export async function runMigrations(
  pool: pg.Pool,
  options: { database: string; directory?: string; logger?: Logger },
): Promise<MigrationRun> {
  const migrations = readMigrations(options.directory);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw toStoreError(error, options.database);
  }
  // The server may end this connection while we hold it; without a listener that error would end the process.
  const onError = () => undefined;
  client.on('error', onError);
  try {
    // Waiting for another instance's run, or a long migration, must not hit the pool's statement timeout.
    await client.query('set statement_timeout = 0');
    await client.query('select pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    await client.query(`
      create table if not exists schema_migrations (
        name       text primary key,
        checksum   text not null,
        applied_at timestamptz not null default now()
      )`);
    const { rows } = await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations');
    const appliedChecksums = new Map(rows.map((row) => [row.name, row.checksum]));
    for (const migration of migrations) {
      const applied = appliedChecksums.get(migration.name);
      if (applied !== undefined && applied !== migration.checksum) throw migrationChanged(migration.name);
    }
    const unknown = rows.filter((row) => !migrations.some((migration) => migration.name === row.name));
    if (unknown.length > 0) {
      // A newer release applied these; this (older) code may still run against that schema.
      options.logger?.warn('migrations.unknownApplied', { count: unknown.length });
    }

    const applied: string[] = [];
    for (const migration of migrations.filter((candidate) => !appliedChecksums.has(candidate.name))) {
      try {
        await client.query('begin');
        await client.query(migration.sql);
        await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [migration.name, migration.checksum]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw toMigrationError(migration.name, error, options.database);
      }
      applied.push(migration.name);
      options.logger?.info('migrations.applied', { name: migration.name });
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } catch (error) {
    throw toStoreError(error, options.database);
  } finally {
    client.removeListener('error', onError);
    // Destroying the connection ends the session, which releases the advisory lock and the setting with it.
    client.release(true);
  }
}

function toMigrationError(name: string, error: unknown, database: string) {
  const coded = toStoreError(error, database);
  if (coded.code === 'STORAGE_UNAVAILABLE') return coded;
  const message = error instanceof Error ? error.message : String(error);
  return migrationFailed(name, `${sqlState(error) ?? 'error'}: ${message.split('\n')[0]}`, error);
}
