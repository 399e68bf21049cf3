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
import { DurableJsonFileAdapter, hasCode, nodeStoreFileSystem, syncDirectory, type StoreFileSystem } from './durableFiles.js';
import { copyAsJson, sameJsonValue } from './jsonValueCopy.js';
import { openKeyJournal, type JournalChange, type KeyJournal } from './keyJournal.js';
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
  const fileSystem = options.fileSystem ?? nodeStoreFileSystem;
  const now = options.now ?? (() => new Date());
  const { maxAgeMs } = options;
  const isExpired = (entry: KeyedEntry<T>, at: number) => maxAgeMs !== undefined && at - Date.parse(entry.savedAt) > maxAgeMs;
  await prepareTree(directory, options.logger);
  const files = new KeyFiles<T>(directory, options.layout, { fileSystem, now, isExpired, options });
  const journal = await openKeyJournal<T>(path.join(directory, JOURNAL_DIRECTORY), {
    fileSystem,
    writeBack: (changes) => files.writeBack(changes),
    ...(options.checkpointBytes !== undefined ? { checkpointBytes: options.checkpointBytes } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const journalled = options.journal ?? true;
  // A tree journalled before: its entries go to their files before writes bypass the journal.
  if (!journalled) await journal.checkpoint();
  return new KeyedTree<T>(directory, { files, journal, journalled, now, isExpired, options });
}

/** Makes the tree's own directories and removes the temp files of a process that died mid-write. */
async function prepareTree(directory: string, logger: Logger | undefined): Promise<void> {
  const tempDirectory = path.join(directory, TEMP_DIRECTORY);
  await fs.mkdir(tempDirectory, { recursive: true });
  await fs.mkdir(path.join(directory, JOURNAL_DIRECTORY), { recursive: true });
  // Safe to remove: one process owns the data directory.
  for (const name of await fs.readdir(tempDirectory)) {
    await fs.unlink(path.join(tempDirectory, name)).catch(() => undefined);
    logger?.warn('store_leftover_temp_file_removed', { file: directory, tempFile: name });
  }
}

type IsExpired<T> = (entry: KeyedEntry<T>, at: number) => boolean;

/** The keys' own files, with a cache of what they hold. */
class KeyFiles<T> {
  /** Values as on disk; `null`: known to have no file. Least recently used first. */
  private readonly cache = new Map<string, KeyedEntry<T> | null>();
  private readonly madeDirectories = new Set<string>();
  private readonly tempDirectory: string;
  private readonly cacheLimit: number;

  constructor(
    private readonly directory: string,
    private readonly layout: KeyLayout,
    private readonly context: { fileSystem: StoreFileSystem; now: () => Date; isExpired: IsExpired<T>; options: KeyedDocumentsOptions },
  ) {
    this.tempDirectory = path.join(directory, TEMP_DIRECTORY);
    this.cacheLimit = context.options.cacheEntries ?? DEFAULT_CACHE_ENTRIES;
  }

  fileOf(key: string): string {
    return path.join(this.directory, this.layout.fileOf(key));
  }

  /** What the key's file holds (null: no file), from the cache where it can. A file of another key is corrupt. */
  async read(key: string): Promise<KeyedEntry<T> | null> {
    if (this.cache.has(key)) {
      const cached = this.cache.get(key)!;
      this.remember(key, cached);
      return cached;
    }
    const document = this.documentOf(key);
    await document.read();
    const entry = document.data;
    if (
      entry !== null &&
      (entry.key !== key || typeof entry.savedAt !== 'string' || typeof entry.value !== 'object' || entry.value === null)
    ) {
      throw storeFileCorrupt(this.fileOf(key), 'does not hold an entry for its key');
    }
    this.remember(key, entry);
    return entry;
  }

  /** Writes journalled entries into their keys' own files, durably (the journal's checkpoint). */
  async writeBack(changes: readonly JournalChange<T>[]): Promise<void> {
    const at = this.context.now().getTime();
    const failures: unknown[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(WRITE_BACKS_AT_ONCE, changes.length) }, async () => {
        for (let change = changes[next++]; change !== undefined; change = changes[next++]) {
          // An entry that expired meanwhile is gone by key: its file goes instead of being written again.
          const due = change.entry && this.context.isExpired(change.entry, at) ? { key: change.key, entry: null } : change;
          await this.writeFile(due).catch((error: unknown) => failures.push(error));
        }
      }),
    );
    if (failures.length > 0) throw failures[0];
  }

  private async writeFile({ key, entry }: JournalChange<T>): Promise<void> {
    const file = this.fileOf(key);
    try {
      if (entry === null) await this.removeFile(file);
      else {
        await this.ensureDirectory(file);
        const document = this.documentOf(key);
        document.data = entry;
        await document.write();
      }
      this.remember(key, entry);
    } catch (error) {
      // Whether the file changed is not known: the next read after the journal lets go goes to the disk.
      this.cache.delete(key);
      this.context.options.logger?.error('store_write_failed', { file, reason: describeCause(error) });
      throw storeWriteFailed(file, error);
    }
  }

  private async removeFile(file: string): Promise<void> {
    const { fileSystem } = this.context;
    const removed = await fileSystem.unlink(file).then(
      () => true,
      (error: unknown) => {
        if (!hasCode(error, 'ENOENT')) throw error;
        return false; // Written and removed again between two checkpoints: never had a file.
      },
    );
    if (removed) await syncDirectory(path.dirname(file), fileSystem);
  }

  private async ensureDirectory(file: string): Promise<void> {
    const parent = path.dirname(file);
    if (this.madeDirectories.has(parent)) return;
    await fs.mkdir(parent, { recursive: true });
    // The new directory entry must survive a crash too.
    await syncDirectory(path.dirname(parent), this.context.fileSystem);
    this.madeDirectories.add(parent);
  }

  private remember(key: string, entry: KeyedEntry<T> | null): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > this.cacheLimit) this.cache.delete(this.cache.keys().next().value as string);
  }

  private documentOf(key: string): Low<KeyedEntry<T> | null> {
    const adapter = new DurableJsonFileAdapter<KeyedEntry<T> | null>(this.fileOf(key), {} as KeyedEntry<T>, this.context.fileSystem, {
      tempDirectory: this.tempDirectory,
    });
    return new Low(adapter, null);
  }
}

