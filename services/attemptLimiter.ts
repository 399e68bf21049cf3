/**
 * Counts attempts per key in a sliding window, e.g. failed logins per address or wrong booking
 * codes per conversation. Memory is bounded: the oldest keys are forgotten first.
 */
export interface AttemptLimiter {
  /** Whether another attempt is allowed now for this key (does not count one). */
  allows(key: string): boolean;
  /** Records one attempt (usually a failed one). */
  record(key: string): void;
  /** Forgets the key, e.g. after a successful login. */
  reset(key: string): void;
  /** Seconds until the key may try again; 0 when it may now. */
  retryAfterSeconds(key: string): number;
  /** The moment (ms since the epoch) the key may try again; undefined when it may now. */
  freeAt(key: string): number | undefined;
}

export interface AttemptLimiterOptions {
  maxAttempts: number;
  windowMs: number;
  now?: () => number;
  maxKeys?: number;
}

export function createAttemptLimiter(options: AttemptLimiterOptions): AttemptLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const attempts = new Map<string, number[]>();

  const recent = (key: string): number[] => {
    const cutoff = now() - options.windowMs;
    const kept = (attempts.get(key) ?? []).filter((time) => time > cutoff);
    if (kept.length === 0) attempts.delete(key);
    else attempts.set(key, kept);
    return kept;
  };

  const freeAt = (key: string): number | undefined => {
    const kept = recent(key);
    // Free again when enough of the oldest attempts leave the window.
    return kept.length < options.maxAttempts ? undefined : kept[kept.length - options.maxAttempts]! + options.windowMs;
  };

  return {
    allows: (key) => recent(key).length < options.maxAttempts,
    record(key) {
      const kept = recent(key);
      attempts.delete(key);
      attempts.set(key, [...kept, now()]);
      if (attempts.size > maxKeys) attempts.delete(attempts.keys().next().value as string);
    },
    reset: (key) => void attempts.delete(key),
    retryAfterSeconds(key) {
      const free = freeAt(key);
      return free === undefined ? 0 : Math.max(1, Math.ceil((free - now()) / 1000));
    },
    freeAt,
  };
}
