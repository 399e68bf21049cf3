import type { TurnContext } from 'botbuilder';
import type { AssistantAdapter } from '../adapter.js';
import type { Request, Response, Server } from 'restify';
import { errorCode } from '../../services/errorCatalogue.js';
import type { Logger } from '../logger.js';
import { HttpError, sendError } from './httpErrors.js';

export interface TurnLogic {
  run(context: TurnContext): Promise<void>;
}

/** `POST /api/messages`: Bot Framework activities, authenticated by the adapter when an app id is set. */
export function registerMessagesRoute(server: Server, deps: { adapter: AssistantAdapter; bot: TurnLogic; logger: Logger }): void {
  // Logged once per outage, not once per (possibly forged) request.
  let keysUnavailableLogged = false;
  server.post('/api/messages', async (req: Request, res: Response) => {
    let activity: Record<string, unknown>;
    try {
      activity = toActivity(req.body);
      if (!deps.adapter.authenticates) requireLoopbackServiceUrl(activity);
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error.answer, error.message);
      throw error;
    }
    try {
      const invokeResponse = await deps.adapter.processTurn(req.headers.authorization ?? '', activity, (context) => {
        keysUnavailableLogged = false;
        return deps.bot.run(context);
      });
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
      else res.end();
    } catch (error) {
      if (isSigningKeyFetchFailure(error)) {
        if (!keysUnavailableLogged) deps.logger.error('auth.keysUnavailable', { reason: 'the channel signing keys could not be fetched' });
        keysUnavailableLogged = true;
        res.setHeader('Retry-After', '30');
        return sendError(res, 'auth_keys_unavailable', 'The request cannot be checked right now; try again later.');
      }
      if (isAuthenticationFailure(error)) {
        return sendError(res, 'unauthorized', 'The request is not signed by a Bot Framework channel this bot accepts.');
      }
      deps.logger.error('messages.failed', { code: errorCode(error) });
      return sendError(res, 'internal', 'The message could not be processed.');
    }
  });
}

function toActivity(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError('activity_invalid', 'The body must be a Bot Framework activity object.');
  }
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type) {
    throw new HttpError('activity_type_missing', 'The activity has no type.');
  }
  return activity;
}

/**
 * Without channel authentication anyone who reaches the port can post an activity, and the bot
 * would send its replies to whatever serviceUrl it names: only the Emulator on this machine may.
 */
function requireLoopbackServiceUrl(activity: Record<string, unknown>): void {
  if (activity.serviceUrl === undefined) return;
  if (typeof activity.serviceUrl !== 'string' || !isLoopbackUrl(activity.serviceUrl)) {
    throw new HttpError('service_url_not_local', 'Without MicrosoftAppId only a serviceUrl on this machine is accepted.');
  }
}

function isLoopbackUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * botframework-connector could not fetch the OpenID metadata or the signing keys: node-fetch's
 * network error, or its own 500 "Failed to load …". Nobody can be authenticated, forged or not.
 */
function isSigningKeyFetchFailure(error: unknown): boolean {
  const candidate = error as { statusCode?: unknown; name?: unknown; message?: unknown } | null;
  if (candidate?.name === 'FetchError') return true;
  return (
    candidate?.name === 'AuthenticationError' && candidate.statusCode === 500 && String(candidate.message).startsWith('Failed to load')
  );
}

/** Errors of token validation: botframework-connector's own, and jsonwebtoken's that it lets through (a bad signature). */
const TOKEN_ERROR_NAMES = new Set(['AuthenticationError', 'JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

function isAuthenticationFailure(error: unknown): boolean {
  const candidate = error as { statusCode?: unknown; name?: unknown } | null;
  return candidate?.statusCode === 401 || TOKEN_ERROR_NAMES.has(String(candidate?.name));
}
