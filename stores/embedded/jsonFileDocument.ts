import path from 'node:path';
import { Low } from 'lowdb';
import type { Logger } from '../../bot/logger.js';
import type { DurableDocument } from './durableDocument.js';
import { copyAsJson, sameJsonValue } from './jsonValueCopy.js';
import { DurableJsonFileAdapter, nodeStoreFileSystem, serialise, type StoreFileSystem } from './durableFiles.js';
import { describeCause, storeClosed, storeWriteFailed } from '../storeErrors.js';

export interface JsonFileDocumentOptions {
  logger?: Logger;
  fileSystem?: StoreFileSystem;
}

/** A DurableDocument backed by one JSON file. */
export interface JsonFileDocument<T> extends DurableDocument<T> {
  readonly file: string;
  /** Refuses further updates (STORE_CLOSED) and waits until the updates already made are written. */
  close(): Promise<void>;
}

/**
 * Opens `file` as a DurableDocument, creating it with `defaults` if it does not exist.
 * An empty or unreadable file stops the open with STORE_FILE_CORRUPT and is never overwritten.
 * Only one instance per file, in one process: callers go through openEmbeddedFiles, which holds the data-directory lock.
 */
export async function openJsonFileDocument<T>(
  file: string,
  defaults: T,
  options: JsonFileDocumentOptions = {},
): Promise<JsonFileDocument<T>> {
  const fileSystem = options.fileSystem ?? nodeStoreFileSystem;
  const logger = options.logger;
  const adapter = new DurableJsonFileAdapter<T>(path.resolve(file), defaults, fileSystem, { tempPrefix: tempPrefix(path.resolve(file)) });
  await removeLeftoverTempFiles(adapter.file, fileSystem, logger);

  const db = new Low<T>(adapter, structuredClone(defaults));
  await db.read();
  if (!adapter.exists) {
    try {
      await adapter.write(db.data);
    } catch (error) {
      throw storeWriteFailed(adapter.file, error);
    }
    logger?.info('store_file_created', { file: adapter.file });
  }

  // The document as it stands on disk, as a restart would read it (a JSON-value copy). Never handed
  // out: changes get copies of it, and read() returns another, so no caller can change it behind the file's back.
  let durable = copyAsJson(db.data) as T;

  // Group commit: changes that arrive while a write is in flight wait here and go into the next
  // batch, which is written with one temp file, fsync, rename and directory fsync.
  let waiting: PendingChange<T>[] = [];
  let draining: Promise<void> | null = null;
  let closed = false;

  function runUpdate<R>(change: (draft: T) => R): Promise<R> {
    if (closed) return Promise.reject(storeClosed(adapter.file));
    return new Promise<R>((resolve, reject) => {
      waiting.push({ change, resolve: resolve as (value: unknown) => void, reject });
      draining ??= drain();
    });
  }

  async function drain(): Promise<void> {
    // Start after the caller's synchronous code, as a queued update did: updates issued together share the first batch.
    await Promise.resolve();
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await commitBatch(batch);
      } catch (error) {
        // Not expected (commitBatch settles every change itself), but no caller may be left waiting.
        for (const entry of batch) entry.reject(error);
      }
    }
    draining = null;
  }

  // Not db.update(): it changes db.data in place before writing, so a failed write would leave
  // memory ahead of the disk. Here the changes run on copies; db.data is replaced only once the file is safe.
  async function commitBatch(batch: PendingChange<T>[]): Promise<void> {
    const outcomes = applyInOrder(batch, durable);
    let writeFailure: { cause: unknown } | null = null;
    // A batch that left the document as it was (compared without writing it out) writes nothing.
    if (outcomes.accepted > 0 && !sameJsonValue(outcomes.state, durable)) {
      try {
        await adapter.writeText(serialise(outcomes.state));
        durable = outcomes.state;
        db.data = copyAsJson(durable) as T;
      } catch (error) {
        logger?.error('store_write_failed', { file: adapter.file, reason: describeCause(error), changes: outcomes.accepted });
        writeFailure = { cause: error };
      }
    }
    // Callers hear back in arrival order, and only once the write holding their change is durable.
    for (const [index, entry] of batch.entries()) {
      const outcome = outcomes.results[index] as ChangeOutcome;
      if (!outcome.ok) entry.reject(outcome.error);
      else if (writeFailure) entry.reject(storeWriteFailed(adapter.file, writeFailure.cause));
      else entry.resolve(outcome.value);
    }
  }

  return {
    file: adapter.file,
    read: () => db.data,
    update: runUpdate,
    async close() {
      closed = true;
      while (draining) await draining;
    },
  };
}

interface PendingChange<T> {
  change: (draft: T) => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type ChangeOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Runs each change of a batch, in order, on the state the changes before it left. A change that
 * throws (or returns a promise, or leaves something JSON cannot hold) is undone alone. Each change
 * gets its own copy, so the last good state is always at hand for that undo without running any
 * change twice, and a result that points into a draft keeps showing the state its change left.
 */
function applyInOrder<T>(batch: readonly PendingChange<T>[], durable: T): { state: T; results: ChangeOutcome[]; accepted: number } {
  // Never handed to a change after that change returned; `draft` is always a fresh copy of it.
  let good = durable;
  let draft = copyAsJson(good) as T;
  const results: ChangeOutcome[] = [];
  let accepted = 0;
  for (const { change } of batch) {
    try {
      const value = change(draft);
      if (isThenable(value)) {
        throw new TypeError('DurableDocument.update: the change must be synchronous (an awaited check-then-write is not atomic)');
      }
      // Also the check that the file can hold what the change left (no BigInt, no cycle).
      const next = copyAsJson(draft) as T;
      good = draft;
      draft = next;
      results.push({ ok: true, value });
      accepted++;
    } catch (error) {
      results.push({ ok: false, error });
      draft = copyAsJson(good) as T;
    }
  }
  return { state: draft, results, accepted };
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function tempPrefix(file: string): string {
  return `.${path.basename(file)}.`;
}

/** Temp files of a process that died mid-write. Safe to remove: one process owns the data directory. */
async function removeLeftoverTempFiles(file: string, fileSystem: StoreFileSystem, logger: Logger | undefined): Promise<void> {
  const directory = path.dirname(file);
  const prefix = tempPrefix(file);
  let names: string[];
  try {
    names = await fileSystem.readdir(directory);
  } catch {
    return; // A missing directory fails more clearly when the file is created.
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    await fileSystem.unlink(path.join(directory, name)).catch(() => undefined);
    logger?.warn('store_leftover_temp_file_removed', { file, tempFile: name });
  }
}
