/**
 * Free appointment slots, computed purely from the opening hours, closing days, booking rules
 * and existing bookings. All times are Europe/Brussels wall-clock times.
 */
import type { Booking, RoomRule } from '../../stores/bookings/bookingStore.js';
import type { AppointmentService, BookingRules } from './serviceCatalog.js';
import {
  addDays,
  brusselsDayNumber,
  brusselsInstant,
  brusselsIso,
  dayFromNumber,
  dayNumber,
  formatTime,
  isCalendarDay,
  parseInstant,
  parseTime,
  toBrussels,
  weekdayOf,
  WEEKDAYS,
  type Weekday,
} from '../brusselsTime.js';

/** The part of a booking that occupies a place: what slot search and stores compare. */
export interface OccupiedPlace {
  service: string;
  counter: string;
  startMs: number;
  endMs: number;
}

/**
 * The capacity rule, shared by slot search and every store so they never disagree:
 * a counter serves one resident at a time, and at most `capacity` residents of the
 * same appointment type are served in parallel.
 * Returns the counters (in preference order) that can take [startMs, endMs); empty when full.
 * `from`/`to` limit the scan to a window of `occupied` (slot search passes the places that can overlap).
 */
export function countersWithRoom(
  occupied: readonly OccupiedPlace[],
  startMs: number,
  endMs: number,
  room: RoomRule,
  from = 0,
  to = occupied.length,
): string[] {
  let sameService = 0;
  let busy: Set<string> | undefined;
  for (let i = from; i < to; i += 1) {
    const place = occupied[i]!;
    if (place.startMs < endMs && place.endMs > startMs) {
      (busy ??= new Set()).add(place.counter);
      if (place.service === room.service) sameService += 1;
    }
  }
  const left = room.capacity - sameService;
  if (left <= 0) return [];
  const free = busy === undefined ? [...room.counters] : room.counters.filter((counter) => !busy.has(counter));
  return free.slice(0, left);
}

const MINUTE_MS = 60_000;

/** Opening intervals per weekday, e.g. `{ monday: [["08:30","12:00"],["13:30","16:00"]], sunday: [] }`. */
export type WeeklyHours = Partial<Record<Weekday, ReadonlyArray<readonly [string, string]>>>;

/** The fields of an appointment type that slot search needs. */
export type SlotService = Pick<AppointmentService, 'id' | 'durationMinutes' | 'counters' | 'capacity'>;

/** The fields of a booking that slot search needs. */
export type BookedPlace = Pick<Booking, 'service' | 'counter' | 'start' | 'end' | 'status'>;

/** Active bookings per Brussels day, in the form slot search compares. */
export type BookingDayIndex = ReadonlyMap<string, readonly OccupiedPlace[]>;

export interface SlotSearch {
  service: SlotService;
  weeklyHours: WeeklyHours;
  /** True on holidays and the municipality's closing days. */
  isClosed: (day: string) => boolean;
  /** The day's opening intervals when it is only partly closed (e.g. open from 10:30); undefined on ordinary days. */
  shortenedHours?: (day: string) => readonly (readonly [string, string])[] | undefined;
  rules: BookingRules;
  /** Existing bookings (any status; only `booked` ones take a place), or an index built once with `indexBookingsByDay`. */
  bookings: readonly BookedPlace[] | BookingDayIndex;
  now: Date;
  /** Search from this day ('YYYY-MM-DD') or instant (ISO 8601) on; never before `now` plus the lead time. */
  from?: string;
  /** At most this many slots (freeSlots only); default 10. */
  limit?: number;
}

export interface FreeSlot {
  service: string;
  day: string;
  /** Start and end as Brussels wall-clock 'HH:MM'. */
  time: string;
  endTime: string;
  /** ISO 8601 with Brussels' offset: pass `start` back to book. */
  start: string;
  end: string;
  /** Residents that can still book this slot. */
  places: number;
}

