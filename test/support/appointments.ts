import { randomBytes } from 'node:crypto';
import type { Server } from 'restify';
import { registerAppointmentRoutes, type AppointmentRoutesDeps } from '../../bot/http/appointmentRoutes.js';
import { createCalendarLinks } from '../../bot/http/calendarLink.js';
import { memoryDocument } from '../../stores/embedded/durableDocument.js';
import type { Booking } from '../../stores/bookings/bookingStore.js';
import { createBuiltInBookingProvider } from '../../services/appointments/builtInBookingProvider.js';
import { counterCalendar } from '../../services/appointments/counterCalendar.js';
import { createEmbeddedBookingStore, type BookingDocument } from '../../stores/bookings/embeddedBookingStore.js';
import { loadServiceCatalog } from '../../services/appointments/serviceCatalog.js';
import { createWrongAttemptLimiter } from '../../services/appointments/wrongAttemptLimiter.js';
import { loadMunicipalityData } from '../../services/municipality/municipalityData.js';
import { brusselsInstant } from '../../services/brusselsTime.js';

/** The instant Brussels clocks show `time` ('HH:MM') on `day`. */
export function brussels(day: string, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(brusselsInstant(day, hours! * 60 + minutes!));
}

/** Monday 2 March 2026, 07:00 in Brussels: the default "now" of conversations in tests. */
export const TEST_NOW = brussels('2026-03-02', '07:00');

export interface TestAppointmentOptions {
  now?: Date;
  seed?: Booking[];
}

/** The built-in appointment system on memory, with the real catalog and municipality data and a clock the test moves. */
export function createTestAppointments(options: TestAppointmentOptions = {}) {
  const clock = { now: options.now ?? TEST_NOW };
  const now = () => clock.now;
  const document = memoryDocument<BookingDocument>({ bookings: options.seed ?? [] });
  const catalog = loadServiceCatalog();
  const { municipality } = loadMunicipalityData();
  const provider = createBuiltInBookingProvider({
    store: createEmbeddedBookingStore(document),
    catalog,
    ...counterCalendar(municipality),
    clock: now,
    limiter: createWrongAttemptLimiter(),
  });
  const secret = randomBytes(32);
  return {
    clock,
    now,
    document,
    provider,
    catalog,
    municipality,
    secret,
    /** What createAssistant takes as `appointments`. */
    deps: { provider, catalog, municipality, calendarLinks: createCalendarLinks({ secret }) },
  };
}

export type TestAppointments = ReturnType<typeof createTestAppointments>;

/** The appointment routes (calendar files, the staff day view) over `appointments`, for startTestServer's `routes`; `authorize` says who is counter staff. */
export function appointmentRoutesOf(appointments: TestAppointments, options: Pick<AppointmentRoutesDeps, 'authorize' | 'i18n'>) {
  return (server: Server) =>
    registerAppointmentRoutes(server, {
      provider: appointments.provider,
      catalog: appointments.catalog,
      municipality: appointments.municipality,
      secret: appointments.secret,
      now: appointments.now,
      ...options,
    });
}

/** Another resident books the driving-licence slot at `start` (ISO with offset), as can happen while the one in the test reads. */
export async function bookedBySomeoneElse(appointments: TestAppointments, start: string): Promise<void> {
  const result = await appointments.provider.book({
    service: 'rijbewijs',
    start,
    name: 'Iemand Anders',
    contact: { kind: 'email', value: 'iemand@voorbeeld.be' },
    requestId: `someone-else-${start}`,
  });
  if (!result.ok) throw new Error(`someone else could not book ${start}: ${JSON.stringify(result)}`);
}
