import { readFileSync, unlinkSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../bot/logger.js';
import { dataDirLocked, dataDirUnusable, StoreError } from '../storeErrors.js';

/** Proof that this process owns a data directory; the embedded store allows one writer per directory. */
export interface DataDirLock {
  readonly dataDir: string;
  readonly lockFile: string;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): Promise<void>;
}

export interface DataDirLockOptions {
  logger?: Logger;
  /** Whether a process runs; injectable for tests. */
  isProcessAlive?: (pid: number) => boolean;
}

const LOCK_FILE_NAME = '.lock';

// Lock files held by this process. A lock file with our own pid that is not in here comes from an
// earlier life of a container, where the bot often gets the same pid again: it is stale.
const heldLockFiles = new Set<string>();

/**
 * Takes `DATA_DIR/.lock` (created with O_EXCL, holding our pid). Fails with DATA_DIR_LOCKED while
 * another live process holds it; takes over a lock whose process is gone. The directory must exist.
 */
export async function lockDataDir(dataDir: string, options: DataDirLockOptions = {}): Promise<DataDirLock> {
  const directory = path.resolve(dataDir);
  const lockFile = path.join(directory, LOCK_FILE_NAME);
  const isAlive = options.isProcessAlive ?? isProcessAlive;

  if (heldLockFiles.has(lockFile)) throw dataDirLocked(directory, lockFile, process.pid, true);

  // A few rounds: each lost race (a lock removed or taken between two steps) starts over.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createLockFile(lockFile, directory)) return holdLock(directory, lockFile);

    const holder = await readHolderPid(lockFile);
    if (holder === 'gone') continue;
    if (holder !== null && isAlive(holder) && holder !== process.pid) {
      throw dataDirLocked(directory, lockFile, holder, false);
    }
    if (await removeStaleLock(lockFile, holder)) {
      options.logger?.warn('data_dir_stale_lock_taken_over', { dataDir: directory, stalePid: holder });
    }
  }
  throw new StoreError('DATA_DIR_LOCKED', `Data directory ${directory}: could not take ${lockFile}, other processes keep changing it.`);
}

/** True when a process with this pid exists (EPERM: it exists but belongs to another user). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createLockFile(lockFile: string, directory: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lockFile, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw dataDirUnusable(directory, error);
  }
  try {
    await handle.writeFile(`${process.pid}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** The pid in the lock file; null when unreadable (a crash between create and write); 'gone' when the file vanished. */
async function readHolderPid(lockFile: string): Promise<number | null | 'gone'> {
  // The holder creates the file and writes its pid in two steps: give an empty file a moment.
  for (let attempt = 0; attempt < 3; attempt++) {
    let text: string;
    try {
      text = await fs.readFile(lockFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
      throw error;
    }
    const pid = parsePid(text);
    if (pid !== null) return pid;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

function parsePid(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const pid = Number(trimmed);
  return pid > 0 ? pid : null;
}

/**
 * Moves the stale lock aside first (rename is atomic, so of two processes taking over only one wins),
 * then checks it is still the stale one before deleting it; a fresh lock taken meanwhile is put back.
 */
async function removeStaleLock(lockFile: string, stalePid: number | null): Promise<boolean> {
  const aside = `${lockFile}.stale-${process.pid}`;
  try {
    await fs.rename(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const movedPid = parsePid(await fs.readFile(aside, 'utf8').catch(() => ''));
  if (movedPid !== stalePid && movedPid !== null) {
    await fs.link(aside, lockFile).catch(() => undefined);
    await fs.unlink(aside).catch(() => undefined);
    return false;
  }
  await fs.unlink(aside).catch(() => undefined);
  return true;
}

function holdLock(dataDir: string, lockFile: string): DataDirLock {
  heldLockFiles.add(lockFile);
  let released = false;

  const removeIfOurs = (): void => {
    try {
      if (parsePid(readFileSync(lockFile, 'utf8')) === process.pid) unlinkSync(lockFile);
    } catch {
      // Already gone, or unreadable: nothing of ours to remove.
    }
  };
  // 'exit' covers normal ends and process.exit(); a kill leaves a stale lock that the next start takes over.
  const onExit = (): void => removeIfOurs();
  process.once('exit', onExit);

  return {
    dataDir,
    lockFile,
    async release() {
      if (released) return;
      released = true;
      process.removeListener('exit', onExit);
      removeIfOurs();
      heldLockFiles.delete(lockFile);
    },
  };
}