/** Why a requested moment cannot be booked. */
export type Unbookable =
  | { code: 'past' }
  /** Not past, but inside the minimum lead time. */
  | { code: 'tooSoon' }
  | { code: 'beyondHorizon'; lastDay: string }
  | { code: 'closedDay'; day: string }
  /** The counter is open that day, but no appointment of this type starts at that time. */
  | { code: 'outsideHours' }
  | { code: 'full' };

/** The earliest free slots, in order. */
export function freeSlots(search: SlotSearch): FreeSlot[] {
  const limit = search.limit ?? 10;
  const found: FreeSlot[] = [];
  if (limit <= 0) return found;
  for (const slot of generateFreeSlots(search)) {
    found.push(slot);
    if (found.length >= limit) break;
  }
  return found;
}

/** All free slots from `from` (or now) to the end of the horizon, lazily and in order. */
export function* generateFreeSlots(search: SlotSearch): Generator<FreeSlot> {
  const plan = planSearch(search);
  const index = isDayIndex(search.bookings) ? search.bookings : indexBookingsByDay(search.bookings, search.service);
  const room = { service: search.service.id, counters: search.service.counters, capacity: search.service.capacity };
  const durationMs = search.service.durationMinutes * MINUTE_MS;
  const fromMs = Math.max(plan.earliestMs, plan.fromMs);
  for (let day = plan.firstDay; day <= plan.lastDay; day = addDays(day, 1)) {
    const starts = plan.startsOn(day);
    if (starts.length === 0) continue;
    const occupied = index.get(day) ?? [];
    const longestMs = occupied.reduce((longest, place) => Math.max(longest, place.endMs - place.startMs), 0);
    const instant = instantsFor(day, starts);
    // Slots come in increasing order, so the places that can overlap form a sliding window of the sorted day:
    // they start before the slot ends and no earlier than the longest booking before the slot starts.
    let low = 0;
    let high = 0;
    for (const minutes of starts) {
      const startMs = instant(minutes);
      if (!(startMs >= fromMs)) continue;
      const endMs = startMs + durationMs;
      while (low < occupied.length && occupied[low]!.startMs + longestMs <= startMs) low += 1;
      while (high < occupied.length && occupied[high]!.startMs < endMs) high += 1;
      const counters = countersWithRoom(occupied, startMs, endMs, room, low, high);
      if (counters.length === 0) continue;
      yield {
        service: search.service.id,
        day,
        time: formatTime(minutes),
        endTime: formatTime(minutes + search.service.durationMinutes),
        start: brusselsIso(startMs),
        end: brusselsIso(endMs),
        places: counters.length,
      };
    }
  }
}

/**
 * Whether an appointment of this type may start at `start` (ISO instant), bookings aside:
 * on the slot grid, inside opening hours, on an open day, after the lead time, within the horizon.
 */
export function checkBookableStart(
  search: Omit<SlotSearch, 'bookings' | 'from' | 'limit'>,
  start: string,
): { ok: true; startMs: number; endMs: number } | { ok: false; reason: Unbookable } {
  const startMs = parseInstant(start);
  if (Number.isNaN(startMs)) return { ok: false, reason: { code: 'outsideHours' } };
  const plan = planSearch({ ...search, bookings: [] });
  const { day, minutes } = toBrussels(startMs);
  if (startMs < plan.nowMs) return { ok: false, reason: { code: 'past' } };
  if (day > plan.lastDay) return { ok: false, reason: { code: 'beyondHorizon', lastDay: plan.lastDay } };
  if (plan.isClosedDay(day)) return { ok: false, reason: { code: 'closedDay', day } };
  const onGrid = plan.startsOn(day).includes(minutes) && brusselsInstant(day, minutes) === startMs;
  if (!onGrid) return { ok: false, reason: { code: 'outsideHours' } };
  if (startMs < plan.earliestMs) return { ok: false, reason: { code: 'tooSoon' } };
  return { ok: true, startMs, endMs: startMs + search.service.durationMinutes * MINUTE_MS };
}

