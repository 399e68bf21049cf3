/**
 * Time as residents and staff read it, in one place: instants in Europe/Brussels (computed with
 * Intl, so the host's own zone never matters), calendar-day arithmetic, and the labels residents
 * read. Days are 'YYYY-MM-DD' (a calendar day has no zone: only "which day is it in Brussels" has
 * one); times of day are 'HH:MM' or minutes since local midnight. The slot search calls this
 * thousands of times, hence the integer day numbers and the caches.
 */
import type { Language } from '../domain/language.js';

export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: BRUSSELS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

// Brussels changes offset only on whole UTC hours, so one Intl call per UTC hour is exact.
// Slot searches touch a few hundred distinct hours; the cap only guards a long-running process.
const offsetByUtcHour = new Map<number, number>();
const OFFSET_CACHE_LIMIT = 50_000;

/** Brussels' offset from UTC in minutes (60 in winter, 120 in summer) at the given instant. */
function brusselsOffsetMinutes(instantMs: number): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  const cached = offsetByUtcHour.get(hour);
  if (cached !== undefined) return cached;
  const probe = hour * HOUR_MS;
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(new Date(probe))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = Math.round((asUtc - probe) / MINUTE_MS);
  if (offsetByUtcHour.size >= OFFSET_CACHE_LIMIT) offsetByUtcHour.clear();
  offsetByUtcHour.set(hour, offset);
  return offset;
}

export interface BrusselsMoment {
  day: string;
  /** Minutes since Brussels midnight. */
  minutes: number;
}

/** The Brussels calendar day and time of day of an instant. */
export function toBrussels(instantMs: number): BrusselsMoment {
  const local = instantMs + brusselsOffsetMinutes(instantMs) * MINUTE_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  return { day: dayFromNumber(dayStart / DAY_MS), minutes: Math.floor((local - dayStart) / MINUTE_MS) };
}

/** The calendar day in Brussels at `moment` (residents' day, whatever the server's time zone). */
export function brusselsDay(moment: Date): string {
  return toBrussels(moment.getTime()).day;
}

/** The day ("YYYY-MM-DD"), time ("HH:MM") and weekday in Brussels at `now`. */
export function brusselsDateTime(now: Date): { date: string; time: string; weekday: Weekday } {
  const { day, minutes } = toBrussels(now.getTime());
  return { date: day, time: formatTime(minutes), weekday: weekdayOf(day) };
}

/**
 * The instant at which Brussels clocks show `minutes` past midnight on `day`.
 * A time repeated in autumn resolves to its first occurrence; a time skipped in spring to one hour later.
 */
export function brusselsInstant(day: string, minutes: number): number {
  const local = dayNumber(day) * DAY_MS + minutes * MINUTE_MS;
  const earlier = local - brusselsOffsetMinutes(local - 3 * HOUR_MS) * MINUTE_MS;
  if (earlier + brusselsOffsetMinutes(earlier) * MINUTE_MS === local) return earlier;
  const later = local - brusselsOffsetMinutes(local + 3 * HOUR_MS) * MINUTE_MS;
  if (later + brusselsOffsetMinutes(later) * MINUTE_MS === local) return later;
  return earlier;
}

/** ISO 8601 with Brussels' offset, e.g. 2026-03-30T09:00:00+02:00: readable for staff, exact for machines. */
export function brusselsIso(instantMs: number): string {
  const offset = brusselsOffsetMinutes(instantMs);
  const { day, minutes } = toBrussels(instantMs);
  const seconds = Math.floor((instantMs % MINUTE_MS) / 1000);
  const sign = offset >= 0 ? '+' : '-';
  return `${day}T${formatTime(minutes)}:${pad2(seconds)}${sign}${formatTime(Math.abs(offset))}`;
}

/**
 * Milliseconds since the epoch of an ISO 8601 instant. Bookings are stored as
 * `YYYY-MM-DDTHH:MM:SS±HH:MM` (or UTC `...Z`); those are read with integer arithmetic, because
 * Date.parse dominated searching 10,000 bookings, and strictly (no 29 February 2026, no 24:00).
 * Other ISO forms go through Date.parse (NaN if invalid).
 */
export function parseInstant(iso: string): number {
  const n = iso.length;
  if ((n === 25 || n === 20) && iso[4] === '-' && iso[7] === '-' && iso[10] === 'T' && iso[13] === ':' && iso[16] === ':') {
    const year = digits(iso, 0, 4);
    const month = digits(iso, 5, 2);
    const day = digits(iso, 8, 2);
    const hour = digits(iso, 11, 2);
    const minute = digits(iso, 14, 2);
    const second = digits(iso, 17, 2);
    let offset = Number.NaN;
    if (n === 20 && iso[19] === 'Z') offset = 0;
    else if (n === 25 && (iso[19] === '+' || iso[19] === '-') && iso[22] === ':') {
      offset = (iso[19] === '-' ? -1 : 1) * (digits(iso, 20, 2) * 60 + digits(iso, 23, 2));
    }
    if (
      offset === offset &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInMonth(year, month) &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59
    ) {
      const days = daysFromCivil(year, month, day);
      return ((days * 1440 + hour * 60 + minute - offset) * 60 + second) * 1000;
    }
    // Date.parse would roll 2026-02-29 or 24:00 over into the next day; a booking time must be exact.
    return Number.NaN;
  }
  return Date.parse(iso);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The integer value of `length` ASCII digits at `from`, or NaN. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-date algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The Brussels day number (days since 1970-01-01 on Brussels calendars) of an instant. */
export function brusselsDayNumber(instantMs: number): number {
  return Math.floor((instantMs + brusselsOffsetMinutes(instantMs) * MINUTE_MS) / DAY_MS);
}

/** Days since 1970-01-01 for a calendar day (no time zone involved). */
export function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (dayFromNumber(ms / DAY_MS) !== day) throw new RangeError(`not a calendar day: ${day}`);
  return ms / DAY_MS;
}

