/** The appointment system built into the assistant, on our own BookingStore. */
import { newBookingCode, parseBookingCode } from './bookingCode.js';
import type {
  AccessFailure,
  BookingAccess,
  BookingProvider,
  BookRequest,
  BookResult,
  CancelResult,
  ClosedBookingFailure,
  LookupResult,
  MoveResult,
  StaffDay,
} from './bookingProvider.js';
import type { Booking, BookingContact, BookingStore, OccupiedTime, RoomRule } from '../../stores/bookings/bookingStore.js';
import { findService, knownService, type AppointmentService, type ServiceCatalog } from './serviceCatalog.js';
import {
  checkBookableStart,
  freeSlots,
  generateFreeSlots,
  matchWish,
  planSearch,
  type FreeSlot,
  type SlotSearch,
  type WeeklyHours,
} from './slots.js';
import { createWrongAttemptLimiter, type WrongAttemptLimiter } from './wrongAttemptLimiter.js';
import { addDays, brusselsInstant, brusselsIso, dayNumber, parseInstant } from '../brusselsTime.js';

export interface BuiltInBookingProviderOptions {
  store: BookingStore;
  catalog: ServiceCatalog;
  /** The counter's weekly opening hours (municipality.json: openingHours.loket). */
  weeklyHours: WeeklyHours;
  /** Holidays and closing days. */
  isClosed: (day: string) => boolean;
  /** The open part of a partly closed day; see SlotSearch. */
  shortenedHours?: SlotSearch['shortenedHours'];
  clock?: () => Date;
  limiter?: WrongAttemptLimiter;
  newCode?: () => string;
  /** How many next free slots to offer with slotTaken / notBookable. Default 3. */
  nextFreeCount?: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;
/** A concurrent cancel or move can change a booking between reading and writing: re-read a few times. */
const MOVE_ATTEMPTS = 3;

export function createBuiltInBookingProvider(options: BuiltInBookingProviderOptions): BookingProvider {
  const { store, catalog } = options;
  const parts: ProviderParts = {
    store,
    catalog,
    clock: options.clock ?? (() => new Date()),
    newCode: options.newCode ?? (() => newBookingCode()),
    slots: slotSearches(options),
    access: bookingAccess(store, options.limiter ?? createWrongAttemptLimiter()),
  };
  const { clock, slots } = parts;

  return {
    async freeSlots({ service: serviceId, from, limit }) {
      const search = await slots.searchFor(knownService(catalog, serviceId), clock(), from);
      return freeSlots(limit === undefined ? search : { ...search, limit });
    },

    async matchWish({ service: serviceId, wish, limit, alternatives }) {
      const service = knownService(catalog, serviceId);
      const now = clock();
      const search = await slots.searchFor(service, now);
      return matchWish(generateFreeSlots(search), wish, slots.context(service, now), {
        ...(limit === undefined ? {} : { limit }),
        ...(alternatives === undefined ? {} : { alternatives }),
      });
    },

    book: (request) => bookAppointment(parts, request),

    async lookup(access): Promise<LookupResult> {
      const checked = await parts.access.check(access, clock());
      return checked.ok ? { ok: true, booking: checked.latest } : checked;
    },

    cancel: (request) => cancelAppointment(parts, request),
    move: (request) => moveAppointment(parts, request),
    findForStaff: (day) => staffDay(store, catalog, day),
  };
}

/** What the provider's operations work with. */
interface ProviderParts {
  store: BookingStore;
  catalog: ServiceCatalog;
  clock: () => Date;
  newCode: () => string;
  slots: SlotSearches;
  access: BookingAccessCheck;
}

type SlotSearches = ReturnType<typeof slotSearches>;

/** Slot searches on the counter's hours around the stored bookings. */
function slotSearches(options: BuiltInBookingProviderOptions) {
  const { store, catalog, weeklyHours, isClosed, shortenedHours } = options;
  const nextFreeCount = options.nextFreeCount ?? 3;
  const rules = catalog.bookingRules;

  const context = (service: AppointmentService, now: Date) => ({ service, weeklyHours, isClosed, shortenedHours, rules, now });

  /** Active bookings that can matter to a search from `now` to the end of the horizon. */
  async function searchFor(service: AppointmentService, now: Date, from?: string, ignore?: Booking): Promise<SlotSearch> {
    const plan = planSearch({ ...context(service, now), bookings: [] });
    const windowEnd = brusselsIso(brusselsInstant(addDays(plan.lastDay, 1), 0));
    const occupied = await store.occupiedBetween(brusselsIso(plan.nowMs), windowEnd);
    // While moving, the resident's own place will be freed: do not offer alternatives around it.
    const bookings = ignore ? withoutOnce(occupied, ignore) : occupied;
    return { ...context(service, now), bookings, ...(from === undefined ? {} : { from }) };
  }

  /** The next free slots offered with slotTaken and notBookable (nextFreeCount of them). */
  async function nextFree(service: AppointmentService, now: Date, from?: string, ignore?: Booking): Promise<FreeSlot[]> {
    return freeSlots({ ...(await searchFor(service, now, from, ignore)), limit: nextFreeCount });
  }

  return { context, searchFor, nextFree };
}

type BookingAccessCheck = ReturnType<typeof bookingAccess>;
type Access = { ok: true; records: Booking[]; latest: Booking } | { ok: false; failure: AccessFailure };

/** Who may see and change a booking: the code and the contact given when booking, with wrong attempts limited. */
function bookingAccess(store: BookingStore, limiter: WrongAttemptLimiter) {
  return {
    /** Every record of the booking code typed (none for a code that cannot be one), unchecked. */
    async recordsFor(access: BookingAccess): Promise<Booking[]> {
      const code = parseBookingCode(access.code);
      return code === undefined ? [] : store.findByCode(code);
    },

    /** Code and contact must both match; any mismatch counts against the key and looks the same. */
    async check(access: BookingAccess, now: Date, records?: Booking[]): Promise<Access> {
      const blocked = await limiter.blockedUntil(access.attemptKey, now);
      if (blocked) return { ok: false, failure: { code: 'tooManyAttempts', retryAfter: blocked.toISOString() } };
      const code = parseBookingCode(access.code);
      const found = records ?? (code === undefined ? [] : await store.findByCode(code));
      const latest = found.at(-1);
      if (!latest || !sameContact(latest.contact, access.contact)) {
        await limiter.recordWrongAttempt(access.attemptKey, now);
        return { ok: false, failure: { code: 'notFound' } };
      }
      return { ok: true, records: found, latest };
    },
  };
}

function roomFor(service: AppointmentService): RoomRule {
  return { service: service.id, counters: service.counters, capacity: service.capacity };
}

/** Why a booking can no longer be cancelled or moved at `now`; undefined when it still can. */
function closedBookingFailure(latest: Booking, now: Date): ClosedBookingFailure | undefined {
  if (latest.status !== 'booked') return { code: 'alreadyCancelled' };
  if (parseInstant(latest.start) <= now.getTime()) return { code: 'alreadyStarted' };
  return undefined;
}

async function bookAppointment({ store, catalog, clock, newCode, slots }: ProviderParts, request: BookRequest): Promise<BookResult> {
  const earlier = await store.findByRequestId(request.requestId);
  if (earlier) return { ok: true, booking: earlier };
  const service = findService(catalog, request.service);
  if (!service) return { ok: false, failure: { code: 'unknownService' } };
  const now = clock();
  const bookable = checkBookableStart(slots.context(service, now), request.start);
  if (!bookable.ok) {
    return { ok: false, failure: { code: 'notBookable', reason: bookable.reason, nextFree: await slots.nextFree(service, now) } };
  }
  const outcome = await store.insertIfRoom(
    {
      service: service.id,
      start: brusselsIso(bookable.startMs),
      end: brusselsIso(bookable.endMs),
      name: normaliseName(request.name),
      contact: normaliseContact(request.contact),
      createdAt: now.toISOString(),
      requestId: request.requestId,
    },
    roomFor(service),
    newCode,
  );
  if (outcome.kind === 'full') {
    return { ok: false, failure: { code: 'slotTaken', nextFree: await slots.nextFree(service, now, request.start) } };
  }
  return { ok: true, booking: outcome.booking };
}

async function cancelAppointment(
  { store, clock, access }: ProviderParts,
  request: Parameters<BookingProvider['cancel']>[0],
): Promise<CancelResult> {
  const now = clock();
  const records = await access.recordsFor(request);
  const replay = records.find((r) => r.closedByRequestId === request.requestId && r.status === 'cancelled');
  if (replay && sameContact(replay.contact, request.contact)) return { ok: true, booking: replay };
  const checked = await access.check(request, now, records);
  if (!checked.ok) return checked;
  const { latest } = checked;
  const closed = closedBookingFailure(latest, now);
  if (closed) return { ok: false, failure: closed };
  const outcome = await store.cancelActive({
    code: latest.code,
    expectedStart: latest.start,
    requestId: request.requestId,
    cancelledAt: now.toISOString(),
  });
  // notActive: another turn cancelled or moved it a moment ago; it is no longer there to cancel.
  if (outcome.kind === 'notActive') return { ok: false, failure: { code: 'alreadyCancelled' } };
  return { ok: true, booking: outcome.booking };
}

async function moveAppointment(parts: ProviderParts, request: Parameters<BookingProvider['move']>[0]): Promise<MoveResult> {
  for (let attempt = 0; attempt < MOVE_ATTEMPTS; attempt += 1) {
    const result = await tryMove(parts, request);
    // undefined: changed by a concurrent turn; read again and decide on the fresh state.
    if (result) return result;
  }
  throw new Error('booking kept changing while moving it');
}

/** One attempt at a move on the booking as it is stored now; undefined when a concurrent turn changed it meanwhile. */
async function tryMove(
  { store, catalog, clock, slots, access }: ProviderParts,
  request: Parameters<BookingProvider['move']>[0],
): Promise<MoveResult | undefined> {
  const now = clock();
  const records = await access.recordsFor(request);
  const moved = records.find((r) => r.requestId === request.requestId && r.revision > 0);
  const previous = records.find((r) => r.closedByRequestId === request.requestId && r.status === 'moved');
  if (moved && previous && sameContact(moved.contact, request.contact)) return { ok: true, booking: moved, previous };
  const checked = await access.check(request, now, records);
  if (!checked.ok) return checked;
  const { latest } = checked;
  const closed = closedBookingFailure(latest, now);
  if (closed) return { ok: false, failure: closed };
  const service = findService(catalog, latest.service);
  if (!service) return { ok: false, failure: { code: 'unknownService' } };
  const bookable = checkBookableStart(slots.context(service, now), request.newStart);
  if (!bookable.ok) {
    return {
      ok: false,
      failure: { code: 'notBookable', reason: bookable.reason, nextFree: await slots.nextFree(service, now, undefined, latest) },
    };
  }
  const outcome = await store.moveIfRoom({
    code: latest.code,
    expectedStart: latest.start,
    newStart: brusselsIso(bookable.startMs),
    newEnd: brusselsIso(bookable.endMs),
    requestId: request.requestId,
    movedAt: now.toISOString(),
    room: roomFor(service),
  });
  if (outcome.kind === 'moved' || outcome.kind === 'replayed') return { ok: true, booking: outcome.booking, previous: outcome.previous };
  if (outcome.kind === 'full') {
    return { ok: false, failure: { code: 'slotTaken', nextFree: await slots.nextFree(service, now, request.newStart, latest) } };
  }
  return undefined;
}

/** One day's active bookings per counter: the catalog's counters in order, then any other counter a booking names. */
async function staffDay(store: BookingStore, catalog: ServiceCatalog, day: string): Promise<StaffDay> {
  dayNumber(day);
  const from = brusselsIso(brusselsInstant(day, 0));
  const to = brusselsIso(brusselsInstant(addDays(day, 1), 0));
  const bookings = await store.activeBetween(from, to);
  const order = catalog.counters.map((counter) => counter.id);
  for (const booking of bookings) if (!order.includes(booking.counter)) order.push(booking.counter);
  return {
    day,
    counters: order.map((counter) => ({
      counter,
      bookings: bookings.filter((booking) => booking.counter === counter),
    })),
  };
}

/** E-mail compared case-insensitively; phones must already be E.164 (the caller normalises them). */
function normaliseContact(contact: BookingContact): BookingContact {
  const value = contact.value.trim();
  if (contact.kind === 'email') {
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) throw new RangeError('contact e-mail is not an address');
    return { kind: 'email', value: value.toLowerCase() };
  }
  if (!E164.test(value)) throw new RangeError('contact phone is not in E.164');
  return { kind: 'phone', value };
}

function sameContact(stored: BookingContact, given: BookingContact): boolean {
  let normalised: BookingContact;
  try {
    normalised = normaliseContact(given);
  } catch {
    return false;
  }
  return stored.kind === normalised.kind && stored.value === normalised.value;
}

function withoutOnce(occupied: OccupiedTime[], own: Booking): OccupiedTime[] {
  const at = occupied.findIndex(
    (place) => place.counter === own.counter && place.start === own.start && place.end === own.end && place.service === own.service,
  );
  return at < 0 ? occupied : [...occupied.slice(0, at), ...occupied.slice(at + 1)];
}

function normaliseName(name: string): string {
  const cleaned = name.replace(/\s+/g, ' ').trim();
  if (cleaned.length === 0 || cleaned.length > 200) throw new RangeError('name must be 1 to 200 characters');
  return cleaned;
}
