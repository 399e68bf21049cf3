/**
 * How long a free-slot search takes over a six-week horizon with 10,000 existing bookings.
 * The bookings are synthetic but realistic in shape: 15-minute appointments spread over twelve
 * counters, about three quarters of all places taken, so searches for a 30-minute appointment
 * with limited capacity have to look far ahead. Each search builds its own day index from the
 * booking list, as the built-in provider does per request.
 */
import { performance } from 'node:perf_hooks';
import { percentile } from '../nlu/evaluation.js';
import { seededRandom } from '../services/seededRandom.js';
import type { Booking } from '../stores/bookings/bookingStore.js';
import type { BookingRules } from '../services/appointments/serviceCatalog.js';
import {
  freeSlots,
  generateFreeSlots,
  matchWish,
  type SlotSearch,
  type SlotService,
  type WeeklyHours,
} from '../services/appointments/slots.js';
import { brusselsInstant, brusselsIso, addDays, weekdayOf } from '../services/brusselsTime.js';

const HORIZON_DAYS = 42;
const COUNTERS = Array.from({ length: 12 }, (_, i) => `loket-${i + 1}`);
const RULES: BookingRules = { slotStepMinutes: 15, minimumLeadMinutes: 120, bookingHorizonDays: HORIZON_DAYS };
const WORKDAY: ReadonlyArray<readonly [string, string]> = [
  ['08:00', '12:00'],
  ['13:00', '18:00'],
];
const HOURS: WeeklyHours = {
  monday: WORKDAY,
  tuesday: WORKDAY,
  wednesday: WORKDAY,
  thursday: WORKDAY,
  friday: WORKDAY,
  saturday: [['09:00', '12:00']],
  sunday: [],
};
const CLOSED = new Set(['2026-04-06']);
/** Monday 2 March 2026, 07:00 in Brussels: the horizon crosses the change to summer time. */
const NOW = new Date(brusselsInstant('2026-03-02', 7 * 60));

const SERVICES: SlotService[] = [
  { id: 'eid-aanvraag', durationMinutes: 15, counters: COUNTERS, capacity: 12 },
  { id: 'reispas', durationMinutes: 30, counters: COUNTERS.slice(0, 4), capacity: 2 },
  { id: 'rijbewijs', durationMinutes: 30, counters: COUNTERS.slice(10), capacity: 1 },
];

export interface SlotSearchBenchOptions {
  /** Existing bookings in the horizon (default 10,000, about three quarters of all places). */
  bookings?: number;
  /** Timed searches (default 400). */
  searches?: number;
}

export interface SlotSearchBenchResult {
  bookings: number;
  horizonDays: number;
  searches: number;
  /** Slots the searches returned together; zero would mean the bench measured nothing. */
  slotsFound: number;
  p50Ms: number;
  p99Ms: number;
}

export async function benchSlotSearch(options: SlotSearchBenchOptions = {}): Promise<SlotSearchBenchResult> {
  const bookingCount = options.bookings ?? 10_000;
  const searches = options.searches ?? 400;
  const random = seededRandom(20260302);
  const bookings = syntheticBookings(random, bookingCount);
  const isClosed = (day: string) => CLOSED.has(day);
  const durations: number[] = [];
  let found = 0;

  // Warm up the JIT and the offset cache so the figures describe steady state.
  for (let i = 0; i < 20; i += 1) freeSlots(search(SERVICES[i % SERVICES.length]!, bookings, isClosed));

  for (let i = 0; i < searches; i += 1) {
    const service = SERVICES[i % SERVICES.length]!;
    const fromDay = addDays('2026-03-02', Math.floor(random() * HORIZON_DAYS));
    const started = performance.now();
    if (i % 4 === 3) {
      const s = search(service, bookings, isClosed);
      const result = matchWish(generateFreeSlots(s), { day: fromDay, partOfDay: random() < 0.5 ? 'morning' : 'afternoon' }, s);
      found += result.kind === 'match' ? result.slots.length : result.alternatives.length;
    } else {
      found += freeSlots({ ...search(service, bookings, isClosed), from: fromDay, limit: 10 }).length;
    }
    durations.push(performance.now() - started);
  }
  if (found === 0) throw new Error('the synthetic calendar left no free slot at all: the bench measures nothing');

  return {
    bookings: bookings.length,
    horizonDays: HORIZON_DAYS,
    searches,
    slotsFound: found,
    p50Ms: round(percentile(durations, 50)),
    p99Ms: round(percentile(durations, 99)),
  };
}

function search(service: SlotService, bookings: Booking[], isClosed: (day: string) => boolean): SlotSearch {
  return { service, weeklyHours: HOURS, isClosed, rules: RULES, bookings, now: NOW };
}

/** `count` non-overlapping 15-minute bookings on random free (counter, quarter) places in the horizon. */
export function syntheticBookings(random: () => number, count: number): Booking[] {
  const places: Array<{ day: string; minutes: number; counter: string }> = [];
  for (let offset = 1; offset <= HORIZON_DAYS; offset += 1) {
    const day = addDays('2026-03-02', offset);
    if (CLOSED.has(day)) continue;
    for (const [open, close] of HOURS[weekdayOf(day)] ?? []) {
      for (let minutes = toMinutes(open); minutes + 15 <= toMinutes(close); minutes += 15) {
        for (const counter of COUNTERS) places.push({ day, minutes, counter });
      }
    }
  }
  if (places.length < count) throw new RangeError(`only ${places.length} places for ${count} bookings`);
  for (let i = places.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [places[i], places[j]] = [places[j]!, places[i]!];
  }
  return places.slice(0, count).map((place, i) => {
    const startMs = brusselsInstant(place.day, place.minutes);
    const counterIndex = COUNTERS.indexOf(place.counter);
    const service = counterIndex >= 10 ? 'rijbewijs' : counterIndex < 4 && i % 2 === 0 ? 'reispas' : 'eid-aanvraag';
    return {
      code: `B${String(i).padStart(5, '0')}`,
      service,
      counter: place.counter,
      start: brusselsIso(startMs),
      end: brusselsIso(startMs + 15 * 60_000),
      name: 'Synthetisch',
      contact: { kind: 'email', value: `bench${i}@example.org` },
      status: i % 25 === 0 ? 'cancelled' : 'booked',
      createdAt: NOW.toISOString(),
      requestId: `bench-${i}`,
      revision: 0,
    };
  });
}

function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
