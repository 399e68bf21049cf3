import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A fresh directory under the OS temp dir, and a function that removes it. */
export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'embedded-store-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Starts a fixture script from test/bot/stores/fixtures in its own Node process, through tsx. */
export function startFixture(script: string, args: string[]): ChildProcess {
  const file = fileURLToPath(new URL(`./fixtures/${script}`, import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the child's stdout and how it ended. */
export function waitForExit(child: ChildProcess): Promise<{ stdout: string; stderr: string; code: number | null; signal: string | null }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ stdout, stderr, code, signal }));
  });
}

/** Resolves once the child printed a line starting with `prefix`. */
export function waitForLine(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let errors = '';
    child.stderr?.on('data', (chunk) => (errors += String(chunk)));
    child.stdout?.on('data', (chunk) => {
      seen += String(chunk);
      const line = seen.split('\n').find((candidate) => candidate.startsWith(prefix));
      if (line !== undefined) resolve(line);
    });
    child.once('close', () => reject(new Error(`child ended before printing "${prefix}": ${seen}${errors}`)));
  });
}
