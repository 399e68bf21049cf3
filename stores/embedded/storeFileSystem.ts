import * as fs from 'node:fs/promises';

/** The few file-system calls the document makes; tests inject their own to spy or to fail. */
export interface StoreFileSystem {
  readFile(file: string): Promise<string>;
  /** `wx`: create a new file, failing if it exists; `r`: open for reading (used on directories to fsync them). */
  open(file: string, flags: 'wx' | 'r'): Promise<StoreFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
}

export interface StoreFileHandle {
  writeFile(text: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeStoreFileSystem: StoreFileSystem = {
  readFile: (file) => fs.readFile(file, 'utf8'),
  // 0o600: the files hold residents' conversation state.
  open: (file, flags) => fs.open(file, flags, 0o600),
  rename: (from, to) => fs.rename(from, to),
  unlink: (file) => fs.unlink(file),
  readdir: (dir) => fs.readdir(dir),
};
