/**
 * Many small documents in one directory tree, one per key: a write costs one journal record,
 * however many keys the tree holds. Each key is a lowdb document (`Low` on DurableJsonFileAdapter)
 * holding `{ key, savedAt, value }`, in its own file.
 *
 * - A write is durable once its record is in the tree's journal (`<root>/.journal/`, keyJournal.ts):
 *   one append and one fdatasync, shared by every write under way at the time (group commit).
 *   The journal's entries are written back into the keys' own files (a temp file in `<root>/.tmp/`,
 *   fsync, rename, directory fsync) at each checkpoint: once the journal holds a few MB, and on
 *   `close`. Reads see the journal's entry first, then the file.
 * - A file that cannot be read is refused with STORE_FILE_CORRUPT and never overwritten; so is a
 *   journal line that is damaged anywhere but at its torn tail.
 * - Where a key lives is the layout's choice: `hashedLayout` (bot state: a hash of the key in one
 *   of 256 directories, so no key, which can hold a channel user id, appears in a file name) or
 *   `namedLayout` (survey days: readable names, listable).
 * - Changes are serialised per key; a change over several keys holds all of them (taken in sorted
 *   order), so a check across them is atomic in this process, and is one journal record, so it is
 *   durable whole or not at all. Writes of different keys run in parallel.
 * - Memory holds the journal's entries (until the next checkpoint) and at most `cacheEntries`
 *   recently used values from the files, only as they are on disk.
 * - With `maxAgeMs`, an entry saved longer ago than that is gone by key: reads and changes see no
 *   value, whether or not the file was removed yet. `sweep` removes such files in the background,
 *   a directory at a time, never on the path of a turn.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFileAdapter, hasCode, syncDirectory } from './durableFileAdapter.js';
import { copyAsJson, sameJsonValue } from './jsonValueCopy.js';
import { openKeyJournal, type JournalChange } from './keyJournal.js';
import { nodeStoreFileSystem, type StoreFileSystem } from './storeFileSystem.js';
import { describeCause, storeClosed, storeFileCorrupt, storeWriteFailed } from '../storeErrors.js';
import type { Logger } from '../../bot/logger.js';

/** What one key's file holds. */
export interface KeyedEntry<T> {
  key: string;
  /** ISO time of the last write. */
  savedAt: string;
  value: T;
}

/** Maps keys to file paths relative to the tree's root, and (where it can) back. */
export interface KeyLayout {
  fileOf(key: string): string;
  /** The key a relative file path holds, or null when the layout cannot tell without reading it. */
  keyOf(relativeFile: string): string | null;
}

/** sha256 of the key, in one of 256 directories by its first two hex digits. */
export const hashedLayout: KeyLayout = {
  fileOf(key) {
    const hash = createHash('sha256').update(key).digest('hex');
    return path.join(hash.slice(0, 2), `${hash}.json`);
  },
  keyOf: () => null,
};

/**
 * Readable names for keys made of letters, digits and dashes, grouped in directories by the part
 * before the first `/` of `group(key)` (e.g. a month for days). The key itself is the file name.
 */
export function namedLayout(group: (key: string) => string): KeyLayout {
  const NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
  return {
    fileOf(key) {
      if (!NAME.test(key)) throw new RangeError(`namedLayout: "${key}" is not a letters, digits and dashes name`);
      return path.join(group(key), `${key}.json`);
    },
    keyOf(relativeFile) {
      const name = path.basename(relativeFile, '.json');
      return NAME.test(name) && relativeFile.endsWith('.json') ? name : null;
    },
  };
}

export interface KeyedDocumentsOptions {
  layout: KeyLayout;
  now?: () => Date;
  /** Entries older than this are gone (see the module comment). */
  maxAgeMs?: number;
  cacheEntries?: number;
  fileSystem?: StoreFileSystem;
  logger?: Logger;
  /**
   * False: every write goes straight to its key's own file (temp file, fsync, rename, directory
   * fsync), and nothing is held beyond the cache. For trees written seldom whose values should
   * leave the heap at once (survey day parts). Default true: writes go to the journal.
   */
  journal?: boolean;
  /** How big the journal grows before its entries are written back into the keys' files. */
  checkpointBytes?: number;
}