/**
 * Per-key locks of the tree: work on some keys starts once every earlier work on any
 * of them is done; work on other keys runs meanwhile.
 */
class KeyLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` holding every one of `keys`, taken in sorted order (two calls never wait on each other crosswise). */
  async withKeys<R>(keys: readonly string[], work: () => Promise<R>): Promise<R> {
    const releases: (() => void)[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
      return await work();
    } finally {
      for (const release of releases) release();
    }
  }

  /** Resolves once no key is held, the work that started meanwhile included. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  private acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => held);
    this.tails.set(key, chained);
    return previous.then(() => () => {
      release();
      if (this.tails.get(key) === chained) this.tails.delete(key);
    });
  }
}

/** An open tree: reads see the journal first, then the files; changes go to the journal (or the files) under the keys' locks. */
class KeyedTree<T> implements KeyedDocuments<T> {
  private readonly locks = new KeyLocks();
  private closed = false;

  constructor(
    readonly root: string,
    private readonly parts: {
      files: KeyFiles<T>;
      journal: KeyJournal<T>;
      journalled: boolean;
      now: () => Date;
      isExpired: IsExpired<T>;
      options: KeyedDocumentsOptions;
    },
  ) {}

  async get(key: string): Promise<Readonly<T> | undefined> {
    return (await this.current(key))?.value;
  }

  update<R>(keys: readonly string[], change: (values: Map<string, T>) => R): Promise<R> {
    return updateByCommit<T, R>((...args) => this.commit(...args), keys, change);
  }

  replace(
    keys: readonly string[],
    decide: (stored: ReadonlyMap<string, Readonly<T>>) => ReadonlyMap<string, T | null>,
  ): Promise<Map<string, Readonly<T> | null>> {
    return this.commit(keys, decide, (held) => held);
  }

  async importEntries(entries: readonly KeyedEntry<T>[]): Promise<void> {
    if (this.closed) throw storeClosed(this.root);
    const at = this.parts.now().getTime();
    const live = entries.filter((entry) => !this.parts.isExpired(entry, at));
    // A chunk at a time, written together so that group commit shares the journal's appends among them.
    for (let first = 0; first < live.length; first += IMPORT_CHUNK) {
      await Promise.all(
        live
          .slice(first, first + IMPORT_CHUNK)
          .map((entry) =>
            this.locks.withKeys([entry.key], () =>
              this.write([{ key: entry.key, entry: { key: entry.key, savedAt: entry.savedAt, value: copyAsJson(entry.value) as T } }]),
            ),
          ),
      );
    }
  }

  async keys(): Promise<string[]> {
    const found = new Set<string>();
    for (const group of await readdirOrEmpty(this.root)) {
      if (isOwnDirectory(group)) continue;
      for (const name of await readdirOrEmpty(path.join(this.root, group))) {
        const key = this.parts.options.layout.keyOf(path.join(group, name));
        if (key !== null) found.add(key);
      }
    }
    for (const [key, entry] of this.parts.journal.changes()) {
      if (entry === null) found.delete(key);
      else found.add(key);
    }
    return [...found].sort();
  }

  async sweep(): Promise<number> {
    const { maxAgeMs } = this.parts.options;
    if (maxAgeMs === undefined) return 0;
    let removed = 0;
    for (const group of await readdirOrEmpty(this.root)) {
      if (this.closed) break;
      if (isOwnDirectory(group)) continue;
      removed += await this.sweepGroup(path.join(this.root, group), this.parts.now().getTime() - maxAgeMs);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The removals are journalled; the checkpoint takes the files (and the personal data in them) off the disk.
    if (removed > 0 && !this.closed) await this.parts.journal.checkpoint();
    return removed;
  }

  checkpoint(): Promise<void> {
    return this.parts.journal.checkpoint();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.locks.idle();
    await this.parts.journal.close();
  }

  /** The core of `replace` and `update`: `decide` runs under the keys' locks on their stored values. */
  private commit<R>(
    keys: readonly string[],
    decide: (stored: ReadonlyMap<string, Readonly<T>>) => ReadonlyMap<string, T | null>,
    answer: (held: Map<string, Readonly<T> | null>) => R,
  ): Promise<R> {
    if (this.closed) return Promise.reject(storeClosed(this.root));
    return this.locks.withKeys(keys, async () => {
      const before = new Map<string, T>();
      for (const key of keys) {
        const entry = await this.current(key);
        if (entry) before.set(key, entry.value);
      }
      const { changes, held } = changesOf(before, decide(before), this.parts.now().toISOString());
      await this.write(changes);
      return answer(held);
    });
  }

  /** The key's newest entry: the journal's, else its file's (null: none). */
  private async load(key: string): Promise<KeyedEntry<T> | null> {
    const journalled = this.parts.journal.find(key);
    return journalled !== undefined ? journalled : this.parts.files.read(key);
  }

  private async current(key: string): Promise<KeyedEntry<T> | null> {
    const entry = await this.load(key);
    return entry && this.parts.isExpired(entry, this.parts.now().getTime()) ? null : entry;
  }

  /** Makes `changes` durable: one journal record for all of them (or, without a journal, their files). */
  private write(changes: readonly JournalChange<T>[]): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    return this.parts.journalled ? this.parts.journal.write(changes) : this.parts.files.writeBack(changes);
  }

  /** Removes the expired entries among the files of one group directory older than `cutoff`. */
  private async sweepGroup(groupDirectory: string, cutoff: number): Promise<number> {
    let removed = 0;
    for (const name of await readdirOrEmpty(groupDirectory)) {
      const file = path.join(groupDirectory, name);
      // The file's time is the last write's: only older files can hold an expired entry.
      const stat = await fs.stat(file).catch(() => null);
      if (!stat || stat.mtimeMs > cutoff) continue;
      if (await this.removeIfExpired(file)) removed += 1;
    }
    return removed;
  }

  /** Reads the entry in `file` and, under its key's lock, removes it if it is still expired. */
  private async removeIfExpired(file: string): Promise<boolean> {
    let key: string;
    try {
      const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<KeyedEntry<T>>;
      if (typeof parsed.key !== 'string' || this.parts.files.fileOf(parsed.key) !== file) return false;
      key = parsed.key;
    } catch {
      return false; // Unreadable files are left for an administrator, never removed blindly.
    }
    if (this.closed) return false;
    return this.locks.withKeys([key], async () => {
      const entry = await this.load(key).catch(() => null);
      if (!entry || !this.parts.isExpired(entry, this.parts.now().getTime())) return false;
      await this.write([{ key, entry: null }]);
      return true;
    });
  }
}

/**
 * The journal changes for `writes` (null: remove) over the values `before` them, and what each key
 * then holds. A value left as it was writes nothing; every new value is copied as JSON.
 */
function changesOf<T>(
  before: ReadonlyMap<string, T>,
  writes: ReadonlyMap<string, T | null>,
  savedAt: string,
): { changes: JournalChange<T>[]; held: Map<string, Readonly<T> | null> } {
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
  return { changes, held };
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
