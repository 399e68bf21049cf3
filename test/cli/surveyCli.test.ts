import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLocaleResources } from '../../bot/i18n.js';
import { createMemoryLogger } from '../../bot/logger.js';
import { openEmbeddedFiles } from '../../stores/embedded/embeddedFiles.js';
import { openEmbeddedSurveyStores } from '../../stores/survey/openSurveyStores.js';
import { rows } from '../services/survey/surveyFixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [path.join(ROOT, 'cli', script), ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, STORAGE: 'lowdb' }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'survey-cli-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('seedSurvey and report CLIs', () => {
  it('seeds synthetic rows and reports them as JSON, CSV and a readable summary', async () => {
    const seeded = await run('seedSurvey.ts', ['--count', '200', '--from', '2026-01-01', '--seed', '5'], dataDir);
    expect(seeded).toMatchObject({ code: 0, stderr: '' });
    expect(seeded.stdout).toContain('Added 200 synthetic survey rows');

    const json = await run('report.ts', ['--from', '2026-01-01', '--to', '2026-12-31', '--json'], dataDir);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ from: '2026-01-01', to: '2026-12-31', responses: 200, synthetic: 200 });
    expect(report.periods).toHaveLength(12);

    const csv = await run('report.ts', ['--from', '2026-01-01', '--to', '2026-12-31', '--csv'], dataDir);
    expect(csv.stdout.startsWith('\uFEFFvraag;vraag_tekst;antwoord;antwoord_tekst;')).toBe(true);
    expect(csv.stdout).toContain(';;;;;;2026-01-01/2026-12-31;synthetisch;;200;');
    // The words beside the codes, from locales/nl.
    const words = (readLocaleResources().nl.dashboard as { labels: { questions: Record<string, string> } }).labels.questions;
    expect(csv.stdout).toContain(`\r\nawareness;${words.awareness};used;`);

    const summary = await run('report.ts', ['--from=2026-01-01', '--to=2026-12-31'], dataDir);
    expect(summary.stdout).toContain('Survey report 2026-01-01 to 2026-12-31');
    expect(summary.stdout).toContain('Responses: 200 (200 synthetic demo rows)');
    expect(summary.stdout).toMatch(/Awareness of the digitaal thuisloket \(n=\d+\)/);
  }, 60_000);

  it('removes only the synthetic rows', async () => {
    const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    const { surveyStore } = await openEmbeddedSurveyStores(files);
    await surveyStore.add(rows(1, '2026-02-02', { awareness: 'used' })[0]!, 'real');
    await files.close();

    await run('seedSurvey.ts', ['--count', '50', '--from', '2026-01-01'], dataDir);
    const removed = await run('seedSurvey.ts', ['--remove'], dataDir);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Removed 50 synthetic survey rows');
    const report = JSON.parse((await run('report.ts', ['--from', '2026-01-01', '--to', '2026-12-31', '--json'], dataDir)).stdout);
    expect(report).toMatchObject({ responses: 1, synthetic: 0 });
  }, 60_000);

  it.each([
    ['report.ts', ['--from', '2026-02-30', '--to', '2026-03-01'], 'YYYY-MM-DD'],
    ['report.ts', ['--from', '2026-05-01', '--to', '2026-04-01'], 'from must not be after to'],
    ['report.ts', ['--json', '--csv'], 'not both'],
    ['report.ts', ['--verbose'], 'unknown argument'],
    ['report.ts', ['--from'], '--from needs a value'],
    ['seedSurvey.ts', [], '--count N or --remove'],
    ['seedSurvey.ts', ['--count', 'many'], '--count must be a whole number'],
    ['seedSurvey.ts', ['--count', '5', '--remove'], '--count N or --remove'],
  ])(
    '%s %j: one clear line and exit 2',
    async (script, args, message) => {
      const result = await run(script, args, dataDir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    },
    30_000,
  );

  it('refuses politely while the bot holds the data directory', async () => {
    const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
    try {
      for (const [script, args] of [
        ['report.ts', []],
        ['seedSurvey.ts', ['--count', '10']],
      ] as const) {
        const result = await run(script, [...args], dataDir);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('is already in use by process');
        expect(result.stderr).toContain('Stop the bot first');
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
      }
    } finally {
      await files.close();
    }
  }, 60_000);
});
