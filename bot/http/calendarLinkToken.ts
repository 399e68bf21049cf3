/**
 * The token in a calendar-file link (`/api/appointments/ics/:token`). A booking code alone must
 * never open a booking, so the link carries the code signed with the server's secret (HMAC-SHA256),
 * bound to one revision of the appointment and valid for a limited time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CalendarLinkClaims {
  /** Formatted booking code, e.g. K7M-4XT. */
  code: string;
  /** The revision the link was made for: after a move, the old link no longer opens anything. */
  revision: number;
  /** The appointment's Brussels day, 'YYYY-MM-DD': where to look the booking up. */
  day: string;
  /** Language of the texts in the calendar file. */
  language: 'nl' | 'en';
  /** Seconds since the epoch after which the link is refused. */
  expiresAt: number;
}

export type CalendarTokenCheck =
  | { ok: true; claims: CalendarLinkClaims }
  | { ok: false; reason: 'invalid' | 'expired' };

/** The secret must be long enough that guessing it is hopeless. */
export const MIN_SECRET_BYTES = 32;

export function signCalendarToken(claims: CalendarLinkClaims, secret: Uint8Array): string {
  checkSecret(secret);
  const payload = Buffer.from(
    JSON.stringify({ c: claims.code, r: claims.revision, d: claims.day, l: claims.language, e: claims.expiresAt }),
  ).toString('base64url');
  return `${payload}.${signature(payload, secret).toString('base64url')}`;
}

/** Checks the signature first, then the expiry: a forged token learns nothing, not even whether it expired. */
export function readCalendarToken(token: string, secret: Uint8Array, now: Date): CalendarTokenCheck {
  checkSecret(secret);
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]!) || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) {
    return { ok: false, reason: 'invalid' };
  }
  const [payload, given] = parts as [string, string];
  const expected = signature(payload, secret);
  const givenBytes = Buffer.from(given, 'base64url');
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return { ok: false, reason: 'invalid' };
  const claims = parseClaims(payload);
  if (!claims) return { ok: false, reason: 'invalid' };
  if (now.getTime() >= claims.expiresAt * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function signature(payload: string, secret: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`calendar-link.v1.${payload}`).digest();
}

function checkSecret(secret: Uint8Array): void {
  if (secret.length < MIN_SECRET_BYTES) throw new RangeError(`the calendar link secret must be at least ${MIN_SECRET_BYTES} bytes`);
}

function parseClaims(payload: string): CalendarLinkClaims | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const { c, r, d, l, e } = (raw ?? {}) as Record<string, unknown>;
  if (typeof c !== 'string' || typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return undefined;
  if (!Number.isInteger(r) || !Number.isInteger(e) || (l !== 'nl' && l !== 'en')) return undefined;
  return { code: c, revision: r as number, day: d, language: l, expiresAt: e as number };
}
