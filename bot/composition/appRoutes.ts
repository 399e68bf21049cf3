import { randomBytes } from 'node:crypto';
import type { i18n } from 'i18next';
import type { Server } from 'restify';
import { createAttemptLimiter } from '../../services/attemptLimiter.js';
import { loadSurveyBaseline } from '../../services/survey/surveyBaselineFile.js';
import { withAbsoluteLinks } from '../channels/absoluteLinks.js';
import { registerDirectLineTokenRoute } from '../directLine/directLineToken.js';
import { registerLocalDirectLine } from '../directLine/localDirectLine.js';
import { registerAppointmentRoutes } from '../http/appointmentRoutes.js';
import { requestOrigin } from '../http/requestOrigin.js';
import { registerSurveyReportRoutes } from '../http/surveyReportRoutes.js';
import { registerWebPage } from '../http/webPage.js';
import { registerStaffConsole, signedInStaffMember } from '../staff/staffConsole.js';
import type { AppParts, AppServices } from './appServices.js';
import type { AssistantRuntime } from './assistantRuntime.js';

/** New web chat conversations one address may start in ten minutes (a whole office shares one address). */
const NEW_CONVERSATIONS_PER_ADDRESS = 60;

/** Failed staff logins one address may make in 15 minutes, over all accounts (5 per account). */
const STAFF_FAILURES_PER_ADDRESS = 20;

interface RouteParts extends AppParts {
  i18n: i18n;
  services: AppServices;
  runtime: AssistantRuntime;
}

type Route = (server: Server) => void;

/** Bot → routes: every page and API besides /api/messages, in the order they are registered. */
export function appRoutes(parts: RouteParts): Route[] {
  return [appointmentRoutes(parts), webPage(parts), directLineRoutes(parts), surveyReportRoutes(parts), staffConsole(parts)];
}

function appointmentRoutes({ config, facts, catalog, now, i18n, services }: RouteParts): Route {
  return (server) =>
    registerAppointmentRoutes(server, {
      provider: services.bookingProvider,
      catalog,
      municipality: facts.municipality,
      secret: services.calendarLinkSecret,
      now,
      i18n,
      authorize: async (req) => (await signedInStaffMember(req, services.staffSessions, config.staffAccounts)) !== undefined,
    });
}

function webPage({ config, facts, i18n }: RouteParts): Route {
  return (server) =>
    registerWebPage(server, { municipality: facts.municipality, directLineMode: config.directLineSecret ? 'azure' : 'local', i18n });
}

/** The chat page's Direct Line: Azure's with DIRECT_LINE_SECRET, else our local endpoint in this process. */
function directLineRoutes({ config, logger, stores, runtime }: RouteParts): Route {
  if (!config.directLineSecret && config.production) {
    logger.warn('config.directLineSecretMissing', {
      reason: 'the web chat uses the local Direct Line endpoint: conversations live in this instance only; set DIRECT_LINE_SECRET',
    });
  }
  return (server) => {
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
    const { adapter, bot } = runtime;
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
  };
}

function surveyReportRoutes({ config, logger, stores }: RouteParts): Route {
  return (server) =>
    registerSurveyReportRoutes(server, {
      ...stores.survey,
      reportsToken: config.reportsToken,
      baseline: loadSurveyBaseline(),
      logger,
      secureCookies: config.production,
      sessionStore: stores.sessions,
      attemptStore: stores.attempts,
    });
}

function staffConsole({ config, logger, stores, i18n, services }: RouteParts): Route {
  const failures = (scope: string, maxAttempts: number) =>
    createAttemptLimiter({ scope, maxAttempts, windowMs: 15 * 60_000, store: stores.attempts });
  return (server) =>
    registerStaffConsole(server, {
      i18n,
      callbackStore: stores.callbacks,
      staffAccounts: config.staffAccounts,
      sessions: services.staffSessions,
      limits: { perAddress: failures('staff-address', STAFF_FAILURES_PER_ADDRESS), perAddressAndAccount: failures('staff-account', 5) },
      logger,
      secureCookies: config.production,
    });
}
