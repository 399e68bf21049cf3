import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from '../../services/attemptLimiter.js';

describe('attempt limiter', () => {
  it('allows up to the maximum in the window, then blocks until the oldest attempt leaves it', () => {
    let now = 0;
    const limiter = createAttemptLimiter({ maxAttempts: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.allows('a')).toBe(true);
      limiter.record('a');
      now += 1000;
    }
    expect(limiter.allows('a')).toBe(false);
    expect(limiter.retryAfterSeconds('a')).toBe(57);
    expect(limiter.allows('b')).toBe(true);
    now = 60_001;
    expect(limiter.allows('a')).toBe(true);
    expect(limiter.retryAfterSeconds('a')).toBe(0);
  });

  it('reset forgets a key', () => {
    const limiter = createAttemptLimiter({ maxAttempts: 1, windowMs: 60_000 });
    limiter.record('a');
    expect(limiter.allows('a')).toBe(false);
    limiter.reset('a');
    expect(limiter.allows('a')).toBe(true);
  });

  it('forgets the oldest keys beyond its bound', () => {
    const limiter = createAttemptLimiter({ maxAttempts: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.record('a');
    limiter.record('b');
    limiter.record('c');
    expect(limiter.allows('a')).toBe(true);
    expect(limiter.allows('c')).toBe(false);
  });
});
