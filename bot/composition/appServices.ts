import { randomBytes } from 'node:crypto';
import { createBuiltInBookingProvider } from '../../services/appointments/builtInBookingProvider.js';
import type { BookingProvider } from '../../services/appointments/bookingProvider.js';
import type { CalendarLinks } from '../../services/appointments/calendarLinks.js';
import { counterCalendar } from '../../services/appointments/counterCalendar.js';
import type { ServiceCatalog } from '../../services/appointments/serviceCatalog.js';
import { createWrongAttemptLimiter } from '../../services/appointments/wrongAttemptLimiter.js';
import type { MunicipalityData } from '../../services/municipality/municipalityData.js';
import type { Stores } from '../../stores/openStores.js';
import { startRetentionJob } from '../../stores/retentionJob.js';
import type { Config } from '../config.js';
import { createCalendarLinks } from '../http/calendarLink.js';
import { createSessions, type Sessions } from '../http/sessions.js';
import type { Logger } from '../logger.js';

/** A staff member stays signed in for a working day. */
const STAFF_SESSION_MS = 9 * 60 * 60 * 1000;

/** What the bot and the routes share once the stores are open. */
export interface AppServices {
  bookingProvider: BookingProvider;
  /** Signs the calendar links the chat hands out and the appointment routes check. */
  calendarLinkSecret: Buffer;
  calendarLinks: CalendarLinks;
  staffSessions: Sessions;
}

export interface AppParts {
  config: Config;
  logger: Logger;
  facts: MunicipalityData;
  catalog: ServiceCatalog;
  stores: Stores;
  now: () => Date;
}

/** Stores → services: the booking provider, calendar links and staff sessions over the open stores. */
export function createAppServices({ config, logger, facts, catalog, stores, now }: AppParts): AppServices {
  const bookingProvider = createBuiltInBookingProvider({
    store: stores.bookings,
    catalog,
    ...counterCalendar(facts.municipality),
    clock: now,
    limiter: createWrongAttemptLimiter(undefined, stores.attempts),
  });
  // Without CALENDAR_LINK_SECRET links are signed per process: after a restart a resident asks the chat for a new link.
  const calendarLinkSecret = config.calendarLinkSecret ? Buffer.from(config.calendarLinkSecret) : randomBytes(32);
  if (!config.calendarLinkSecret && config.storage === 'postgres') {
    logger.warn('config.calendarLinkSecretMissing', {
      reason: 'each instance signs calendar links with its own key; set CALENDAR_LINK_SECRET',
    });
  }
  return {
    bookingProvider,
    calendarLinkSecret,
    calendarLinks: createCalendarLinks({ secret: calendarLinkSecret, baseUrl: config.publicBaseUrl ?? undefined }),
    staffSessions: createSessions({ ttlMs: STAFF_SESSION_MS, store: stores.sessions }),
  };
}

/** Deletes expired callback requests and bookings on a timer; returns what stops them. */
export function startRetentionJobs({ config, logger, stores }: Pick<AppParts, 'config' | 'logger' | 'stores'>): () => void {
  const jobs = [
    startRetentionJob((at) => stores.callbacks.deleteExpired(at, config.callbackRetentionDays), {
      name: 'callback',
      retention: { retentionDays: config.callbackRetentionDays },
      logger,
    }),
    startRetentionJob((at) => stores.bookings.deleteExpired(at, config.bookingRetentionDays), {
      name: 'booking',
      retention: { retentionDays: config.bookingRetentionDays },
      logger,
    }),
  ];
  return () => {
    for (const job of jobs) void job.stop();
  };
}
