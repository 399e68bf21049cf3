/**
 * The link to an appointment's calendar file (`/api/appointments/ics/:token`): made for the
 * booking's confirmation (`createCalendarLinks`) and checked by the route (appointmentRoutes.ts).
 * A booking code alone must never open a booking, so the link's token carries the code signed with
 * the server's secret (HMAC-SHA256), bound to one revision of the appointment and valid for a
 * limited time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CalendarLinks } from '../../services/appointments/calendarLinks.js';
import { parseInstant, toBrussels } from '../../services/brusselsTime.js';

export const CALENDAR_FILE_PATH = '/api/appointments/ics';

/** A link stays valid until this long after the appointment ends. */
const LINK_VALID_AFTER_END_SECONDS = 24 * 3600;

export interface CalendarLinkOptions {
  /** At least 32 random bytes; the same secret must check the links. */
  secret: Uint8Array;
  /** Public origin of this server ("https://assistent.gemeente.be"); empty = a link relative to the chat page. */
  baseUrl?: string;
}

export function createCalendarLinks(options: CalendarLinkOptions): CalendarLinks {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  return {
    linkFor(booking, language) {
      const token = signCalendarToken(
        {
          code: booking.code,
          revision: booking.revision,
          day: toBrussels(parseInstant(booking.start)).day,
          language,
          expiresAt: Math.floor(parseInstant(booking.end) / 1000) + LINK_VALID_AFTER_END_SECONDS,
        },
        options.secret,
      );
      return `${baseUrl}${CALENDAR_FILE_PATH}/${token}`;
    },
  };
}

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

export type CalendarTokenCheck = { ok: true; claims: CalendarLinkClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** The secret must be long enough that guessing it is hopeless. */
const MIN_SECRET_BYTES = 32;

/** HMAC-SHA256 cut to 128 bits: still beyond guessing, and the link stays short (routers cap a path parameter at 100 characters). */
const SIGNATURE_BYTES = 16;

/** `K7M-4XT.0.2026-03-05.nl.1772812800.<signature>`: the claims in plain sight, signed. */
export function signCalendarToken(claims: CalendarLinkClaims, secret: Uint8Array): string {
  checkSecret(secret);
  const payload = [claims.code, claims.revision, claims.day, claims.language, claims.expiresAt].join('.');
  if (parseClaims(payload) === undefined) throw new RangeError(`calendar link claims are not valid: ${payload}`);
  return `${payload}.${signature(payload, secret).toString('base64url')}`;
}

/** Checks the signature first, then the expiry: a forged token learns nothing, not even whether it expired. */
export function readCalendarToken(token: string, secret: Uint8Array, now: Date): CalendarTokenCheck {
  checkSecret(secret);
  const cut = token.lastIndexOf('.');
  const payload = token.slice(0, Math.max(cut, 0));
  const given = token.slice(cut + 1);
  if (cut < 0 || !/^[A-Za-z0-9_-]+$/.test(given)) return { ok: false, reason: 'invalid' };
  const expected = signature(payload, secret);
  const givenBytes = Buffer.from(given, 'base64url');
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return { ok: false, reason: 'invalid' };
  const claims = parseClaims(payload);
  if (!claims) return { ok: false, reason: 'invalid' };
  if (now.getTime() >= claims.expiresAt * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function signature(payload: string, secret: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`calendar-link.v1.${payload}`).digest().subarray(0, SIGNATURE_BYTES);
}

function checkSecret(secret: Uint8Array): void {
  if (secret.length < MIN_SECRET_BYTES) throw new RangeError(`the calendar link secret must be at least ${MIN_SECRET_BYTES} bytes`);
}

const PAYLOAD = /^([A-Z0-9]{3}-[A-Z0-9]{3})\.(0|[1-9]\d{0,5})\.(\d{4}-\d{2}-\d{2})\.(nl|en)\.([1-9]\d{0,11})$/;

function parseClaims(payload: string): CalendarLinkClaims | undefined {
  const match = PAYLOAD.exec(payload);
  if (!match) return undefined;
  const [, code, revision, day, language, expiresAt] = match as unknown as [string, string, string, string, 'nl' | 'en', string];
  return { code, revision: Number(revision), day, language, expiresAt: Number(expiresAt) };
}
