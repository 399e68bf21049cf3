import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeStoreFileSystem, type StoreFileSystem } from '../../../stores/embedded/durableFiles.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A fresh directory under the OS temp dir, and a function that removes it. */
export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'embedded-store-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Starts a fixture script from test/stores/embedded/fixtures in its own Node process, through tsx. */
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

/**
 * A file system whose temp-file writes each wait until the test releases them, so a test can hold
 * a write in flight while more updates arrive. Counts the temp files written and the directory fsyncs.
 */
export function gatedFileSystem(base: StoreFileSystem = nodeStoreFileSystem): {
  fileSystem: StoreFileSystem;
  /** Temp files written so far (one per batch). */
  readonly writes: number;
  /** Directory fsyncs done so far: a batch is durable once its own one is done. */
  readonly directoryFsyncs: number;
  /** Resolves once a write is waiting to be released. */
  writeWaiting(): Promise<void>;
  /** Lets the oldest waiting write go on. */
  release(): void;
  /** Stops holding writes back (and releases the waiting ones). */
  openGate(): void;
} {
  const held: Array<() => void> = [];
  const watchers: Array<() => void> = [];
  let gateOpen = false;
  let writes = 0;
  let directoryFsyncs = 0;
  const fileSystem: StoreFileSystem = {
    ...base,
    async open(target, flags) {
      const handle = await base.open(target, flags);
      if (flags === 'r') {
        return {
          writeFile: (text) => handle.writeFile(text),
          close: () => handle.close(),
          async sync() {
            await handle.sync();
            directoryFsyncs++;
          },
        };
      }
      return {
        async writeFile(text) {
          writes++;
          if (!gateOpen) {
            await new Promise<void>((resolve) => {
              held.push(resolve);
              watchers.splice(0).forEach((notify) => notify());
            });
          }
          await handle.writeFile(text);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
  return {
    fileSystem,
    get writes() {
      return writes;
    },
    get directoryFsyncs() {
      return directoryFsyncs;
    },
    writeWaiting: () => (held.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => watchers.push(resolve))),
    release() {
      const next = held.shift();
      if (!next) throw new Error('no write is waiting');
      next();
    },
    openGate() {
      gateOpen = true;
      held.splice(0).forEach((next) => next());
    },
  };
}
