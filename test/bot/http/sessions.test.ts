import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSessionStore, readCookie, sessionCookie } from '../../../bot/http/sessions.js';

describe('sessions', () => {
  it('finds a session until it expires, with sliding expiry', () => {
    let now = 0;
    const store = createSessionStore({ ttlMs: 1000, now: () => now });
    const id = store.create('staff:an');
    now = 900;
    expect(store.get(id)?.subject).toBe('staff:an');
    now = 1800;
    expect(store.get(id)?.subject).toBe('staff:an');
    now = 2900;
    expect(store.get(id)).toBeUndefined();
  });

  it('forgets destroyed and unknown sessions', () => {
    const store = createSessionStore({ ttlMs: 1000 });
    const id = store.create('x');
    store.destroy(id);
    expect(store.get(id)).toBeUndefined();
    expect(store.get('made-up')).toBeUndefined();
    expect(store.get(undefined)).toBeUndefined();
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
