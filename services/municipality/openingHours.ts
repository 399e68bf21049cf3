import Holidays from 'date-holidays';
import {
  type ClosingDay,
  type HolidaySettings,
  type HolidayType,
  type Interval,
  type Localized,
  type Municipality,
  type OpeningHours,
  type Service,
  type TimeOfDay,
} from './municipalityData.js';
import { addDays, brusselsDateTime, weekdayOf, type Weekday } from '../brusselsTime.js';

/** Everything that can close a service on a day that normally has hours. */
export interface Closures {
  readonly holidays: HolidaySettings;
  readonly closingDays: readonly ClosingDay[];
}

export function closuresOf(municipality: Municipality): Closures {
  return { holidays: municipality.holidays, closingDays: municipality.closingDays };
}

type ClosedReason =
  | { readonly kind: 'publicHoliday'; readonly name: Localized }
  | { readonly kind: 'closingDay'; readonly reason: Localized }
  | { readonly kind: 'notOpenOnWeekday'; readonly weekday: Weekday };

export type DayHours =
  | {
      readonly open: true;
      readonly date: string;
      readonly weekday: Weekday;
      readonly intervals: readonly Interval[];
      /** Set when the municipality closes early or opens late that day. */
      readonly shortened?: { readonly from?: TimeOfDay; readonly until?: TimeOfDay; readonly reason: Localized };
    }
  | { readonly open: false; readonly date: string; readonly weekday: Weekday; readonly reason: ClosedReason };

interface NextOpening {
  readonly date: string;
  readonly weekday: Weekday;
  readonly time: TimeOfDay;
}

export type OpeningStatus =
  | { readonly open: true; readonly service: Service; readonly until: TimeOfDay; readonly today: DayHours }
  | {
      readonly open: false;
      readonly service: Service;
      /** Why it is closed now, when there is more to say than "outside the hours"; null otherwise. */
      readonly reason: ClosedReason | null;
      /** null when nothing opens within a year (misconfigured hours). */
      readonly next: NextOpening | null;
      readonly today: DayHours;
    };

const SEARCH_LIMIT_DAYS = 370;

function minutesOf(time: TimeOfDay): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The opening hours of `service` on `date` ("YYYY-MM-DD"), after public holidays and the municipality's closing days. */
export function hoursOnDay(hours: OpeningHours, closures: Closures, service: Service, date: string): DayHours {
  const weekday = weekdayOf(date);
  const holidayName = publicHolidayOn(closures.holidays, date);
  if (holidayName) return { open: false, date, weekday, reason: { kind: 'publicHoliday', name: holidayName } };

  const closings = closures.closingDays.filter(
    (c) => (c.date === date || c.yearly === date.slice(5)) && (!c.services || c.services.includes(service)),
  );
  const wholeDay = closings.find((c) => !c.from && !c.until);
  if (wholeDay) return { open: false, date, weekday, reason: { kind: 'closingDay', reason: wholeDay.reason } };

  const regular = hours[service][weekday];
  let intervals: readonly Interval[] = regular;
  let shortened: { from?: TimeOfDay; until?: TimeOfDay; reason: Localized } | undefined;
  for (const closing of closings) {
    const clipped = clip(intervals, closing.until ?? '00:00', closing.from ?? '24:00');
    if (!sameIntervals(clipped, intervals)) {
      intervals = clipped;
      shortened = {
        ...(closing.from ? { from: closing.from } : {}),
        ...(closing.until ? { until: closing.until } : {}),
        reason: closing.reason,
      };
    }
  }
  if (intervals.length === 0) {
    const reason: ClosedReason = shortened ? { kind: 'closingDay', reason: shortened.reason } : { kind: 'notOpenOnWeekday', weekday };
    return { open: false, date, weekday, reason };
  }
  return { open: true, date, weekday, intervals, ...(shortened ? { shortened } : {}) };
}

/** Keeps the parts of the intervals between `start` and `end`. */
function clip(intervals: readonly Interval[], start: TimeOfDay, end: TimeOfDay): Interval[] {
  const clipped: Interval[] = [];
  for (const [from, to] of intervals) {
    const a = Math.max(minutesOf(from), minutesOf(start));
    const b = Math.min(minutesOf(to), minutesOf(end));
    if (a < b) clipped.push([a === minutesOf(from) ? from : start, b === minutesOf(to) ? to : end]);
  }
  return clipped;
}

