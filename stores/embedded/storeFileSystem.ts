import * as fs from 'node:fs/promises';

/** The few file-system calls the document makes; tests inject their own to spy or to fail. */
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
