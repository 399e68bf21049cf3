import { randomBytes } from 'node:crypto';
import type { Server } from 'restify';
import { createRecognizer } from '../nlu/createRecognizer.js';
import { createBuiltInBookingProvider } from '../services/appointments/builtInBookingProvider.js';
import { counterCalendar } from '../services/appointments/counterCalendar.js';
import { loadServiceCatalog } from '../services/appointments/serviceCatalog.js';
import { createWrongAttemptLimiter } from '../services/appointments/wrongAttemptLimiter.js';
import { loadMunicipalityData, type MunicipalityData } from '../services/municipality/municipalityData.js';
import { createAdapter } from './adapter.js';
import { createAssistant } from './assistant.js';
import type { Config } from './config.js';
import { registerDirectLineTokenRoute } from './directLine/directLineToken.js';
import { registerLocalDirectLine } from './directLine/localDirectLine.js';
import { createCalendarLinks, registerAppointmentRoutes } from './http/appointmentRoutes.js';
import { registerWebPage } from './http/webPage.js';
import { requestOrigin } from './http/requestOrigin.js';
import { withAbsoluteLinks } from './channels/absoluteLinks.js';
import { phoneAvailabilityOf } from '../services/municipality/phoneLine.js';
import { createAttemptLimiter } from '../services/attemptLimiter.js';
import { createSessions } from './http/sessions.js';
import { loadSurveyBaseline } from '../services/survey/surveyBaselineFile.js';
import { registerSurveyReportRoutes } from './http/surveyReportRoutes.js';
import { createI18n } from './i18n.js';
import { registerStaffConsole, signedInStaffMember } from './staff/staffConsole.js';
import { startRetentionJob } from '../stores/retentionJob.js';
import type { Logger } from './logger.js';
import { createServer } from './server.js';
import { watchWrites } from './writeReadiness.js';
import { openStores } from '../stores/openStores.js';
import { turnLockMiddleware } from '../stores/turnLock/turnLock.js';

/** New web chat conversations one address may start in ten minutes (a whole office shares one address). */
const NEW_CONVERSATIONS_PER_ADDRESS = 60;

/** Failed staff logins one address may make in 15 minutes, over all accounts (5 per account). */
const STAFF_FAILURES_PER_ADDRESS = 20;

/** A staff member stays signed in for a working day. */
const STAFF_SESSION_MS = 9 * 60 * 60 * 1000;

/** How long open requests (a turn being answered) may take to finish once the process is asked to stop. */
const SHUTDOWN_GRACE_MS = 3000;

export interface App {
  server: Server;
  facts: MunicipalityData;
  /**
   * Stops accepting requests, gives open ones a short grace period, closes whatever connection is
   * left (idle keep-alives at once, slow clients after the grace), then waits for pending writes
   * and releases the storage (the DATA_DIR lock).
   */
  close(): Promise<void>;
}

