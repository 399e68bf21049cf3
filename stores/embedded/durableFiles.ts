/**
 * The embedded store's files: the few file-system calls it makes (`StoreFileSystem`, which tests
 * replace to spy or to fail) and writing a file durably through them (temp file, fsync, rename,
 * directory fsync), for lowdb documents (`DurableJsonFileAdapter`) and the journal alike.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { describeCause, storeFileCorrupt } from '../storeErrors.js';

/** The file-system calls of the embedded store's documents and journals. */
export interface StoreFileSystem {
  readFile(file: string): Promise<string>;
  /** `wx`: create a new file, failing if it exists; `r`: open for reading (used on directories to fsync them). */
  open(file: string, flags: 'wx' | 'r'): Promise<StoreFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /** Opens `file` for appending, creating it (0600) if missing: the journal of keyed documents. */
  openAppend(file: string): Promise<StoreAppendHandle>;
}

export interface StoreFileHandle {
  writeFile(text: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreAppendHandle {
  /** Appends `text` at the end of the file. */
  append(text: string): Promise<void>;
  /** fdatasync: the appended bytes (and the file's new length) are on disk. */
  datasync(): Promise<void>;
  /** Cuts the file back to `length` bytes (a failed append's remains). */
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export const nodeStoreFileSystem: StoreFileSystem = {
  readFile: (file) => fs.readFile(file, 'utf8'),
  // 0o600: the files hold residents' conversation state.
  open: (file, flags) => fs.open(file, flags, 0o600),
  rename: (from, to) => fs.rename(from, to),
  unlink: (file) => fs.unlink(file),
  readdir: (dir) => fs.readdir(dir),
  async openAppend(file) {
    const handle = await fs.open(file, 'a', 0o600);
    return {
      append: (text) => handle.writeFile(text),
      datasync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
};

export interface DurableAdapterOptions {
  /** Where temp files are made (same file system); default: next to the file. */
  tempDirectory?: string;
  /** How temp file names start; they always end in `.tmp`. */
  tempPrefix?: string;
}

/** The text of a document as the embedded store writes it. */
export function serialise(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/**
 * lowdb adapter that writes durably: a uniquely named temp file in the same directory, fsynced,
 * renamed over the old file, then the directory fsynced. lowdb's own TextFile adapter does neither
 * fsync nor unique temp names.
 */
export class DurableJsonFileAdapter<T> implements Adapter<T> {
  /** False until the file has been read or written. */
  exists = false;

  constructor(
    readonly file: string,
    private readonly defaults: T,
    private readonly fileSystem: StoreFileSystem,
    private readonly options: DurableAdapterOptions = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.fileSystem.readFile(this.file);
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return null;
      throw storeFileCorrupt(this.file, `cannot be read (${describeCause(error)})`, error);
    }
    if (text.trim() === '') throw storeFileCorrupt(this.file, 'is empty');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw storeFileCorrupt(this.file, 'is not valid JSON', error);
    }
    const problem = shapeProblem(parsed, this.defaults, '');
    if (problem !== null) throw storeFileCorrupt(this.file, `has the wrong shape (${problem})`);
    this.exists = true;
    // Top-level collections added in a later version start from their defaults; written at the next update.
    return isPlainObject(parsed) && isPlainObject(this.defaults) ? ({ ...structuredClone(this.defaults), ...parsed } as T) : (parsed as T);
  }

  async write(data: T): Promise<void> {
    await this.writeText(serialise(data));
  }

  async writeText(text: string): Promise<void> {
    const directory = path.dirname(this.file);
    const temp = path.join(this.options.tempDirectory ?? directory, `${this.options.tempPrefix ?? ''}${randomUUID()}.tmp`);
    let renamed = false;
    try {
      const handle = await this.fileSystem.open(temp, 'wx');
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.fileSystem.rename(temp, this.file);
      renamed = true;
      // Makes the rename itself durable. If this fails the new text may already be visible on disk;
      // the caller still hears "failed" because its durability is not known.
      await syncDirectory(directory, this.fileSystem);
    } catch (error) {
      if (!renamed) await this.fileSystem.unlink(temp).catch(() => undefined);
      throw error;
    }
    this.exists = true;
  }
}

export async function syncDirectory(directory: string, fileSystem: StoreFileSystem): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fileSystem.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why `value` cannot be the document whose empty form is `defaults`, or null. Checked against the
 * defaults' structure, at every level: their objects must be objects, their lists lists, their
 * scalars of the same type. A file of another collection, or one edited by hand into another form,
 * is refused at start-up instead of failing turns later.
 */
function shapeProblem(value: unknown, defaults: unknown, at: string): string | null {
  const where = at || 'the document';
  if (Array.isArray(defaults)) return Array.isArray(value) ? null : `${where} must be a list`;
  if (isPlainObject(defaults)) {
    if (!isPlainObject(value)) return `${where} must be an object`;
    for (const [key, inner] of Object.entries(defaults)) {
      if (!(key in value)) continue; // Added in a later version: starts from its default.
      const problem = shapeProblem(value[key], inner, at ? `${at}.${key}` : key);
      if (problem !== null) return problem;
    }
    return null;
  }
  return typeof value === typeof defaults && value !== null ? null : `${where} must be a ${typeof defaults}`;
}
