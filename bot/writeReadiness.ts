import type { Storage, StoreItems } from 'botbuilder';
import { errorCode } from '../services/errorCatalogue.js';

/** Failures that say the storage cannot take writes (a full disk, a database refusing), not a lost race. */
const WRITE_FAILURE_CODES = new Set(['STORE_WRITE_FAILED', 'STORE_QUERY_FAILED', 'STORAGE_UNAVAILABLE']);

/** The key the readiness check writes while writes are failing; it holds nothing but a time. */
const READINESS_PROBE_KEY = 'readiness/probe';

export interface WriteReadiness {
  /** The bot state storage, watched: every write reports whether it worked. */
  storage: Storage;
  /**
   * Whether writes work: true until a write fails; then false until one succeeds again. While failing,
   * each check tries one small write itself, so readiness comes back even when no traffic arrives.
   */
  writable(): Promise<boolean>;
}

/** Watches the writes of the bot state: `/readyz` reports not ready while turns cannot be saved. */
export function watchWrites(storage: Storage, now: () => Date = () => new Date()): WriteReadiness {
  let failing = false;
  const watched: Storage = {
    read: (keys) => storage.read(keys),
    delete: (keys) => storage.delete(keys),
    async write(changes: StoreItems) {
      try {
        await storage.write(changes);
        failing = false;
      } catch (error) {
        if (WRITE_FAILURE_CODES.has(errorCode(error))) failing = true;
        throw error;
      }
    },
  };
  return {
    storage: watched,
    async writable() {
      if (!failing) return true;
      await watched.write({ [READINESS_PROBE_KEY]: { eTag: '*', checkedAt: now().toISOString() } }).catch(() => undefined);
      return !failing;
    },
  };
}