export interface KeyedDocuments<T> {
  readonly root: string;
  /**
   * The durable value under `key`, or undefined: the store's own object, never changed in place
   * (a write replaces it). Read-only for the caller too: change it only through `update`.
   */
  get(key: string): Promise<Readonly<T> | undefined>;
  /**
   * Runs `change` on copies of the current values of `keys` (absent keys are not in the map) and
   * writes what it left: a key set to a new value is written, a key deleted from the map is
   * removed; a value left as it was is not written again. Resolves once every write is durable. `change` must be synchronous; if it throws,
   * nothing is written. If a write fails, STORE_WRITE_FAILED (other keys of the call may be written).
   */
  update<R>(keys: readonly string[], change: (values: Map<string, T>) => R): Promise<R>;
  /**
   * `update` for a change that sets or removes whole values, without copying the old ones first:
   * `decide` sees the stored values themselves (the store's own objects: it must not change them)
   * and returns the keys to write, each with its new value (copied as JSON) or null to remove it.
   * Resolves, once durable, with what those keys now hold: the store's own values, read-only (null: removed).
   */
  replace(
    keys: readonly string[],
    decide: (stored: ReadonlyMap<string, Readonly<T>>) => ReadonlyMap<string, T | null>,
  ): Promise<Map<string, Readonly<T> | null>>;
  /**
   * Writes entries as given, with their own `savedAt` (moving data from an older format).
   * Overwrites what the keys hold; an entry already past `maxAgeMs` is not written.
   */
  importEntries(entries: readonly KeyedEntry<T>[]): Promise<void>;
  /** With a layout that can tell: every key on disk (not checked for age). */
  keys(): Promise<string[]>;
  /** Removes the files of entries older than `maxAgeMs`; returns how many. Yields between directories; stops once closed. */
  sweep(): Promise<number>;
  /** Writes the journal's entries back into the keys' files (done by itself as the journal grows, and on close). */
  checkpoint(): Promise<void>;
  /** Refuses further updates (STORE_CLOSED), waits for the ones under way and checkpoints. */
  close(): Promise<void>;
}

const TEMP_DIRECTORY = '.tmp';
const JOURNAL_DIRECTORY = '.journal';
const DEFAULT_CACHE_ENTRIES = 5_000;
/** Key files written back at once by a checkpoint. */
const WRITE_BACKS_AT_ONCE = 16;
/** Entries an import writes at once (a journal line holds at most what arrives together). */
const IMPORT_CHUNK = 256;