/**
 * The composition root: reads the municipality's data, opens the stores, builds the recognizer,
 * the adapter, the bot and the HTTP server. Nothing listens yet.
 */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  const facts = loadMunicipalityData();
  const catalog = loadServiceCatalog();
  const i18n = createI18n();
  const now = () => new Date();
  const stores = await openStores(config, logger);
  const stopJobs: (() => void)[] = [];
  try {
    const recognizer = await createRecognizer(config.luis, logger);
    const { adapter } = createAdapter({
      botAuth: config.botAuth,
      logger,
      i18n,
      phoneDisplay: facts.municipality.phone.display,
      defaultLocale: config.defaultLocale,
    });
    const retentionJobs = [
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
    for (const job of retentionJobs) stopJobs.push(() => void job.stop());
    // Turns of one conversation run one at a time, across instances too: state is saved last-writer-wins.
    adapter.use(turnLockMiddleware(stores.turnLock));
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
    if (!config.directLineSecret && config.production) {
      logger.warn('config.directLineSecretMissing', {
        reason: 'the web chat uses the local Direct Line endpoint: conversations live in this instance only; set DIRECT_LINE_SECRET',
      });
    }
    // Readiness follows the writes: a full disk or a refusing database takes the instance out of rotation.
    const writes = watchWrites(stores.state, now);
    const bot = createAssistant({
      storage: writes.storage,
      recognizer,
      i18n,
      phone: facts.municipality.phone,
      defaultLocale: config.defaultLocale,
      handoff: {
        mode: config.handoffMode,
        availability: phoneAvailabilityOf(facts.municipality),
        callbacks: stores.callbacks,
        retentionDays: config.callbackRetentionDays,
        logger,
      },
      facts,
      now,
      appointments: {
        provider: bookingProvider,
        catalog,
        municipality: facts.municipality,
        calendarLinks: createCalendarLinks({ secret: calendarLinkSecret, baseUrl: config.publicBaseUrl ?? undefined }),
        clock: now,
      },
      survey: { surveyStore: stores.survey.surveyStore, outcomeStore: stores.survey.outcomeStore },
    });
    const staffSessions = createSessions({ ttlMs: STAFF_SESSION_MS, store: stores.sessions });
    const server = createServer({
      logger,
      adapter,
      bot,
      isReady: async () => (await stores.isReady()) && (await writes.writable()),
      trustProxy: config.trustProxy,
      strictTransportSecurity: config.production,
      routes: [
        (server) =>
          registerAppointmentRoutes(server, {
            provider: bookingProvider,
            catalog,
            municipality: facts.municipality,
            secret: calendarLinkSecret,
            now,
            i18n,
            authorize: async (req) => (await signedInStaffMember(req, staffSessions, config.staffAccounts)) !== undefined,
          }),
        (server) =>
          registerWebPage(server, { municipality: facts.municipality, directLineMode: config.directLineSecret ? 'azure' : 'local', i18n }),
        (server) => {
          const newConversations = createAttemptLimiter({
            scope: 'new-conversation',
            maxAttempts: NEW_CONVERSATIONS_PER_ADDRESS,
            windowMs: 10 * 60_000,
            store: stores.attempts,
          });
          if (config.directLineSecret) {
            registerDirectLineTokenRoute(server, { mode: 'azure', secret: config.directLineSecret, logger }, newConversations);
            return;
          }
          const directLine = registerLocalDirectLine(server, {
            tokenSecret: randomBytes(32),
            logger,
            // Links to this server (the calendar file) get the origin the page used, when it is a known host.
            originOf: (req) => requestOrigin(req, config.publicBaseUrl),
            runTurn: async (activity, origin) => {
              const replies = await adapter.processLocalTurn(activity, (context) => bot.run(context));
              return origin ? replies.map((reply) => withAbsoluteLinks(reply, origin)) : replies;
            },
          });
          registerDirectLineTokenRoute(server, { mode: 'local', issueToken: directLine.issueToken }, newConversations);
        },
        (server) =>
          registerSurveyReportRoutes(server, {
            ...stores.survey,
            reportsToken: config.reportsToken,
            baseline: loadSurveyBaseline(),
            logger,
            secureCookies: config.production,
            sessionStore: stores.sessions,
            attemptStore: stores.attempts,
          }),
        (server) =>
          registerStaffConsole(server, {
            i18n,
            callbackStore: stores.callbacks,
            staffAccounts: config.staffAccounts,
            sessions: staffSessions,
            limits: {
              perAddress: createAttemptLimiter({
                scope: 'staff-address',
                maxAttempts: STAFF_FAILURES_PER_ADDRESS,
                windowMs: 15 * 60_000,
                store: stores.attempts,
              }),
              perAddressAndAccount: createAttemptLimiter({
                scope: 'staff-account',
                maxAttempts: 5,
                windowMs: 15 * 60_000,
                store: stores.attempts,
              }),
            },
            logger,
            secureCookies: config.production,
          }),
      ],
    });
    return {
      server,
      facts,
      async close() {
        await stopServing(server, SHUTDOWN_GRACE_MS);
        for (const stop of stopJobs) stop();
        await stores.close();
      },
    };
  } catch (error) {
    for (const stop of stopJobs) stop();
    await stores.close();
    throw error;
  }
}

/** Closes the listening socket and every connection: idle ones now, busy ones after `graceMs`. */
async function stopServing(server: Server, graceMs: number): Promise<void> {
  const http = server.server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  http.closeIdleConnections();
  // Keep-alive sockets that finish their request during the grace period are closed as they go idle.
  const sweep = setInterval(() => http.closeIdleConnections(), 100);
  const grace = setTimeout(() => http.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(grace);
  }
}
