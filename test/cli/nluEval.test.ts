import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Resolved here: the command runs in a scratch directory where `tsx` is not installed. */
const TSX_LOADER = import.meta.resolve('tsx');
const workDir = mkdtempSync(join(tmpdir(), 'nlu-eval-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function runEval(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX_LOADER, join(ROOT, 'cli/nluEval.ts'), ...args], {
    cwd: workDir,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function testSet(name: string, lines: string[]): string {
  const file = join(workDir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('tsx cli/nluEval.ts', () => {
  it('prints a summary and, with --json, the contract object as the last line', () => {
    const file = testSet('small.jsonl', [
      '{"text": "afspraak voor mijn reispas", "intent": "appointment.book", "entities": {"document": "reispas"}}',
      '{"text": "wanneer wordt het huisvuil opgehaald", "intent": "none"}',
    ]);
    const { code, stdout } = runEval(file, '--json');
    expect(code).toBe(0);
    expect(stdout).toContain('intent accuracy');
    const lines = stdout.trim().split('\n');
    const report = JSON.parse(lines[lines.length - 1] ?? '') as Record<string, unknown>;
    // The contract's fields, and per-intent scores as our extension; errors only with --errors.
    expect(Object.keys(report).sort()).toEqual([
      'confusions',
      'entityAccuracy',
      'intentAccuracy',
      'latencyMs',
      'macroF1',
      'n',
      'perIntent',
    ]);
    expect(report.n).toBe(2);
    expect(stdout).toContain('warm-up');
    expect(readdirSync(workDir).sort()).toEqual(['small.jsonl']);
  });

  it('lists every wrong utterance with --errors, in the summary and the JSON', () => {
    const file = testSet('wrong.jsonl', [
      '{"text": "afspraak voor mijn reispas", "intent": "info.hours", "entities": {"document": "rijbewijs"}}',
      '{"text": "wanneer wordt het huisvuil opgehaald", "intent": "none"}',
    ]);
    const { code, stdout } = runEval('--errors', file, '--json');
    expect(code).toBe(0);
    expect(stdout).toContain('"afspraak voor mijn reispas": info.hours -> ');
    const lines = stdout.trim().split('\n');
    const report = JSON.parse(lines[lines.length - 1] ?? '') as {
      errors: Array<{ text: string; expected: string; expectedDocument: string }>;
    };
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ text: 'afspraak voor mijn reispas', expected: 'info.hours', expectedDocument: 'rijbewijs' });
  });

  it.each([['--cv', '1'], ['--cv', 'x'], ['--recognizer', 'gpt'], ['--bogus']])('fails with code 2 for bad options: %s %s', (...args) => {
    const file = testSet('one.jsonl', ['{"text": "hallo", "intent": "greeting"}']);
    const { code, stderr } = runEval(...args.filter((a) => a !== undefined), file);
    expect(code).toBe(2);
    expect(stderr).toContain('usage');
  });

  it('fails with code 2 and one line for a missing file', () => {
    const { code, stderr, stdout } = runEval(join(workDir, 'nothing-here.jsonl'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('no such file');
  });

  it('fails with code 2 naming the bad line', () => {
    const file = testSet('bad.jsonl', ['{"text": "hallo", "intent": "greeting"}', '', '{"text": "hallo", "intent": "wave"}']);
    const { code, stderr } = runEval(file, '--json');
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/bad\.jsonl: line 3: unknown intent "wave"$/);
  });

  it('fails with code 2 and the usage without a file', () => {
    expect(runEval().code).toBe(2);
  });
});