function sameIntervals(a: readonly Interval[], b: readonly Interval[]): boolean {
  return a.length === b.length && a.every((interval, i) => interval[0] === b[i]?.[0] && interval[1] === b[i]?.[1]);
}

/** True when `service` does not open at all on `date`. */
export function isClosedDay(hours: OpeningHours, closures: Closures, service: Service, date: string): boolean {
  return !hoursOnDay(hours, closures, service, date).open;
}

/** The first date after `date` on which `service` opens; null when none within a year. */
export function nextWorkingDay(hours: OpeningHours, closures: Closures, service: Service, date: string): string | null {
  for (let offset = 1; offset <= SEARCH_LIMIT_DAYS; offset++) {
    const candidate = addDays(date, offset);
    if (!isClosedDay(hours, closures, service, candidate)) return candidate;
  }
  return null;
}

/** The interval of `today` that `minutes` (since Brussels midnight) falls in, if any. */
function currentInterval(today: DayHours, minutes: number): Interval | undefined {
  return today.open ? today.intervals.find(([from, to]) => minutesOf(from) <= minutes && minutes < minutesOf(to)) : undefined;
}

/** Whether `service` is open at `now` (Brussels time; public holidays and closing days are closed). */
export function isOpenAt(hours: OpeningHours, closures: Closures, service: Service, now: Date): boolean {
  const local = brusselsDateTime(now);
  return currentInterval(hoursOnDay(hours, closures, service, local.date), minutesOf(local.time)) !== undefined;
}

/** Whether `service` is open at `now` and until when, or when it opens next. */
export function openingStatus(hours: OpeningHours, closures: Closures, service: Service, now: Date): OpeningStatus {
  const local = brusselsDateTime(now);
  const minutes = minutesOf(local.time);
  const today = hoursOnDay(hours, closures, service, local.date);

  let reason: ClosedReason | null = null;
  if (!today.open) {
    if (today.reason.kind !== 'notOpenOnWeekday') reason = today.reason;
  } else {
    const current = currentInterval(today, minutes);
    if (current) return { open: true, service, until: current[1], today };
    const { shortened } = today;
    const inShortenedPart =
      shortened !== undefined &&
      ((shortened.from !== undefined && minutes >= minutesOf(shortened.from)) ||
        (shortened.until !== undefined && minutes < minutesOf(shortened.until)));
    if (inShortenedPart) reason = { kind: 'closingDay', reason: shortened.reason };
    const later = today.intervals.find(([from]) => minutesOf(from) > minutes);
    if (later) return { open: false, service, reason, next: { date: today.date, weekday: today.weekday, time: later[0] }, today };
  }

  const nextDate = nextWorkingDay(hours, closures, service, local.date);
  const nextDay = nextDate ? hoursOnDay(hours, closures, service, nextDate) : null;
  const next = nextDay?.open ? { date: nextDay.date, weekday: nextDay.weekday, time: nextDay.intervals[0]![0] } : null;
  return { open: false, service, reason, next, today };
}

type HolidayNames = ReadonlyMap<string, Localized>;
const holidayCache = new Map<string, HolidayNames>();

/** The Dutch and English name of the public holiday on `date`, or null. */
export function publicHolidayOn(settings: HolidaySettings, date: string): Localized | null {
  const year = Number(date.slice(0, 4));
  const types: readonly HolidayType[] = settings.types ?? ['public'];
  const key = `${settings.country}/${settings.region ?? ''}/${[...types].sort().join(',')}/${year}`;
  let names = holidayCache.get(key);
  if (!names) {
    names = holidaysOfYear(settings, types, year);
    holidayCache.set(key, names);
  }
  return names.get(date) ?? null;
}

function holidaysOfYear(settings: HolidaySettings, types: readonly HolidayType[], year: number): HolidayNames {
  const calendar = settings.region ? new Holidays(settings.country, settings.region) : new Holidays(settings.country);
  const relevant = (list: ReturnType<Holidays['getHolidays']>) => list.filter((h) => (types as readonly string[]).includes(h.type));
  const english = new Map(relevant(calendar.getHolidays(year, 'en')).map((h) => [h.date.slice(0, 10), h.name]));
  const names = new Map<string, Localized>();
  for (const holiday of relevant(calendar.getHolidays(year, 'nl'))) {
    const date = holiday.date.slice(0, 10);
    if (!names.has(date)) names.set(date, { nl: holiday.name, en: english.get(date) ?? holiday.name });
  }
  return names;
}