/** Whether `value` is a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

const dayNames = new Map<number, string>();

/** The day `days` after 1970-01-01. */
export function dayFromNumber(days: number): string {
  const cached = dayNames.get(days);
  if (cached !== undefined) return cached;
  const name = new Date(days * DAY_MS).toISOString().slice(0, 10);
  if (dayNames.size >= OFFSET_CACHE_LIMIT) dayNames.clear();
  dayNames.set(days, name);
  return name;
}

/** The day `count` days after `day` (negative goes back). */
export function addDays(day: string, count: number): string {
  return dayFromNumber(dayNumber(day) + count);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Day of the week as a number, 0 = Sunday … 6 = Saturday (as in data that lists weekdays by number). */
export function dayOfWeek(day: string): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

/** Day of the week by name, as the opening hours in data/ list them. */
export function weekdayOf(day: string): Weekday {
  // dayOfWeek: 0 = Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(dayOfWeek(day) + 6) % 7]!;
}

/** 'YYYY-MM-DD' of a year, month (1-12) and day of the month. */
export function calendarDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** 'YYYY-MM' of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Every 'YYYY-MM' that overlaps from..to, in order. */
export function monthsCovering(from: string, to: string): string[] {
  return monthSlices(from, to).map((slice) => monthOf(slice.from));
}

/**
 * from..to cut at month ends: one slice per month it touches, the first and last clipped to the
 * range. Months are counted as numbers, not compared as text ("10000-01" sorts before "9999-12").
 */
export function monthSlices(from: string, to: string): { from: string; to: string }[] {
  dayNumber(from);
  dayNumber(to);
  const monthIndex = (day: string) => Number(day.slice(0, -6)) * 12 + Number(day.slice(-5, -3)) - 1;
  const slices: { from: string; to: string }[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index += 1) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const first = calendarDay(year, month, 1);
    const last = calendarDay(year, month, daysInMonth(year, month));
    slices.push({ from: first < from ? from : first, to: last > to ? to : last });
  }
  return slices;
}

/**
 * The whole calendar months from..to touches: from the first of from's month to the last day of to's,
 * but not past `today` (no answers exist after it, and the running month stays visibly incomplete).
 * Survey reports are offered for whole months only, so no range can cut a month in two and single
 * out the days of one part by subtraction.
 */
export function wholeMonths(range: { from: string; to: string }, today: string): { from: string; to: string } {
  dayNumber(range.from);
  dayNumber(range.to);
  const year = Number(range.to.slice(0, -6));
  const month = Number(range.to.slice(-5, -3));
  const monthEnd = `${range.to.slice(0, -2)}${pad2(daysInMonth(year, month))}`;
  return { from: `${range.from.slice(0, -2)}01`, to: monthEnd > today && range.to <= today ? today : monthEnd };
}

/** 'HH:MM' → minutes since midnight; throws on anything else. */
export function parseTime(time: string): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`not a time (HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes since midnight → 'HH:MM' (24:00 allowed for an end of day). */
export function formatTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** A wall-clock time "HH:MM" as residents read it before "uur": "8.30", "12" (nl); "8:30", "12:00" (en). */
export function clockLabel(time: string, language: Language): string {
  const [hours = '0', minutes = '00'] = time.split(':');
  const hour = String(Number(hours));
  if (language === 'nl') return minutes === '00' ? hour : `${hour}.${minutes}`;
  return `${hour}:${minutes}`;
}

// A calendar day is formatted at UTC noon, so no zone can move it to another day.
const dayLabelFormats = {
  nl: new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
};
const shortDayLabelFormats = {
  nl: new Intl.DateTimeFormat('nl-BE', { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }),
};

/** How residents read a day ("YYYY-MM-DD") in `{{day}}`: "maandag 30 maart", "Monday 30 March". */
export function dayLabel(day: string, language: Language): string {
  return dayLabelFormats[language].format(dayNumber(day) * DAY_MS + 12 * HOUR_MS);
}

/** A day on a button that must stay short: "ma 30/3", "Mon 30/03". */
export function shortDayLabel(day: string, language: Language): string {
  return shortDayLabelFormats[language].format(dayNumber(day) * DAY_MS + 12 * HOUR_MS);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
