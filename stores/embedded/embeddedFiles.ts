import * as fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../bot/logger.js';
import type { DurableDocument } from './durableDocument.js';
import { lockDataDir, type DataDirLock } from './dataDirLock.js';
import { openJsonFileDocument, type JsonFileDocument } from './jsonFileDocument.js';
import type { StoreFileSystem } from './durableFiles.js';
import { dataDirUnusable, StoreError } from '../storeErrors.js';

/** The embedded store's files in one data directory, owned by this process until `close`. */
export interface EmbeddedFiles {
  readonly dataDir: string;
  /** Opens `DATA_DIR/<name>.json`, created with `defaults` if missing; the same name always gives the same instance. */
  document<T>(name: string, defaults: T): Promise<DurableDocument<T>>;
  /** Waits for pending writes, then releases the data-directory lock. */
  close(): Promise<void>;
}

export interface EmbeddedFilesOptions {
  logger: Logger;
  fileSystem?: StoreFileSystem;
}

// Names become file names: no separators, no dots, so a name can never leave the directory.
const DOCUMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Creates `dataDir` if needed and takes its lock (DATA_DIR_LOCKED if another bot process uses it). */
export async function openEmbeddedFiles(dataDir: string, options: EmbeddedFilesOptions): Promise<EmbeddedFiles> {
  const directory = path.resolve(dataDir);
  try {
    await fs.mkdir(directory, { recursive: true });
  } catch (error) {
    throw dataDirUnusable(directory, error);
  }
  const lock: DataDirLock = await lockDataDir(directory, { logger: options.logger });
  options.logger.info('data_dir_opened', { dataDir: directory });

  const documents = new Map<string, Promise<JsonFileDocument<unknown>>>();
  let closing: Promise<void> | null = null;

  return {
    dataDir: directory,

    document<T>(name: string, defaults: T): Promise<DurableDocument<T>> {
      if (!DOCUMENT_NAME.test(name)) {
        return Promise.reject(new RangeError(`Embedded store document name "${name}" must be letters, digits, - or _`));
      }
      if (closing) {
        return Promise.reject(new StoreError('STORE_CLOSED', `Data directory ${directory} is closed; cannot open ${name}.json.`));
      }
      let opening = documents.get(name);
      if (!opening) {
        opening = openJsonFileDocument<unknown>(path.join(directory, `${name}.json`), defaults, options);
        documents.set(name, opening);
        // A failed open (a corrupt file) is not remembered: it can be retried once an administrator fixed the file.
        opening.catch(() => {
          if (documents.get(name) === opening) documents.delete(name);
        });
      }
      return opening as Promise<DurableDocument<T>>;
    },

    close(): Promise<void> {
      closing ??= (async () => {
        const opened = await Promise.allSettled(documents.values());
        for (const result of opened) {
          if (result.status === 'fulfilled') await result.value.close();
        }
        await lock.release();
        options.logger.info('data_dir_closed', { dataDir: directory });
      })();
      return closing;
    },
  };
}
