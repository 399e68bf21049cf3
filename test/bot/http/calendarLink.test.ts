import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCalendarToken, signCalendarToken, type CalendarLinkClaims } from '../../../bot/http/calendarLink.js';

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
    expect(token).toMatch(/^K7M-4XT\.0\.2026-03-05\.nl\.\d+\.[\w-]{22}$/);
    const cut = token.lastIndexOf('.');
    const [payload, signature] = [token.slice(0, cut), token.slice(cut + 1)];
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    const forgeries = [
      `${payload.replace('K7M-4XT', 'AAA-AAA')}.${signature}`,
      `${payload.replace('.0.', '.1.')}.${signature}`,
      `${payload.replace(/\.\d+$/, '.9999999999')}.${signature}`,
      `${payload}.${flipped}`,
      `${payload}.`,
      payload,
      `${token}.x`,
      '',
    ];
    for (const forged of forgeries) {
      expect(readCalendarToken(forged, secret, now), forged).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(readCalendarToken(token, randomBytes(32), now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a genuine token once it expired', () => {
    const token = signCalendarToken(claims, secret);
    expect(readCalendarToken(token, secret, new Date(claims.expiresAt * 1000 - 1)).ok).toBe(true);
    expect(readCalendarToken(token, secret, new Date(claims.expiresAt * 1000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse to sign claims that could not be read back', () => {
    expect(() => signCalendarToken({ ...claims, code: 'K7M.4XT' }, secret)).toThrow(RangeError);
  });

  it('refuse a short secret', () => {
    expect(() => signCalendarToken(claims, randomBytes(16))).toThrow(/32 bytes/);
  });
});
