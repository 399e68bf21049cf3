import { describe, expect, it } from 'vitest';
import { bookingToIcs, escapeText, foldLine } from '../../../services/appointments/ics.js';
import type { Booking } from '../../../stores/bookings/bookingStore.js';
import { service } from './fixtures.js';

const booking: Booking = {
  code: 'K7M-4XT',
  service: 'reispas',
  counter: 'loket-2',
  start: '2026-03-30T09:00:00+02:00',
  end: '2026-03-30T09:30:00+02:00',
  name: 'Jan Peeters',
  contact: { kind: 'email', value: 'jan.peeters@example.org' },
  status: 'booked',
  createdAt: '2026-03-20T10:00:00.000Z',
  requestId: 'activity-1',
  revision: 0,
};
const municipality = { name: 'Gemeente Zonnebeke', address: 'Langemarkstraat 8, 8980 Zonnebeke' };
const now = new Date('2026-03-20T10:00:05.123Z');

const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const lines = (ics: string) => unfold(ics).split('\r\n');

describe('bookingToIcs', () => {
  const ics = bookingToIcs(booking, service('reispas'), municipality, {
    summary: 'Afspraak aan het loket: reispas aanvragen',
    description: 'Uw afspraakcode is K7M-4XT. Breng mee: uw identiteitskaart, een pasfoto; en uw oude reispas.\nTot dan!',
    now,
  });

  it('uses CRLF line ends only and ends with one', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every physical line within 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/\r\n /); // the description is long enough to be folded
  });

  it('writes local Brussels times with TZID and a matching VTIMEZONE', () => {
    const all = lines(ics);
    expect(all).toContain('DTSTART;TZID=Europe/Brussels:20260330T090000');
    expect(all).toContain('DTEND;TZID=Europe/Brussels:20260330T093000');
    expect(all).toContain('BEGIN:VTIMEZONE');
    expect(all).toContain('TZID:Europe/Brussels');
    expect(all).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(all.indexOf('END:VTIMEZONE')).toBeLessThan(all.indexOf('BEGIN:VEVENT'));
  });

  it('derives UID from the booking code and stamps the time in UTC', () => {
    const all = lines(ics);
    expect(all).toContain('UID:K7M-4XT@afspraken.gemeente-zonnebeke');
    expect(all).toContain('DTSTAMP:20260320T100005Z');
    expect(all).toContain('SEQUENCE:0');
    expect(all).toContain('VERSION:2.0');
    expect(all.some((line) => line.startsWith('PRODID:'))).toBe(true);
  });

  it('escapes text values', () => {
    const all = lines(ics);
    expect(all).toContain('LOCATION:Gemeente Zonnebeke\\, Langemarkstraat 8\\, 8980 Zonnebeke');
    expect(all).toContain(
      'DESCRIPTION:Uw afspraakcode is K7M-4XT. Breng mee: uw identiteitskaart\\, een pasfoto\\; en uw oude reispas.\\nTot dan!',
    );
    expect(all).toContain('SUMMARY:Afspraak aan het loket: reispas aanvragen');
  });

  it('holds no personal data', () => {
    expect(ics).not.toContain('Peeters');
    expect(ics).not.toContain('example.org');
  });

  it('falls back to the Dutch service name and marks a move and a cancellation', () => {
    const moved = lines(bookingToIcs({ ...booking, revision: 2 }, service('reispas'), municipality, { now }));
    expect(moved).toContain('SUMMARY:Reispas aanvragen');
    expect(moved).toContain('SEQUENCE:2');
    expect(moved).toContain('STATUS:CONFIRMED');
    const cancelled = lines(bookingToIcs({ ...booking, status: 'cancelled' }, service('reispas'), municipality, { now }));
    expect(cancelled).toContain('STATUS:CANCELLED');
  });

  it('writes winter times without shifting them', () => {
    const winter = lines(
      bookingToIcs({ ...booking, start: '2026-03-27T08:00:00Z', end: '2026-03-27T08:30:00Z' }, service('reispas'), municipality, { now }),
    );
    expect(winter).toContain('DTSTART;TZID=Europe/Brussels:20260327T090000');
  });
});

describe('escapeText', () => {
  it('escapes backslash first, then separators and newlines', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('never splits a multi-byte character and unfolds to the original', () => {
    const original = `DESCRIPTION:${'één café, Zoë en 🎉 '.repeat(12)}`;
    const folded = foldLine(original);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      // A split inside a character would leave half a surrogate pair behind.
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    parts.slice(1).forEach((part) => expect(part.startsWith(' ')).toBe(true));
    expect(folded.replace(/\r\n /g, '')).toBe(original);
  });

  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:kort')).toBe('SUMMARY:kort');
    const exactly75 = `X:${'a'.repeat(73)}`;
    expect(foldLine(exactly75)).toBe(exactly75);
  });
});
