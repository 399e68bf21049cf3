import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checksumOf, MIGRATIONS_DIR, readMigrations, runMigrations } from '../../../stores/postgres/migrations.js';
import { createPostgresPool } from '../../../stores/postgres/postgresPool.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../../support/postgres.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('migration files', () => {
  it('are numbered, run in file-name order, and the checksum ignores Windows line endings', () => {
    const names = readMigrations().map((migration) => migration.name);
    expect(names[0]).toBe('001_bot_state.sql');
    expect(names).toEqual([...names].sort());
    expect(checksumOf('create table a ();\r\n')).toBe(checksumOf('create table a ();\n'));
    expect(checksumOf('create table a ();\n')).not.toBe(checksumOf('create table b ();\n'));
  });
});

describe.skipIf(postgresUnavailable !== null)('migrations on PostgreSQL', () => {
  let database: TestDatabase;
  let dir: string;
  const pools: pg.Pool[] = [];
  const openPool = () => {
    const pool = createPostgresPool(database.url, { max: 2 });
    pools.push(pool);
    return pool;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
    const pool = openPool();
    await pool.query('drop schema public cascade; create schema public');
    await pool.end();
    pools.length = 0;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function migrationsDir(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    for (const [name, sql] of Object.entries(files)) await writeFile(path.join(dir, name), sql);
    return dir;
  }

  async function appliedNames(pool: pg.Pool): Promise<string[]> {
    const { rows } = await pool.query<{ name: string }>('select name from schema_migrations order by name');
    return rows.map((row) => row.name);
  }

  it("applies the project's migrations once and records name, checksum and time", async () => {
    const pool = openPool();
    const first = await runMigrations(pool, { database: database.name });
    expect(first.applied).toEqual(readMigrations().map((migration) => migration.name));
    const second = await runMigrations(pool, { database: database.name });
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });

    const { rows } = await pool.query<{ name: string; checksum: string; applied_at: Date }>('select * from schema_migrations');
    const botState = rows.find((row) => row.name === '001_bot_state.sql');
    expect(botState?.checksum).toBe(checksumOf(await readFile(path.join(MIGRATIONS_DIR, '001_bot_state.sql'), 'utf8')));
    expect(botState?.applied_at).toBeInstanceOf(Date);
    await pool.query(`insert into bot_state (key, item, etag) values ('k', '{}', 'e')`);
  });

  it('006 gives bot state saved before it its updated_at as saved_at and the collection its key says', async () => {
    const before = readMigrations().filter((migration) => migration.name < '006');
    const pool = openPool();
    await runMigrations(pool, {
      database: database.name,
      directory: await migrationsDir(Object.fromEntries(before.map((m) => [m.name, m.sql]))),
    });
    await pool.query(`insert into bot_state (key, item, etag, updated_at) values
      ('webchat/conversations/c1/', '{}', 'e1', '2026-03-01T08:00:00Z'), ('sms/users/+32470000000/', '{}', 'e2', '2026-02-01T08:00:00Z')`);
    await writeFile(
      path.join(dir, '006_bot_state_saved_at.sql'),
      await readFile(path.join(MIGRATIONS_DIR, '006_bot_state_saved_at.sql'), 'utf8'),
    );
    expect((await runMigrations(pool, { database: database.name, directory: dir })).applied).toEqual(['006_bot_state_saved_at.sql']);
    const { rows } = await pool.query('select key, saved_at, collection from bot_state order by key');
    expect(rows).toEqual([
      { key: 'sms/users/+32470000000/', saved_at: new Date('2026-02-01T08:00:00Z'), collection: 'users' },
      { key: 'webchat/conversations/c1/', saved_at: new Date('2026-03-01T08:00:00Z'), collection: 'conversations' },
    ]);
  });

  it('runs pending files in name order, each in its own transaction', async () => {
    const directory = await migrationsDir({
      '002_second.sql': 'alter table first add column b int;',
      '001_first.sql': 'create table first (a int);',
    });
    const pool = openPool();
    expect((await runMigrations(pool, { database: database.name, directory })).applied).toEqual(['001_first.sql', '002_second.sql']);
    await writeFile(path.join(directory, '003_third.sql'), 'create table third (c int);');
    expect((await runMigrations(pool, { database: database.name, directory })).applied).toEqual(['003_third.sql']);
    expect(await appliedNames(pool)).toEqual(['001_first.sql', '002_second.sql', '003_third.sql']);
  });

  it('rolls a failing migration back completely and keeps the ones before it', async () => {
    const directory = await migrationsDir({
      '001_first.sql': 'create table first (a int);',
      '002_broken.sql': 'create table half (a int);\ninsert into missing_table values (1);',
    });
    const pool = openPool();
    const error = await runMigrations(pool, { database: database.name, directory }).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'MIGRATION_FAILED')).toBe(true);
    expect((error as Error).message).toContain('002_broken.sql');
    expect((error as Error).message).not.toContain('\n');
    expect(await appliedNames(pool)).toEqual(['001_first.sql']);
    const { rows } = await pool.query(`select to_regclass('half') as half`);
    expect(rows[0].half).toBeNull();
  });

  it('refuses to run when an applied migration was changed, applying nothing new', async () => {
    const directory = await migrationsDir({ '001_first.sql': 'create table first (a int);' });
    const pool = openPool();
    await runMigrations(pool, { database: database.name, directory });
    await writeFile(path.join(directory, '001_first.sql'), 'create table first (a bigint);');
    await writeFile(path.join(directory, '002_second.sql'), 'create table second (a int);');
    const error = await runMigrations(pool, { database: database.name, directory }).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'MIGRATION_CHANGED')).toBe(true);
    expect((error as Error).message).toMatch(/^Migration 001_first\.sql was changed[^\n]*$/);
    expect(await appliedNames(pool)).toEqual(['001_first.sql']);
  });

  it('applies each migration once when several instances start at the same time', async () => {
    const directory = await migrationsDir({
      '001_first.sql': 'create table first (a int);',
      // Slow enough that the runs overlap: the others wait on the advisory lock.
      '002_slow.sql': 'select pg_sleep(0.3); create table second (a int);',
    });
    const runs = await Promise.all([1, 2, 3].map(() => runMigrations(openPool(), { database: database.name, directory })));
    expect(runs.flatMap((run) => run.applied).sort()).toEqual(['001_first.sql', '002_slow.sql']);
    expect(await appliedNames(openPool())).toEqual(['001_first.sql', '002_slow.sql']);
  });

  it('cli/migrate.ts migrates DATABASE_URL and says what it did', async () => {
    const result = await runCli({ DATABASE_URL: database.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('applied 001_bot_state.sql');
    expect(result.stdout).toMatch(/\d+ applied, 0 already applied/);
    const again = await runCli({ DATABASE_URL: database.url });
    expect(again.stdout).toMatch(/: 0 applied, \d+ already applied/);
  });

  it('cli/migrate.ts without DATABASE_URL exits 2 with one line', async () => {
    const result = await runCli({ DATABASE_URL: '' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

function runCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/migrate.ts'], { cwd: repoRoot, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
