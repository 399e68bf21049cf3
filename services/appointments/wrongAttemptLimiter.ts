import { createAttemptLimiter } from '../attemptLimiter.js';

/**
 * Counts wrong booking-code/contact attempts per key (e.g. the conversation id), so codes
 * cannot be guessed by trying many. An interface, so several instances can share a
 * PostgreSQL- or Redis-backed counter later.
 */
export interface WrongAttemptLimiter {
  /** When the key may try again, or undefined when it may try now. */
  blockedUntil(key: string, now: Date): Date | undefined;
  recordWrongAttempt(key: string, now: Date): void;
}

export interface WrongAttemptLimits {
  /** Wrong attempts allowed within the window; the next attempt is refused. Default 5. */
  maxWrongAttempts: number;
  /** Default 15 minutes. */
  windowMinutes: number;
}

export const DEFAULT_WRONG_ATTEMPT_LIMITS: WrongAttemptLimits = { maxWrongAttempts: 5, windowMinutes: 15 };

/** Sliding window in process memory (the shared attempt limiter); a single instance's view only. */
export function createMemoryWrongAttemptLimiter(
  limits: WrongAttemptLimits = DEFAULT_WRONG_ATTEMPT_LIMITS,
): WrongAttemptLimiter {
  // The callers pass "now" per call; the window reads it from here.
  let nowMs = 0;
  const window = createAttemptLimiter({ maxAttempts: limits.maxWrongAttempts, windowMs: limits.windowMinutes * 60_000, now: () => nowMs });
  return {
    blockedUntil(key, now) {
      nowMs = now.getTime();
      const free = window.freeAt(key);
      return free === undefined ? undefined : new Date(free);
    },
    recordWrongAttempt(key, now) {
      nowMs = now.getTime();
      window.record(key);
    },
  };
}
