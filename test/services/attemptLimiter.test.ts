import { describe, expect, it } from 'vitest';
import { attemptKey, createAttemptLimiter } from '../../services/attemptLimiter.js';
import { createEmbeddedAttemptStore } from '../../stores/attempts/embeddedAttemptStore.js';

describe('attempt limiter', () => {
  it('allows up to the maximum in the window, then blocks until the oldest attempt leaves it', async () => {
    let now = 0;
    const limiter = createAttemptLimiter({ scope: 'test', maxAttempts: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(await limiter.allows('a')).toBe(true);
      await limiter.record('a');
      now += 1000;
    }
    expect(await limiter.allows('a')).toBe(false);
    expect(await limiter.retryAfterSeconds('a')).toBe(57);
    expect(await limiter.allows('b')).toBe(true);
    now = 60_001;
    expect(await limiter.allows('a')).toBe(true);
    expect(await limiter.retryAfterSeconds('a')).toBe(0);
  });

  it('reset forgets a key', async () => {
    const limiter = createAttemptLimiter({ scope: 'test', maxAttempts: 1, windowMs: 60_000 });
    await limiter.record('a');
    expect(await limiter.allows('a')).toBe(false);
    await limiter.reset('a');
    expect(await limiter.allows('a')).toBe(true);
  });

  it('two limits on one store never count each other, and the store sees no key in clear', async () => {
    const store = createEmbeddedAttemptStore();
    const logins = createAttemptLimiter({ scope: 'logins', maxAttempts: 1, windowMs: 60_000, store });
    const chats = createAttemptLimiter({ scope: 'chats', maxAttempts: 1, windowMs: 60_000, store });
    await logins.record('203.0.113.7');
    expect(await logins.allows('203.0.113.7')).toBe(false);
    expect(await chats.allows('203.0.113.7')).toBe(true);
    expect(attemptKey('logins', '203.0.113.7')).not.toContain('203.0.113.7');
    expect(await store.recent(attemptKey('logins', '203.0.113.7'), new Date(0), 5)).toHaveLength(1);
  });

  it('the embedded store forgets the oldest keys beyond its bound', async () => {
    const store = createEmbeddedAttemptStore({ maxKeys: 2 });
    const limiter = createAttemptLimiter({ scope: 'test', maxAttempts: 1, windowMs: 60_000, store });
    await limiter.record('a');
    await limiter.record('b');
    await limiter.record('c');
    expect(await limiter.allows('a')).toBe(true);
    expect(await limiter.allows('c')).toBe(false);
  });
});
