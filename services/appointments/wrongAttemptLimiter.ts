import { attemptKey, blockedUntil } from '../attemptLimiter.js';
import { createEmbeddedAttemptStore } from '../../stores/attempts/embeddedAttemptStore.js';
import type { AttemptStore } from '../../stores/attempts/attemptStore.js';

/**
 * Counts wrong booking-code/contact attempts per key (e.g. the conversation id), so codes
 * cannot be guessed by trying many; in the AttemptStore, so several instances share the count.
 */
export interface WrongAttemptLimiter {
  /** When the key may try again, or undefined when it may try now. */
  blockedUntil(key: string, now: Date): Promise<Date | undefined>;
  recordWrongAttempt(key: string, now: Date): Promise<void>;
}

export interface WrongAttemptLimits {
  /** Wrong attempts allowed within the window; the next attempt is refused. Default 5. */
  maxWrongAttempts: number;
  /** Default 15 minutes. */
  windowMinutes: number;
}

const DEFAULT_WRONG_ATTEMPT_LIMITS: WrongAttemptLimits = { maxWrongAttempts: 5, windowMinutes: 15 };

const SCOPE = 'booking-code';

/** Sliding window in an AttemptStore (default: one of its own in process memory). */
export function createWrongAttemptLimiter(
  limits: WrongAttemptLimits = DEFAULT_WRONG_ATTEMPT_LIMITS,
  store: AttemptStore = createEmbeddedAttemptStore(),
): WrongAttemptLimiter {
  const limit = { maxAttempts: limits.maxWrongAttempts, windowMs: limits.windowMinutes * 60_000 };
  return {
    async blockedUntil(key, now) {
      const free = await blockedUntil(store, attemptKey(SCOPE, key), limit, now.getTime());
      return free === undefined ? undefined : new Date(free);
    },
    recordWrongAttempt: (key, now) => store.record(attemptKey(SCOPE, key), now, limit.windowMs),
  };
}
