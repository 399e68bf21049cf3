/**
 * A calendar file (RFC 5545) for one appointment, so residents can add it to their agenda.
 * It holds only what the resident needs at the counter: what, when, where and the booking
 * code; never the resident's name or contact details.
 */
import type { Booking } from '../../stores/bookings/bookingStore.js';
import type { AppointmentService } from './serviceCatalog.js';
import { BRUSSELS_TIME_ZONE, parseInstant, toBrussels } from '../brusselsTime.js';

export interface IcsMunicipality {
  name: string;
  address: string;
}

export interface IcsTexts {
  /** SUMMARY, in the resident's language (from locales, e.g. appointments:ics.summary); default the Dutch service name. */
  summary?: string;
  /** DESCRIPTION, e.g. appointments:ics.description with the code and what to bring. */
  description?: string;
  /** DTSTAMP: when this file was made. */
  now: Date;
  /** Right-hand side of the UID; default derived from the municipality's name. */
  uidDomain?: string;
}

export type IcsBooking = Pick<Booking, 'code' | 'start' | 'end' | 'status' | 'revision'>;

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

// Europe/Brussels since 1996: CEST from the last Sunday of March 02:00, CET from the last Sunday of October 03:00.
const BRUSSELS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${BRUSSELS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The appointment as an iCalendar file (text/calendar). A move keeps the UID and raises SEQUENCE. */
export function bookingToIcs(
  booking: IcsBooking,
  service: Pick<AppointmentService, 'name'>,
  municipality: IcsMunicipality,
  texts: IcsTexts,
): string {
  const uidDomain = texts.uidDomain ?? `afspraken.${slug(municipality.name) || 'gemeente'}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gemeente-assistent//Afspraken//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...BRUSSELS_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${booking.code}@${uidDomain}`,
    `SEQUENCE:${booking.revision}`,
    `DTSTAMP:${utcStamp(texts.now)}`,
    `DTSTART;TZID=${BRUSSELS_TIME_ZONE}:${brusselsStamp(booking.start)}`,
    `DTEND;TZID=${BRUSSELS_TIME_ZONE}:${brusselsStamp(booking.end)}`,
    `SUMMARY:${escapeText(texts.summary ?? service.name.nl)}`,
    `LOCATION:${escapeText(`${municipality.name}, ${municipality.address}`)}`,
    ...(texts.description ? [`DESCRIPTION:${escapeText(texts.description)}`] : []),
    `STATUS:${booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Splits a content line into parts of at most 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function brusselsStamp(iso: string): string {
  const ms = parseInstant(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${iso}`);
  const { day, minutes } = toBrussels(ms);
  const seconds = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.replace(/-/g, '')}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}${pad(seconds)}`;
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
