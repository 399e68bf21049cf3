import restify, { type Server } from 'restify';
import type { AssistantAdapter } from './adapter.js';
import { errorCode } from './errorCodes.js';
import { trustForwardedFor, type TrustedProxies } from './http/clientAddress.js';
import { registerHealthRoutes } from './http/healthRoutes.js';
import { jsonBodyParser } from './http/jsonBody.js';
import { registerMessagesRoute, type TurnLogic } from './http/messagesRoute.js';
import type { Logger } from './logger.js';

export interface ServerDeps {
  logger: Logger;
  adapter: AssistantAdapter;
  bot: TurnLogic;
  /** Whether storage answers; drives `/readyz`. */
  isReady: () => Promise<boolean>;
  /** Behind a reverse proxy: which proxies' X-Forwarded-For entries to believe (see clientAddress); null = none. */
  trustProxy?: TrustedProxies | null;
  /** Further routes (web page, Direct Line, staff console, reports), registered after the core ones. */
  routes?: readonly ((server: Server) => void)[];
}

/** Builds the HTTP server without listening, so tests can start it on any port. */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'gemeente-assistent', handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.sanitizePath());
  if (deps.trustProxy) trustForwardedFor(server, deps.trustProxy);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(jsonBodyParser());

  registerMessagesRoute(server, deps);
  registerHealthRoutes(server, deps.isReady);
  for (const register of deps.routes ?? []) register(server);

  // Restify's own errors (404, 405, a handler that threw) get our short JSON shape; 5xx never show their message.
  server.on('restifyError', (_req, _res, error: RestifyError, callback: () => void) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) deps.logger.error('http.failed', { code: errorCode(error), status });
    const body = {
      error: {
        code: status >= 500 ? 'internal' : toSnakeCase(error.name),
        message: status >= 500 ? 'Something went wrong on our side.' : shortMessage(error),
      },
    };
    error.toJSON = () => body;
    error.toString = () => JSON.stringify(body);
    return callback();
  });
  return server;
}

interface RestifyError extends Error {
  statusCode?: number;
  toJSON?: () => unknown;
}

function toSnakeCase(name: string): string {
  return name.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() || 'error';
}

function shortMessage(error: RestifyError): string {
  return error.message.length <= 120 ? error.message : `${error.message.slice(0, 117)}...`;
}
