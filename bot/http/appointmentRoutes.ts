/**
 * HTTP routes of the appointments: the resident's calendar file behind a signed link (calendarLink.ts),
 * and the counter staff's day view. The dialogs only make links; they never see HTTP.
 */
import type { i18n } from 'i18next';
import type { Request, Response, Server } from 'restify';
import type { BookingProvider } from '../../services/appointments/bookingProvider.js';
import type { Booking } from '../../stores/bookings/bookingStore.js';
import { counterAddress } from '../../services/appointments/counterCalendar.js';
import { bookingToIcs } from '../../services/appointments/ics.js';
import { findService, knownService, type ServiceCatalog } from '../../services/appointments/serviceCatalog.js';
import type { Municipality } from '../../services/municipality/municipalityData.js';
import type { StaffDayView } from '../staff/staffApi.js';
import { CALENDAR_FILE_PATH, readCalendarToken } from './calendarLink.js';
import { sendError } from './httpErrors.js';
import { formatTime, isCalendarDay, parseInstant, toBrussels } from '../../services/brusselsTime.js';

const STAFF_APPOINTMENTS_PATH = '/api/staff/appointments';

export interface AppointmentRoutesDeps {
  provider: BookingProvider;
  catalog: ServiceCatalog;
  municipality: Municipality;
  /** The secret the calendar links were signed with. */
  secret: Uint8Array;
  now?: () => Date;
  /** Whether the request comes from signed-in counter staff (the staff login decides). */
  authorize: (req: Request) => boolean | Promise<boolean>;
  /** Texts inside the calendar file in the resident's language; without it, the Dutch service name only. */
  i18n?: i18n;
}

export function registerAppointmentRoutes(server: Server, deps: AppointmentRoutesDeps): void {
  const now = deps.now ?? (() => new Date());

  server.get(`${CALENDAR_FILE_PATH}/:token`, async (req: Request, res: Response) => {
    const token = String((req.params as Record<string, unknown>).token ?? '');
    const checked = readCalendarToken(token, deps.secret, now());
    // A forged or mangled token gets the answer of an address that does not exist.
    if (!checked.ok && checked.reason === 'invalid') return sendError(res, 'not_found', 'There is no calendar file at this address.');
    if (!checked.ok) return sendError(res, 'link_expired', 'This calendar link has expired.');
    const { claims } = checked;
    const day = await deps.provider.findForStaff(claims.day);
    const booking = day.counters
      .flatMap((counter) => counter.bookings)
      .find((candidate) => candidate.code === claims.code && candidate.revision === claims.revision);
    // Cancelled, or moved (a newer revision has its own link).
    if (!booking) return sendError(res, 'not_found', 'There is no calendar file at this address.');
    const body = calendarFile(booking, deps, claims.language, now());
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="afspraak-${booking.code}.ics"`,
      'cache-control': 'no-store, private',
    });
    res.end(body);
  });

  server.get(STAFF_APPOINTMENTS_PATH, async (req: Request, res: Response) => {
    const allowed = await isStaff(deps, req);
    if (!allowed) return sendError(res, 'unauthorized', 'Sign in as counter staff to see the appointments.');
    const day = (req.query as Record<string, unknown> | undefined)?.day;
    if (typeof day !== 'string' || !isCalendarDay(day)) {
      return sendError(res, 'day_invalid', 'Give the day as ?day=YYYY-MM-DD.');
    }
    const view = await staffDayView(deps, day);
    res.header('cache-control', 'no-store, private');
    res.json(view);
  });
}

/** A failing authorization check (session store down) refuses, never lets through. */
async function isStaff(deps: AppointmentRoutesDeps, req: Request): Promise<boolean> {
  try {
    return (await deps.authorize(req)) === true;
  } catch {
    return false;
  }
}

async function staffDayView(deps: AppointmentRoutesDeps, day: string): Promise<StaffDayView> {
  const found = await deps.provider.findForStaff(day);
  return {
    day,
    counters: found.counters.map(({ counter, bookings }) => ({
      counter,
      name: deps.catalog.counters.find((known) => known.id === counter)?.name.nl ?? counter,
      appointments: bookings.map((booking) => ({
        time: formatTime(toBrussels(parseInstant(booking.start)).minutes),
        endTime: formatTime(toBrussels(parseInstant(booking.end)).minutes),
        name: booking.name,
        service: booking.service,
        serviceName: findService(deps.catalog, booking.service)?.name.nl ?? booking.service,
        code: booking.code,
      })),
    })),
  };
}

function calendarFile(booking: Booking, deps: AppointmentRoutesDeps, language: 'nl' | 'en', now: Date): string {
  const service = knownService(deps.catalog, booking.service);
  const place = { name: deps.municipality.name, address: counterAddress(deps.municipality) };
  if (!deps.i18n) return bookingToIcs(booking, service, place, { now });
  const t = deps.i18n.getFixedT(language);
  const bring = service.bring.map((item) => t(`appointments:bring.${item}`)).join(' ');
  return bookingToIcs(booking, service, place, {
    now,
    summary: t('appointments:ics.summary', { service: service.name[language] }),
    description: t('appointments:ics.description', { code: booking.code, bring }),
  });
}
