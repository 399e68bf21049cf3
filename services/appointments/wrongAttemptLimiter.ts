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

/** Sliding window in process memory; a single instance's view only. */
export function createMemoryWrongAttemptLimiter(
  limits: WrongAttemptLimits = DEFAULT_WRONG_ATTEMPT_LIMITS,
): WrongAttemptLimiter {
  const windowMs = limits.windowMinutes * 60_000;
  const attempts = new Map<string, number[]>();

  const recent = (key: string, nowMs: number): number[] => {
    const kept = (attempts.get(key) ?? []).filter((at) => at > nowMs - windowMs);
    if (kept.length === 0) attempts.delete(key);
    else attempts.set(key, kept);
    return kept;
  };

  return {
    blockedUntil(key, now) {
      const kept = recent(key, now.getTime());
      if (kept.length < limits.maxWrongAttempts) return undefined;
      // Free again when enough of the oldest attempts leave the window.
      return new Date(kept[kept.length - limits.maxWrongAttempts]! + windowMs);
    },
    recordWrongAttempt(key, now) {
      const nowMs = now.getTime();
      if (attempts.size > 10_000) for (const other of [...attempts.keys()]) recent(other, nowMs);
      attempts.set(key, [...recent(key, nowMs), nowMs]);
    },
  };
}
