/** Shared facts for the appointment tests: fixed hours, closing days and a movable clock. */
import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import type { Booking } from '../../../stores/bookings/bookingStore.js';
import { createBuiltInBookingProvider } from '../../../services/appointments/builtInBookingProvider.js';
import { createEmbeddedBookingStore, type BookingDocument } from '../../../stores/bookings/embeddedBookingStore.js';
import { findService, loadServiceCatalog, type AppointmentService } from '../../../services/appointments/serviceCatalog.js';
import type { SlotSearch, WeeklyHours } from '../../../services/appointments/slots.js';
import { createWrongAttemptLimiter } from '../../../services/appointments/wrongAttemptLimiter.js';
import { brusselsInstant } from '../../../services/brusselsTime.js';

const catalog = loadServiceCatalog();

/** The shape municipality.json uses for openingHours.loket. */
export const LOKET_HOURS: WeeklyHours = {
  monday: [
    ['08:30', '12:00'],
    ['13:30', '16:00'],
  ],
  tuesday: [
    ['08:30', '12:00'],
    ['13:30', '16:00'],
  ],
  wednesday: [
    ['08:30', '12:00'],
    ['13:30', '19:00'],
  ],
  thursday: [
    ['08:30', '12:00'],
    ['13:30', '16:00'],
  ],
  friday: [['08:30', '12:00']],
  saturday: [['09:00', '12:00']],
  sunday: [],
};

/** Easter Monday 2026 and Labour Day. */
const CLOSED_DAYS = new Set(['2026-04-06', '2026-05-01']);
const isClosed = (day: string): boolean => CLOSED_DAYS.has(day);

export function service(id: string): AppointmentService {
  const found = findService(catalog, id);
  if (!found) throw new Error(`no service ${id} in data/services.json`);
  return found;
}

/** The instant Brussels clocks show `time` on `day`. */
export function brussels(day: string, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(brusselsInstant(day, hours! * 60 + minutes!));
}

export function searchFor(serviceId: string, now: Date, extra: Partial<SlotSearch> = {}): SlotSearch {
  return { service: service(serviceId), weeklyHours: LOKET_HOURS, isClosed, rules: catalog.bookingRules, bookings: [], now, ...extra };
}

let made = 0;
/** A stored booking for seeding; times are Brussels ISO with offset. */
export function storedBooking(fields: Partial<Booking> & Pick<Booking, 'service' | 'counter' | 'start' | 'end'>): Booking {
  made += 1;
  return {
    code: `X${String(made).padStart(5, '0')}`,
    name: 'Test Inwoner',
    contact: { kind: 'email', value: `seed${made}@example.org` },
    status: 'booked',
    createdAt: '2026-03-01T10:00:00.000Z',
    requestId: `seed-${made}`,
    revision: 0,
    ...fields,
  };
}

/** A stored booking of `serviceId` at `counter` on `day` from `from` to `to`, Brussels winter time (UTC+1). */
export function bookingAt(
  serviceId: string,
  counter: string,
  day: string,
  from: string,
  to: string,
  fields: Partial<Booking> = {},
): Booking {
  return storedBooking({ service: serviceId, counter, start: `${day}T${from}:00+01:00`, end: `${day}T${to}:00+01:00`, ...fields });
}

/** A provider on an in-memory document with a clock the test moves. */
export function providerAt(start: Date, seed: Booking[] = []) {
  const clock = { now: start };
  const document = memoryDocument<BookingDocument>({ bookings: seed });
  const store = createEmbeddedBookingStore(document);
  const provider = createBuiltInBookingProvider({
    store,
    catalog,
    weeklyHours: LOKET_HOURS,
    isClosed,
    clock: () => clock.now,
    limiter: createWrongAttemptLimiter({ maxWrongAttempts: 5, windowMinutes: 15 }),
  });
  return { provider, store, document, clock };
}