/** Active bookings grouped by the Brussels day they touch, each day sorted by start; build once when searching many times. */
export function indexBookingsByDay(bookings: readonly BookedPlace[], onlyFor?: SlotService): BookingDayIndex {
  const relevantCounters = onlyFor ? new Set(onlyFor.counters) : undefined;
  const byDayNumber = new Map<number, OccupiedPlace[]>();
  for (const booking of bookings) {
    if (booking.status !== 'booked') continue;
    // Other services at other counters can never take this service's place.
    if (onlyFor && booking.service !== onlyFor.id && !relevantCounters!.has(booking.counter)) continue;
    const startMs = parseInstant(booking.start);
    const endMs = parseInstant(booking.end);
    if (!(endMs > startMs)) continue;
    const place: OccupiedPlace = { service: booking.service, counter: booking.counter, startMs, endMs };
    const lastDay = brusselsDayNumber(endMs - 1);
    for (let day = brusselsDayNumber(startMs); day <= lastDay; day += 1) {
      const list = byDayNumber.get(day);
      if (list) list.push(place);
      else byDayNumber.set(day, [place]);
    }
  }
  const index = new Map<string, OccupiedPlace[]>();
  for (const [day, places] of byDayNumber)
    index.set(
      dayFromNumber(day),
      places.sort((a, b) => a.startMs - b.startMs),
    );
  return index;
}

function isDayIndex(bookings: SlotSearch['bookings']): bookings is BookingDayIndex {
  return bookings instanceof Map;
}

/** The parts of a search that do not depend on bookings. */
export interface SearchPlan {
  nowMs: number;
  /** now + minimum lead time. */
  earliestMs: number;
  fromMs: number;
  today: string;
  firstDay: string;
  /** The last bookable day (today + horizon). */
  lastDay: string;
  isClosedDay(day: string): boolean;
  /** Minutes after midnight at which this service can start on `day` (empty on closed days). */
  startsOn(day: string): number[];
}

export function planSearch(search: SlotSearch): SearchPlan {
  const { rules, service } = search;
  const nowMs = search.now.getTime();
  const earliestMs = nowMs + rules.minimumLeadMinutes * MINUTE_MS;
  const today = toBrussels(nowMs).day;
  const lastDay = addDays(today, rules.bookingHorizonDays);
  let fromMs = Number.NEGATIVE_INFINITY;
  let fromDay = today;
  if (search.from !== undefined) {
    if (isCalendarDay(search.from)) {
      fromDay = search.from;
    } else {
      fromMs = parseInstant(search.from);
      if (Number.isNaN(fromMs)) throw new RangeError(`from is neither a day nor an instant: ${search.from}`);
      fromDay = toBrussels(fromMs).day;
    }
  }
  const firstDay = [fromDay, toBrussels(earliestMs).day].sort().at(-1)!;
  const startsByWeekday = gridStartsByWeekday(search.weeklyHours, service.durationMinutes, rules.slotStepMinutes);
  const startsByDay = new Map<string, number[]>();
  /** Start minutes on `day`: none when closed, the day's own grid when partly closed, else its weekday's. */
  const dayStarts = (day: string): number[] => {
    let starts = startsByDay.get(day);
    if (starts === undefined) {
      const shortened = search.isClosed(day) ? [] : search.shortenedHours?.(day);
      starts = shortened
        ? gridStarts(shortened, service.durationMinutes, rules.slotStepMinutes, day)
        : startsByWeekday.get(weekdayOf(day))!;
      startsByDay.set(day, starts);
    }
    return starts;
  };
  const isClosedDay = (day: string): boolean => search.isClosed(day) || dayStarts(day).length === 0;
  return {
    nowMs,
    earliestMs,
    fromMs,
    today,
    firstDay,
    lastDay,
    isClosedDay,
    startsOn: (day) => (isClosedDay(day) ? [] : dayStarts(day)),
  };
}

/** Slot starts per weekday: every step from each opening time while the appointment ends by closing. */
function gridStartsByWeekday(hours: WeeklyHours, duration: number, step: number): Map<Weekday, number[]> {
  return new Map(WEEKDAYS.map((weekday) => [weekday, gridStarts(hours[weekday] ?? [], duration, step, weekday)]));
}

