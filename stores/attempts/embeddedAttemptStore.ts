import type { AttemptStore } from './attemptStore.js';

export interface EmbeddedAttemptStoreOptions {
  /** Keys kept at most; the least recently used are forgotten first. Default 10,000. */
  maxKeys?: number;
}

/**
 * AttemptStore in process memory. The embedded store serves one process, so memory is shared by all
 * of it; attempts are not written to DATA_DIR (a write per token request would cost more than it
 * protects), so a restart forgets them.
 */
export function createEmbeddedAttemptStore(options: EmbeddedAttemptStoreOptions = {}): AttemptStore {
  const maxKeys = options.maxKeys ?? 10_000;
  // Per key: [time, expiry] pairs in ms, oldest first.
  const attempts = new Map<string, [number, number][]>();
  const unexpired = (key: string, now: number) => (attempts.get(key) ?? []).filter(([, expiry]) => expiry > now);
  return {
    async record(key, at, windowMs) {
      const kept = unexpired(key, at.getTime());
      attempts.delete(key);
      attempts.set(key, [...kept, [at.getTime(), at.getTime() + windowMs]]);
      if (attempts.size > maxKeys) attempts.delete(attempts.keys().next().value as string);
    },
    async recent(key, since, limit) {
      return (attempts.get(key) ?? [])
        .map(([time]) => time)
        .filter((time) => time > since.getTime())
        .sort((a, b) => b - a)
        .slice(0, limit)
        .map((time) => new Date(time));
    },
    async reset(key) {
      attempts.delete(key);
    },
  };
}
