import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { lockDataDir } from '../../../stores/embedded/dataDirLock.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { makeTempDir, startFixture, waitForExit, waitForLine } from './storeTestSupport.js';

let dir: string;
let removeDir: () => Promise<void>;
let lockFile: string;

beforeEach(async () => {
  ({ dir, remove: removeDir } = await makeTempDir());
  lockFile = path.join(dir, '.lock');
});
afterEach(() => removeDir());

async function tryInChild(): Promise<{ locked: boolean; code?: string; message?: string; pid?: number }> {
  const outcome = await waitForExit(startFixture('tryDataDirLock.ts', [dir]));
  expect(outcome.stderr).toBe('');
  return JSON.parse(outcome.stdout) as { locked: boolean; code?: string; message?: string };
}

describe('lockDataDir', () => {
  it('creates DATA_DIR/.lock holding our pid, and release removes it', async () => {
    const lock = await lockDataDir(dir);
    expect(lock.lockFile).toBe(lockFile);
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();
    expect(existsSync(lockFile)).toBe(false);
    await lock.release(); // a second release is harmless
  });

  it('refuses a second lock on the same directory within this process', async () => {
    const lock = await lockDataDir(dir);
    const error = await lockDataDir(dir).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'DATA_DIR_LOCKED')).toBe(true);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toContain(`this process (pid ${process.pid})`);
    await lock.release();
    await (await lockDataDir(dir)).release();
  });

  it('refuses a second process on the same directory, naming the directory and the pid holding it', async () => {
    const lock = await lockDataDir(dir);
    const child = await tryInChild();
    expect(child.locked).toBe(false);
    expect(child.code).toBe('DATA_DIR_LOCKED');
    expect(child.message).toContain(dir);
    expect(child.message).toContain(`process ${process.pid}`);
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();

    expect((await tryInChild()).locked).toBe(true);
  });

  it('is refused while another live process holds the lock, and takes over once that process was killed', async () => {
    const holder = startFixture('holdDataDirLock.ts', [dir]);
    const ended = waitForExit(holder);
    await waitForLine(holder, 'locked');

    const refused = await lockDataDir(dir).catch((caught: unknown) => caught);
    expect(isStoreError(refused, 'DATA_DIR_LOCKED')).toBe(true);
    expect((refused as Error).message).toContain(`process ${holder.pid}`);

    holder.kill('SIGKILL');
    expect((await ended).signal).toBe('SIGKILL');
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(holder.pid)); // a kill leaves the lock behind

    const logger = createMemoryLogger();
    const lock = await lockDataDir(dir, { logger });
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
    expect(logger.lines.some((line) => line.includes('data_dir_stale_lock_taken_over') && line.includes(String(holder.pid)))).toBe(true);
    await lock.release();
  });

  it('removes the lock when the holding process exits without releasing it', async () => {
    const holder = startFixture('holdDataDirLock.ts', [dir, 'exit']);
    const outcome = await waitForExit(holder);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('locked');
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over a lock whose pid is dead, as reported by the liveness check', async () => {
    await writeFile(lockFile, '424242\n');
    const lock = await lockDataDir(dir, { isProcessAlive: (pid) => pid !== 424242 });
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();
  });

  it('refuses a lock whose pid is alive, as reported by the liveness check', async () => {
    await writeFile(lockFile, '424242\n');
    const error = await lockDataDir(dir, { isProcessAlive: () => true }).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'DATA_DIR_LOCKED')).toBe(true);
    expect((error as Error).message).toContain('process 424242');
    expect(await readFile(lockFile, 'utf8')).toBe('424242\n');
  });

  it('takes over a lock with our own pid that this process does not hold (a restarted container)', async () => {
    await writeFile(lockFile, `${process.pid}\n`);
    const lock = await lockDataDir(dir);
    await lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over a lock file without a pid (a crash between creating and writing it)', async () => {
    await writeFile(lockFile, '');
    const lock = await lockDataDir(dir);
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();
  });

  it('does not remove a lock file that another process owns by the time of release', async () => {
    const lock = await lockDataDir(dir);
    await writeFile(lockFile, '424242\n');
    await lock.release();
    expect(await readFile(lockFile, 'utf8')).toBe('424242\n');
  });

  it('fails with DATA_DIR_UNUSABLE when the directory does not exist', async () => {
    const error = await lockDataDir(path.join(dir, 'missing')).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'DATA_DIR_UNUSABLE')).toBe(true);
    expect((error as Error).message).toContain(path.join(dir, 'missing'));
  });
});