/** Slot starts in some opening intervals: every step from each opening time while the appointment ends by closing. */
function gridStarts(hours: readonly (readonly [string, string])[], duration: number, step: number, where: string): number[] {
  const intervals = hours.map(([open, close]) => {
    const from = parseTime(open);
    const to = close === '24:00' ? 1440 : parseTime(close);
    if (to <= from) throw new RangeError(`opening interval ends before it starts on ${where}: ${open}-${close}`);
    return [from, to] as const;
  });
  intervals.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  for (const [open, close] of intervals) {
    for (let minutes = open; minutes + duration <= close; minutes += step) {
      if (starts.at(-1) === undefined || starts.at(-1)! < minutes) starts.push(minutes);
    }
  }
  return starts;
}

/**
 * Converts a day's start minutes to instants. Brussels shifts its clocks at night, so for a
 * day whose first and last start share one offset plain arithmetic is exact (and cheap).
 */
function instantsFor(day: string, starts: readonly number[]): (minutes: number) => number {
  const first = starts[0]!;
  const last = starts.at(-1)!;
  const firstMs = brusselsInstant(day, first);
  const lastMs = brusselsInstant(day, last);
  if (lastMs - firstMs === (last - first) * MINUTE_MS) {
    return (minutes) => firstMs + (minutes - first) * MINUTE_MS;
  }
  // Opening hours across a clock change: a start the clocks skip has no instant.
  return (minutes) => {
    const instant = brusselsInstant(day, minutes);
    return toBrussels(instant).minutes === minutes ? instant : Number.NaN;
  };
}

// ---------------------------------------------------------------------------------------------
// Wishes: "Tuesday morning", "the 14th at 10:00", "after 15:00".

export interface SlotWish {
  day?: string;
  /** Exactly this start time. */
  time?: string;
  /** Starts at or after this time. */
  after?: string;
  /** Starts before this time. */
  before?: string;
  /** Morning: starts before 12:00; afternoon: starts at 12:00 or later. */
  partOfDay?: 'morning' | 'afternoon';
}

export type WishResult = { kind: 'match'; slots: FreeSlot[] } | { kind: 'noMatch'; reason: Unbookable; alternatives: FreeSlot[] };

/** What matchWish needs besides the slots to explain why a wish cannot be met. */
export type WishContext = Omit<SlotSearch, 'bookings' | 'from' | 'limit'>;

export interface WishOptions {
  /** At most this many matching slots; default 5. */
  limit?: number;
  /** How many nearest free slots to offer when nothing matches; default 3. */
  alternatives?: number;
}

const NOON = 12 * 60;

/**
 * The free slots that fit a resident's wish, or the reason none does plus the nearest free slots.
 * `slots` must be in chronological order (e.g. `generateFreeSlots`, or an external system's list);
 * it is read only as far as needed.
 */
export function matchWish(slots: Iterable<FreeSlot>, wish: SlotWish, context: WishContext, options: WishOptions = {}): WishResult {
  const limit = options.limit ?? 5;
  const wanted = options.alternatives ?? 3;
  const fits = timeOfDayFilter(wish);
  const plan = planSearch({ ...context, bookings: [] });
  if (wish.day !== undefined) dayNumber(wish.day);

  // A day that can never fit needs no slots to explain, only alternatives near it.
  const early = wish.day === undefined ? undefined : reasonBeforeSearch(wish.day, fits, plan);
  const target = targetInstant(wish, plan, early);

  const matches: FreeSlot[] = [];
  const before: FreeSlot[] = [];
  const after: FreeSlot[] = [];
  for (const slot of slots) {
    if (early === undefined && (wish.day === undefined || slot.day === wish.day) && fits(slot.time)) {
      matches.push(slot);
      if (matches.length >= limit) break;
    }
    if (matches.length === 0) {
      // Keep only what `nearest` can pick: the last few before the target and the first few after it.
      if (parseInstant(slot.start) < target) {
        before.push(slot);
        if (before.length > wanted) before.shift();
      } else if (after.length < wanted) {
        after.push(slot);
      }
    }
    const noMoreMatches = early !== undefined || (wish.day !== undefined && slot.day > wish.day);
    if (noMoreMatches && (matches.length > 0 || after.length >= wanted)) break;
  }
  if (matches.length > 0) return { kind: 'match', slots: matches };

  const reason = early ?? reasonAfterSearch(wish, fits, plan);
  return { kind: 'noMatch', reason, alternatives: nearest(before, after, target, wanted) };
}

