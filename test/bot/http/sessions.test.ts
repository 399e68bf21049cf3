import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSessions, readCookie, sessionCookie } from '../../../bot/http/sessions.js';

describe('sessions', () => {
  it('finds a session until it expires, with sliding expiry', async () => {
    let now = 0;
    const sessions = createSessions({ ttlMs: 10 * 60_000, now: () => now });
    const id = await sessions.create('staff:an');
    now = 9 * 60_000;
    expect((await sessions.get(id))?.subject).toBe('staff:an');
    now = 18 * 60_000;
    expect((await sessions.get(id))?.subject).toBe('staff:an');
    now = 29 * 60_000;
    expect(await sessions.get(id)).toBeUndefined();
  });

  it('forgets destroyed and unknown sessions', async () => {
    const sessions = createSessions({ ttlMs: 1000 });
    const id = await sessions.create('x');
    await sessions.destroy(id);
    expect(await sessions.get(id)).toBeUndefined();
    expect(await sessions.get('made-up-but-long-enough')).toBeUndefined();
    expect(await sessions.get(undefined)).toBeUndefined();
  });

  it('writes http-only same-site cookies and reads them back', () => {
    const cookie = sessionCookie('staff_session', 'abc', { path: '/staff', secure: true });
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Secure');
    expect(sessionCookie('s', 'abc', { path: '/', secure: false })).not.toContain('Secure');
    const req = { headers: { cookie: 'other=1; staff_session=abc=; x=2' } } as IncomingMessage;
    expect(readCookie(req, 'staff_session')).toBe('abc=');
    expect(readCookie(req, 'missing')).toBeUndefined();
  });
});
