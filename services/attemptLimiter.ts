import { createHash } from 'node:crypto';
import { createEmbeddedAttemptStore } from '../stores/attempts/embeddedAttemptStore.js';
import type { AttemptStore } from '../stores/attempts/attemptStore.js';

/**
 * Counts attempts per key in a sliding window, e.g. failed logins per address or new chats per
 * address, in an AttemptStore shared by every instance (PostgreSQL) or by the one process (embedded).
 */
export interface AttemptLimiter {
  /** Whether another attempt is allowed now for this key (does not count one). */
  allows(key: string): Promise<boolean>;
  /** Records one attempt (usually a failed one). */
  record(key: string): Promise<void>;
  /** Forgets the key, e.g. after a successful login. */
  reset(key: string): Promise<void>;
  /** Seconds until the key may try again; 0 when it may now. */
  retryAfterSeconds(key: string): Promise<number>;
}

export interface AttemptLimit {
  maxAttempts: number;
  windowMs: number;
}

export interface AttemptLimiterOptions extends AttemptLimit {
  /** Names the limit, so limits on one store never count each other's attempts (`staff-address`). */
  scope: string;
  /** Default: a store of its own in process memory (tests, a single limiter). */
  store?: AttemptStore;
  now?: () => number;
}

/** The store key for a limit's key: a hash, so the store holds no address or account name. */
export function attemptKey(scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\u0000${key}`).digest('base64url');
}

/** When the attempts (newest first, within the window) free the key again: once the oldest of the last `maxAttempts` leaves the window. */
function freeAt(newestFirst: readonly Date[], limit: AttemptLimit): number | undefined {
  const oldestCounted = newestFirst[limit.maxAttempts - 1];
  return oldestCounted === undefined ? undefined : oldestCounted.getTime() + limit.windowMs;
}

/** The moment the key may try again (ms since the epoch), or undefined when it may now. */
export async function blockedUntil(store: AttemptStore, key: string, limit: AttemptLimit, now: number): Promise<number | undefined> {
  return freeAt(await store.recent(key, new Date(now - limit.windowMs), limit.maxAttempts), limit);
}

export function createAttemptLimiter(options: AttemptLimiterOptions): AttemptLimiter {
  const now = options.now ?? Date.now;
  const store = options.store ?? createEmbeddedAttemptStore();
  const keyOf = (key: string) => attemptKey(options.scope, key);
  const until = (key: string) => blockedUntil(store, keyOf(key), options, now());
  return {
    allows: async (key) => (await until(key)) === undefined,
    record: (key) => store.record(keyOf(key), new Date(now()), options.windowMs),
    reset: (key) => store.reset(keyOf(key)),
    async retryAfterSeconds(key) {
      const free = await until(key);
      return free === undefined ? 0 : Math.max(1, Math.ceil((free - now()) / 1000));
    },
  };
}