/** Whether a slot's start time (HH:MM) fits the wish's time of day: its exact time, bounds and part of the day. */
export function timeOfDayFilter(wish: SlotWish): (time: string) => boolean {
  const exact = wish.time === undefined ? undefined : formatTime(parseTime(wish.time));
  const after = wish.after === undefined ? undefined : formatTime(parseTime(wish.after));
  const before = wish.before === undefined ? undefined : formatTime(parseTime(wish.before));
  const noon = formatTime(NOON);
  return (time) =>
    (exact === undefined || time === exact) &&
    (after === undefined || time >= after) &&
    (before === undefined || time < before) &&
    (wish.partOfDay !== 'morning' || time < noon) &&
    (wish.partOfDay !== 'afternoon' || time >= noon);
}

function reasonBeforeSearch(day: string, fits: (time: string) => boolean, plan: SearchPlan): Unbookable | undefined {
  if (day < plan.today) return { code: 'past' };
  if (day > plan.lastDay) return { code: 'beyondHorizon', lastDay: plan.lastDay };
  if (plan.isClosedDay(day)) return { code: 'closedDay', day };
  const starts = plan.startsOn(day).filter((minutes) => fits(formatTime(minutes)));
  if (starts.length === 0) return { code: 'outsideHours' };
  const latest = brusselsInstant(day, starts.at(-1)!);
  if (latest < plan.nowMs) return { code: 'past' };
  if (latest < plan.earliestMs) return { code: 'tooSoon' };
  return undefined;
}

function reasonAfterSearch(wish: SlotWish, fits: (time: string) => boolean, plan: SearchPlan): Unbookable {
  if (wish.day !== undefined) return { code: 'full' };
  // Without a day: is there any open weekday on which such a time exists at all?
  for (let offset = 0; offset < 7; offset += 1) {
    const starts = plan.startsOn(addDays(plan.today, offset));
    if (starts.some((minutes) => fits(formatTime(minutes)))) return { code: 'full' };
  }
  return { code: 'outsideHours' };
}

/** The moment alternatives are measured from: the wished time, or the earliest bookable moment. */
function targetInstant(wish: SlotWish, plan: SearchPlan, early: Unbookable | undefined): number {
  if (wish.day === undefined || early?.code === 'past' || early?.code === 'tooSoon') return plan.earliestMs;
  const minutes =
    wish.time !== undefined
      ? parseTime(wish.time)
      : wish.after !== undefined
        ? parseTime(wish.after)
        : wish.partOfDay === 'afternoon'
          ? NOON
          : wish.partOfDay === 'morning'
            ? 9 * 60
            : NOON;
  return Math.max(brusselsInstant(wish.day, minutes), plan.earliestMs);
}

/** The `count` slots closest in time to `target`, in chronological order. */
function nearest(before: FreeSlot[], after: FreeSlot[], target: number, count: number): FreeSlot[] {
  const chosen: FreeSlot[] = [];
  let b = before.length - 1;
  let a = 0;
  while (chosen.length < count && (b >= 0 || a < after.length)) {
    const beforeGap = b >= 0 ? target - parseInstant(before[b]!.start) : Number.POSITIVE_INFINITY;
    const afterGap = a < after.length ? parseInstant(after[a]!.start) - target : Number.POSITIVE_INFINITY;
    if (afterGap <= beforeGap) chosen.push(after[a++]!);
    else chosen.push(before[b--]!);
  }
  return chosen.sort((x, y) => parseInstant(x.start) - parseInstant(y.start));
}
