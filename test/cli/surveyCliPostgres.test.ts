import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../support/postgres.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [path.join(ROOT, 'cli', script), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(postgresUnavailable !== null)('seedSurvey and report CLIs with STORAGE=postgres', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'survey-cli-pg-'));
  });
  afterAll(async () => {
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds into PostgreSQL and reports from SQL counts the same figures as from DATA_DIR', async () => {
    const postgres = { STORAGE: 'postgres', DATABASE_URL: database.url };
    const lowdb = { STORAGE: 'lowdb', DATA_DIR: dataDir };
    const seedArgs = ['--count', '300', '--from', '2026-01-01', '--seed', '9'];
    const seeded = await run('seedSurvey.ts', seedArgs, postgres);
    expect(seeded).toMatchObject({ code: 0, stderr: '' });
    expect(seeded.stdout).toContain('Added 300 synthetic survey rows');
    expect(seeded.stdout).not.toContain('postgres@');
    expect((await run('seedSurvey.ts', seedArgs, lowdb)).code).toBe(0);

    const reportArgs = ['--from', '2026-01-01', '--to', '2026-12-31', '--json'];
    const fromPostgres = await run('report.ts', reportArgs, postgres);
    expect(fromPostgres).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(fromPostgres.stdout)).toMatchObject({ responses: 300, synthetic: 300 });
    expect(JSON.parse(fromPostgres.stdout)).toEqual(JSON.parse((await run('report.ts', reportArgs, lowdb)).stdout));

    expect((await run('seedSurvey.ts', ['--remove'], postgres)).stdout).toContain('Removed 300 synthetic survey rows');
  }, 60_000);

  it('says in one line that STORAGE=postgres needs DATABASE_URL', async () => {
    const result = await run('report.ts', [], { STORAGE: 'postgres', DATABASE_URL: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^report: STORAGE=postgres requires DATABASE_URL[^\n]*\n$/);
  });
});
