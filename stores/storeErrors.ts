/**
 * Coded errors of the stores. Messages are one line, in English, for administrators: they name
 * files and directories and say what to do, and never carry a storage key or item contents
 * (keys can hold channel user ids such as phone numbers).
 */
import { CodedError } from '../services/errorCatalogue.js';
export type StoreErrorCode =
  | 'DATA_DIR_LOCKED'
  | 'DATA_DIR_UNUSABLE'
  | 'STORE_FILE_CORRUPT'
  | 'STORE_WRITE_FAILED'
  | 'STORE_CLOSED'
  | 'ETAG_CONFLICT'
  | 'STORAGE_UNAVAILABLE'
  | 'STORE_QUERY_FAILED'
  | 'TURN_LOCK_TIMEOUT'
  | 'MIGRATION_CHANGED'
  | 'MIGRATION_FAILED';

export class StoreError extends CodedError {
  declare readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** True when `error` is a StoreError, optionally with the given code. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** The short system reason of an fs error (`EACCES`, `ENOSPC`...), or its message. */
export function describeCause(cause: unknown): string {
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return cause instanceof Error ? cause.message : String(cause);
}

export function dataDirLocked(dataDir: string, lockFile: string, holderPid: number, byThisProcess: boolean): StoreError {
  const holder = byThisProcess ? `this process (pid ${holderPid})` : `process ${holderPid}`;
  return new StoreError(
    'DATA_DIR_LOCKED',
    `Data directory ${dataDir} is already in use by ${holder}: the embedded store allows one bot process per data directory ` +
      `(use PostgreSQL for several instances); if that process is gone, remove ${lockFile}.`,
  );
}

export function dataDirUnusable(dataDir: string, cause: unknown): StoreError {
  return new StoreError(
    'DATA_DIR_UNUSABLE',
    `Data directory ${dataDir} cannot be used (${describeCause(cause)}); check that it exists or can be created and is writable.`,
    { cause },
  );
}

export function storeFileCorrupt(file: string, problem: string, cause?: unknown): StoreError {
  return new StoreError(
    'STORE_FILE_CORRUPT',
    `Store file ${file} ${problem}; it was left untouched. Restore it from a backup, or move it away to start with an empty store.`,
    { cause },
  );
}

export function storeWriteFailed(file: string, cause: unknown): StoreError {
  return new StoreError(
    'STORE_WRITE_FAILED',
    `Could not write store file ${file} (${describeCause(cause)}); the change was not saved and the previous file was kept.`,
    { cause },
  );
}

export function storeClosed(file: string): StoreError {
  return new StoreError('STORE_CLOSED', `Store file ${file} is closed; the change was not saved.`);
}

export function etagConflict(): StoreError {
  return new StoreError(
    'ETAG_CONFLICT',
    'A state item was changed by another writer after it was read (eTag conflict); nothing was written.',
  );
}

export function storageUnavailable(database: string, reason: string, cause?: unknown): StoreError {
  return new StoreError(
    'STORAGE_UNAVAILABLE',
    `PostgreSQL ${database} is not reachable (${reason}); check that it runs and accepts connections from this host.`,
    { cause },
  );
}

export function storeQueryFailed(database: string, reason: string, cause?: unknown): StoreError {
  return new StoreError('STORE_QUERY_FAILED', `A query on PostgreSQL ${database} failed (${reason}); nothing was changed.`, { cause });
}

export function turnLockTimeout(waitMs: number): StoreError {
  return new StoreError(
    'TURN_LOCK_TIMEOUT',
    `Another turn of this conversation held its lock for more than ${waitMs} ms; this turn was not run.`,
  );
}

export function migrationChanged(name: string): StoreError {
  return new StoreError(
    'MIGRATION_CHANGED',
    `Migration ${name} was changed after it was applied to the database (checksum differs); restore the file and add a new migration instead.`,
  );
}

export function migrationFailed(name: string, reason: string, cause?: unknown): StoreError {
  return new StoreError('MIGRATION_FAILED', `Migration ${name} failed and was rolled back (${reason}).`, { cause });
}
