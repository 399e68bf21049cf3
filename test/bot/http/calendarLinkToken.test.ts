import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCalendarToken, signCalendarToken, type CalendarLinkClaims } from '../../../bot/http/calendarLinkToken.js';

const secret = randomBytes(32);
const now = new Date('2026-03-02T06:00:00Z');
const claims: CalendarLinkClaims = {
  code: 'K7M-4XT',
  revision: 0,
  day: '2026-03-05',
  language: 'nl',
  expiresAt: Date.parse('2026-03-06T16:00:00Z') / 1000,
};

describe('calendar link tokens', () => {
  it('read back what was signed', () => {
    expect(readCalendarToken(signCalendarToken(claims, secret), secret, now)).toEqual({ ok: true, claims });
  });

  it('refuse a token with a changed payload, a changed signature or another secret', () => {
    const token = signCalendarToken(claims, secret);
    const [payload, signature] = token.split('.') as [string, string];
    const otherPayload = Buffer.from(
      JSON.stringify({ c: 'AAA-AAA', r: 0, d: '2026-03-05', l: 'nl', e: claims.expiresAt }),
    ).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    for (const forged of [`${otherPayload}.${signature}`, `${payload}.${flipped}`, `${payload}.`, payload, `${token}.x`, '']) {
      expect(readCalendarToken(forged, secret, now), forged).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(readCalendarToken(token, randomBytes(32), now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a genuine token once it expired', () => {
    const token = signCalendarToken(claims, secret);
    expect(readCalendarToken(token, secret, new Date(claims.expiresAt * 1000 - 1)).ok).toBe(true);
    expect(readCalendarToken(token, secret, new Date(claims.expiresAt * 1000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse a short secret', () => {
    expect(() => signCalendarToken(claims, randomBytes(16))).toThrow(/32 bytes/);
  });
});