export async function openKeyedDocuments<T>(root: string, options: KeyedDocumentsOptions): Promise<KeyedDocuments<T>> {
  const directory = path.resolve(root);
  const tempDirectory = path.join(directory, TEMP_DIRECTORY);
  const fileSystem = options.fileSystem ?? nodeStoreFileSystem;
  const now = options.now ?? (() => new Date());
  const cacheLimit = options.cacheEntries ?? DEFAULT_CACHE_ENTRIES;
  await fs.mkdir(tempDirectory, { recursive: true });
  await fs.mkdir(path.join(directory, JOURNAL_DIRECTORY), { recursive: true });
  // Temp files of a process that died mid-write. Safe to remove: one process owns the data directory.
  for (const name of await fs.readdir(tempDirectory)) {
    await fs.unlink(path.join(tempDirectory, name)).catch(() => undefined);
    options.logger?.warn('store_leftover_temp_file_removed', { file: directory, tempFile: name });
  }

  /** Values as on disk; `null`: known to have no file. Least recently used first. */
  const cache = new Map<string, KeyedEntry<T> | null>();
  const locks = new Map<string, Promise<void>>();
  const madeDirectories = new Set<string>();
  let closed = false;

  const fileOf = (key: string) => path.join(directory, options.layout.fileOf(key));
  const isExpired = (entry: KeyedEntry<T>, at: number) =>
    options.maxAgeMs !== undefined && at - Date.parse(entry.savedAt) > options.maxAgeMs;
  const journal = await openKeyJournal<T>(path.join(directory, JOURNAL_DIRECTORY), {
    fileSystem,
    writeBack,
    ...(options.checkpointBytes !== undefined ? { checkpointBytes: options.checkpointBytes } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const journalled = options.journal ?? true;
  // A tree journalled before: its entries go to their files before writes bypass the journal.
  if (!journalled) await journal.checkpoint();

  function remember(key: string, entry: KeyedEntry<T> | null): void {
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
  }

  function documentOf(key: string): Low<KeyedEntry<T> | null> {
    const adapter = new DurableJsonFileAdapter<KeyedEntry<T> | null>(fileOf(key), {} as KeyedEntry<T>, fileSystem, { tempDirectory });
    return new Low(adapter, null);
  }

  async function load(key: string): Promise<KeyedEntry<T> | null> {
    const journalled = journal.find(key);
    if (journalled !== undefined) return journalled;
    if (cache.has(key)) {
      const cached = cache.get(key)!;
      remember(key, cached);
      return cached;
    }
    const document = documentOf(key);
    await document.read();
    const entry = document.data;
    if (
      entry !== null &&
      (entry.key !== key || typeof entry.savedAt !== 'string' || typeof entry.value !== 'object' || entry.value === null)
    ) {
      throw storeFileCorrupt(fileOf(key), 'does not hold an entry for its key');
    }
    remember(key, entry);
    return entry;
  }

  async function current(key: string): Promise<KeyedEntry<T> | null> {
    const entry = await load(key);
    return entry && isExpired(entry, now().getTime()) ? null : entry;
  }

  function acquire(key: string): Promise<() => void> {
    const previous = locks.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => held);
    locks.set(key, chained);
    return previous.then(() => () => {
      release();
      if (locks.get(key) === chained) locks.delete(key);
    });
  }

  async function withKeys<R>(keys: readonly string[], work: () => Promise<R>): Promise<R> {
    const releases: (() => void)[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await acquire(key));
      return await work();
    } finally {
      for (const release of releases) release();
    }
  }

  async function ensureDirectory(file: string): Promise<void> {
    const parent = path.dirname(file);
    if (madeDirectories.has(parent)) return;
    await fs.mkdir(parent, { recursive: true });
    // The new directory entry must survive a crash too.
    await syncDirectory(path.dirname(parent), fileSystem);
    madeDirectories.add(parent);
  }

  /** Makes `changes` durable: one journal record for all of them (or, without a journal, their files). */
  function write(changes: readonly JournalChange<T>[]): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    return journalled ? journal.write(changes) : writeBack(changes);
  }

  /** Writes journalled entries into their keys' own files, durably (the journal's checkpoint). */
  async function writeBack(changes: readonly JournalChange<T>[]): Promise<void> {
    const at = now().getTime();
    const failures: unknown[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(WRITE_BACKS_AT_ONCE, changes.length) }, async () => {
        for (let change = changes[next++]; change !== undefined; change = changes[next++]) {
          // An entry that expired meanwhile is gone by key: its file goes instead of being written again.
          const due = change.entry && isExpired(change.entry, at) ? { key: change.key, entry: null } : change;
          await writeFile(due).catch((error: unknown) => failures.push(error));
        }
      }),
    );
    if (failures.length > 0) throw failures[0];
  }

  async function writeFile({ key, entry }: JournalChange<T>): Promise<void> {
    const file = fileOf(key);
    try {
      if (entry === null) {
        const removed = await fileSystem.unlink(file).then(
          () => true,
          (error: unknown) => {
            if (!hasCode(error, 'ENOENT')) throw error;
            return false; // Written and removed again between two checkpoints: never had a file.
          },
        );
        if (removed) await syncDirectory(path.dirname(file), fileSystem);
      } else {
        await ensureDirectory(file);
        const document = documentOf(key);
        document.data = entry;
        await document.write();
      }
      remember(key, entry);
    } catch (error) {
      // Whether the file changed is not known: the next read after the journal lets go goes to the disk.
      cache.delete(key);
      options.logger?.error('store_write_failed', { file, reason: describeCause(error) });
      throw storeWriteFailed(file, error);
    }
  }

  /** The core of `replace` and `update`: `decide` runs under the keys' locks on their stored values. */
  const commit: Commit<T> = (keys, decide, answer) => {
    if (closed) return Promise.reject(storeClosed(directory));
    return withKeys(keys, async () => {
      const before = new Map<string, T>();
      for (const key of keys) {
        const entry = await current(key);
        if (entry) before.set(key, entry.value);
      }
      const writes = decide(before);
      const savedAt = now().toISOString();
      const changes: JournalChange<T>[] = [];
      const held = new Map<string, Readonly<T> | null>();
      for (const [key, value] of writes) {
        const old = before.get(key);
        if (value === null) {
          if (old) changes.push({ key, entry: null });
          held.set(key, null);
          continue;
        }
        // Also the check that the value is something JSON can hold.
        const next = copyAsJson(value) as T;
        // A change that left the value as it was writes nothing.
        if (old && sameJsonValue(next, old)) {
          held.set(key, old);
          continue;
        }
        changes.push({ key, entry: { key, savedAt, value: next } });
        held.set(key, next);
      }
      await write(changes);
      return answer(held);
    });
  };

  return {
    root: directory,

    async get(key) {
      return (await current(key))?.value;
    },

    update: (keys, change) => updateByCommit(commit, keys, change),

    replace: (keys, decide) => commit(keys, decide, (held) => held),

    async importEntries(entries) {
      if (closed) throw storeClosed(directory);
      const at = now().getTime();
      const live = entries.filter((entry) => !isExpired(entry, at));
      // A chunk at a time, written together so that group commit shares the journal's appends among them.
      for (let first = 0; first < live.length; first += IMPORT_CHUNK) {
        await Promise.all(
          live
            .slice(first, first + IMPORT_CHUNK)
            .map((entry) =>
              withKeys([entry.key], () =>
                write([{ key: entry.key, entry: { key: entry.key, savedAt: entry.savedAt, value: copyAsJson(entry.value) as T } }]),
              ),
            ),
        );
      }
    },

    async keys() {
      const found = new Set<string>();
      for (const group of await readdirOrEmpty(directory)) {
        if (isOwnDirectory(group)) continue;
        for (const name of await readdirOrEmpty(path.join(directory, group))) {
          const key = options.layout.keyOf(path.join(group, name));
          if (key !== null) found.add(key);
        }
      }
      for (const [key, entry] of journal.changes()) {
        if (entry === null) found.delete(key);
        else found.add(key);
      }
      return [...found].sort();
    },

    async sweep() {
      if (options.maxAgeMs === undefined) return 0;
      let removed = 0;
      for (const group of await readdirOrEmpty(directory)) {
        if (closed) break;
        if (isOwnDirectory(group)) continue;
        const groupDirectory = path.join(directory, group);
        const cutoff = now().getTime() - options.maxAgeMs;
        for (const name of await readdirOrEmpty(groupDirectory)) {
          const file = path.join(groupDirectory, name);
          // The file's time is the last write's: only older files can hold an expired entry.
          const stat = await fs.stat(file).catch(() => null);
          if (!stat || stat.mtimeMs > cutoff) continue;
          if (await removeIfExpired(file)) removed += 1;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      // The removals are journalled; the checkpoint takes the files (and the personal data in them) off the disk.
      if (removed > 0 && !closed) await journal.checkpoint();
      return removed;
    },

    checkpoint: () => journal.checkpoint(),

    async close() {
      closed = true;
      while (locks.size > 0) await Promise.all([...locks.values()]);
      await journal.close();
    },
  };

  /** Reads the entry in `file` and, under its key's lock, removes it if it is still expired. */
  async function removeIfExpired(file: string): Promise<boolean> {
    let key: string;
    try {
      const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<KeyedEntry<T>>;
      if (typeof parsed.key !== 'string' || fileOf(parsed.key) !== file) return false;
      key = parsed.key;
    } catch {
      return false; // Unreadable files are left for an administrator, never removed blindly.
    }
    if (closed) return false;
    return withKeys([key], async () => {
      const entry = await load(key).catch(() => null);
      if (!entry || !isExpired(entry, now().getTime())) return false;
      await write([{ key, entry: null }]);
      return true;
    });
  }
}

/**
 * Runs `decide` on the stored values of `keys` and writes the values it returns (null: removes the
 * key); resolves, once durable, with `answer` given what the keys now hold.
 */
type Commit<T> = <R>(
  keys: readonly string[],
  decide: (stored: ReadonlyMap<string, Readonly<T>>) => ReadonlyMap<string, T | null>,
  answer: (held: Map<string, Readonly<T> | null>) => R,
) => Promise<R>;

/** `update` on a commit: the change works on copies, and every key it set or deleted is handed back to be written. */
function updateByCommit<T, R>(commit: Commit<T>, keys: readonly string[], change: (values: Map<string, T>) => R): Promise<R> {
  let result!: R;
  return commit(
    keys,
    (stored) => {
      const values = new Map<string, T>();
      for (const [key, value] of stored) values.set(key, copyAsJson(value) as T);
      result = change(values);
      if (typeof (result as { then?: unknown } | null)?.then === 'function') {
        throw new TypeError('KeyedDocuments.update: the change must be synchronous (an awaited check-then-write is not atomic)');
      }
      const writes = new Map<string, T | null>();
      for (const key of keys) writes.set(key, values.has(key) ? values.get(key)! : null);
      return writes;
    },
    () => result,
  );
}

/** The tree's own directories (temp files, journal), not groups of keys. */
function isOwnDirectory(name: string): boolean {
  return name === TEMP_DIRECTORY || name === JOURNAL_DIRECTORY;
}

async function readdirOrEmpty(directory: string): Promise<string[]> {
  try {
    return await fs.readdir(directory);
  } catch (error) {
    if (hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR')) return [];
    throw error;
  }
}

/** KeyedDocuments held in memory only, for tests (as memoryDocument is for one document). */
export function memoryKeyedDocuments<T>(options: { now?: () => Date; maxAgeMs?: number } = {}): KeyedDocuments<T> & { values(): T[] } {
  const entries = new Map<string, KeyedEntry<T>>();
  const now = options.now ?? (() => new Date());
  const live = (entry: KeyedEntry<T> | undefined) =>
    entry && (options.maxAgeMs === undefined || now().getTime() - Date.parse(entry.savedAt) <= options.maxAgeMs) ? entry : undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const commit: Commit<T> = (keys, decide, answer) => {
    const run = queue.then(() => {
      const stored = new Map<string, T>();
      for (const key of keys) {
        const entry = live(entries.get(key));
        if (entry) stored.set(key, entry.value);
      }
      const savedAt = now().toISOString();
      const held = new Map<string, Readonly<T> | null>();
      for (const [key, value] of decide(stored)) {
        const next = value === null ? null : (copyAsJson(value) as T);
        if (next === null) entries.delete(key);
        else entries.set(key, { key, savedAt, value: next });
        held.set(key, next);
      }
      return answer(held);
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    root: ':memory:',
    get: async (key) => live(entries.get(key))?.value,
    update: (keys, change) => updateByCommit(commit, keys, change),
    replace: (keys, decide) => commit(keys, decide, (held) => held),
    async importEntries(imported) {
      for (const entry of imported) entries.set(entry.key, copyAsJson(entry) as KeyedEntry<T>);
    },
    keys: async () => [...entries.keys()].sort(),
    /** Every stored value, by key (synchronous, for test assertions). */
    values: () => [...entries.keys()].sort().map((key) => entries.get(key)!.value),
    sweep: async () => 0,
    checkpoint: async () => undefined,
    close: async () => {
      await queue;
    },
  };
}
