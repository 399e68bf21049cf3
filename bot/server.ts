import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { AssistantAdapter } from './adapter.js';
import { errorCode, HTTP_ANSWERS, type HttpAnswerCode } from '../services/errorCatalogue.js';
import { trustForwardedFor, type TrustedProxies } from './http/clientAddress.js';
import { registerHealthRoutes } from './http/healthRoutes.js';
import { jsonBodyParser } from './http/jsonBody.js';
import { sendError } from './http/httpErrors.js';
import { registerMessagesRoute, type TurnLogic } from './http/messagesRoute.js';
import type { Logger } from './logger.js';
import { isStoreError } from '../stores/storeErrors.js';

export interface ServerDeps {
  logger: Logger;
  adapter: AssistantAdapter;
  bot: TurnLogic;
  /** Whether storage answers; drives `/readyz`. */
  isReady: () => Promise<boolean>;
  /** Behind a reverse proxy: which proxies' X-Forwarded-For entries to believe (see clientAddress); null = none. */
  trustProxy?: TrustedProxies | null;
  /** Production behind HTTPS: every answer tells browsers to use HTTPS only (HSTS). */
  strictTransportSecurity?: boolean;
  /** Further routes (web page, Direct Line, staff console, reports), registered after the core ones. */
  routes?: readonly ((server: Server) => void)[];
}

/** Builds the HTTP server without listening, so tests can start it on any port. */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'gemeente-assistent', handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.sanitizePath());
  server.pre(securityHeaders(deps.strictTransportSecurity ?? false));
  if (deps.trustProxy) trustForwardedFor(server, deps.trustProxy);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(jsonBodyParser());

  registerMessagesRoute(server, deps);
  registerHealthRoutes(server, deps.isReady);
  for (const register of deps.routes ?? []) register(server);

  // Restify's own errors (404, 405) and handlers that threw get our short JSON shape, sent here once;
  // 5xx never show their message. A store that cannot be reached is 503 storage_unavailable.
  server.on('restifyError', (_req, res: Response, error: RestifyError, callback: () => void) => {
    if (!res.headersSent) {
      const answer = errorAnswer(error);
      const status = HTTP_ANSWERS[answer.code];
      if (status >= 500) deps.logger.error('http.failed', { code: errorCode(error), status });
      if (answer.retryAfterSeconds) res.header('Retry-After', String(answer.retryAfterSeconds));
      sendError(res, answer.code, answer.message);
    }
    return callback();
  });
  return server;
}

interface RestifyError extends Error {
  statusCode?: number;
}

interface ErrorAnswer {
  code: HttpAnswerCode;
  message: string;
  retryAfterSeconds?: number;
}

/** Restify's router raises only these two below 500 (restify 11: lib/router.js). */
const ROUTER_ANSWERS: Readonly<Record<number, HttpAnswerCode>> = { 404: 'resource_not_found', 405: 'method_not_allowed' };

function errorAnswer(error: RestifyError): ErrorAnswer {
  if (isStoreError(error, 'STORAGE_UNAVAILABLE')) {
    return { code: 'storage_unavailable', message: 'The storage cannot be reached; try again shortly.', retryAfterSeconds: 5 };
  }
  const code = ROUTER_ANSWERS[error.statusCode ?? 500];
  if (!code) return { code: 'internal', message: 'Something went wrong on our side.' };
  return { code, message: shortMessage(error) };
}

/** Headers on every answer: no MIME sniffing (JSON and scripts are never read as HTML), and HSTS in production. */
function securityHeaders(strictTransportSecurity: boolean) {
  return (_req: Request, res: Response, next: Next): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (strictTransportSecurity) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}

function shortMessage(error: RestifyError): string {
  return error.message.length <= 120 ? error.message : `${error.message.slice(0, 117)}...`;
}
