import type { Request, Response } from 'restify';
import type { Logger } from '../logger.js';
import { clientAddress } from '../http/clientAddress.js';
import { sendError } from '../http/httpErrors.js';
import type { createConversationAccess } from './conversationAccess.js';
import { ConversationLimitError, type ConversationRegistry, type LocalConversation, TurnQueueFullError } from './conversationRegistry.js';
import type { ConversationTokenClaims, ConversationTokenService } from './conversationToken.js';
import type { createConversationTurns } from './conversationTurns.js';
import { sendJson } from './jsonAnswer.js';
import { readActivityFields, readBody, readLocale, type ActivityFields } from './pageActivity.js';

/** What every route of the local Direct Line works with; `localDirectLine.ts` assembles it once. */
export interface LocalDirectLineParts {
  tokens: ConversationTokenService;
  registry: ConversationRegistry;
  turns: ReturnType<typeof createConversationTurns>;
  access: ReturnType<typeof createConversationAccess>;
  /** The checked origin of a request, for links back to the page. */
  originOf: (req: Request) => string | undefined;
  maxActivityBytes: number;
  logger?: Logger;
}

export type DirectLineHandler = (req: Request, res: Response) => Promise<void>;

/** `POST /conversations`: starts the token's conversation (201, with the welcome) or resumes it (200). */
export function startConversation(parts: LocalDirectLineParts): DirectLineHandler {
  return async (req, res) => {
    const auth = await parts.access.authorise(req, res);
    if (!auth) return;
    const started = startOrRefuse(parts, req, res, auth.claims);
    if (!started) return;
    if (started.created) await parts.turns.welcome(started.conversation, parts.originOf(req));
    sendJson(res, started.created ? 201 : 200, await parts.tokens.reissue(auth.claims));
  };
}

/** The registry's conversation for the token, or undefined after answering 503 when every slot is in use. */
function startOrRefuse(parts: LocalDirectLineParts, req: Request, res: Response, claims: ConversationTokenClaims) {
  const locale = readLocale(readBody(req)?.['locale']);
  try {
    return parts.registry.start(claims.conv, claims.user, locale, clientAddress(req));
  } catch (error) {
    if (!(error instanceof ConversationLimitError)) throw error;
    parts.logger?.warn('directline.conversationLimit', { conversations: parts.registry.size });
    res.header('Retry-After', '60');
    sendError(res, 'TooManyConversations', 'The chat is very busy right now. Please try again in a minute.');
    return undefined;
  }
}

/** `GET /conversations/:conversationId`: a fresh token for the conversation the page resumes. */
export function resumeConversation(parts: LocalDirectLineParts): DirectLineHandler {
  return async (req, res) => {
    const access = await parts.access.openConversation(req, res);
    if (access) sendJson(res, 200, await parts.tokens.reissue(access.claims));
  };
}

/** `GET /conversations/:conversationId/activities?watermark=n`: the transcript after the watermark. */
export function activitiesSince(parts: LocalDirectLineParts): DirectLineHandler {
  return async (req, res) => {
    const access = await parts.access.openConversation(req, res);
    if (!access) return;
    const watermark = new URL(req.url ?? '', 'http://local').searchParams.get('watermark');
    sendJson(res, 200, parts.registry.activitiesSince(access.conversation, watermark));
  };
}

/** `POST /conversations/:conversationId/activities`: one activity from the page, answered with its echo's id. */
export function postActivity(parts: LocalDirectLineParts): DirectLineHandler {
  return async (req, res) => {
    const access = await parts.access.openConversation(req, res);
    if (!access) return;
    const fields = readPostedActivity(req, res, parts.maxActivityBytes);
    if (!fields) return;
    const echoId = await runPostedTurn(parts, access.conversation, fields, req, res);
    if (echoId !== undefined) sendJson(res, 200, { id: echoId });
  };
}

/** The fields of the posted activity, or undefined after answering 400 or 413. */
function readPostedActivity(req: Request, res: Response, maxActivityBytes: number): ActivityFields | undefined {
  const body = readBody(req);
  const tooLarge = body !== undefined && Buffer.byteLength(JSON.stringify(body)) > maxActivityBytes;
  const fields = body && !tooLarge ? readActivityFields(body) : undefined;
  if (tooLarge) sendError(res, 'ActivityTooLarge', 'The activity is too large.');
  else if (!body) sendError(res, 'BadActivity', 'The activity must be a JSON object.');
  else if (!fields) sendError(res, 'BadActivity', 'Unsupported or malformed activity.');
  return fields;
}

/** Queues the turn and returns the echo's id, or undefined after answering 429 (queue full) or 502 (the turn threw). */
async function runPostedTurn(
  parts: LocalDirectLineParts,
  conversation: LocalConversation,
  fields: ActivityFields,
  req: Request,
  res: Response,
): Promise<string | undefined> {
  try {
    return await parts.turns.post(conversation, fields, parts.originOf(req));
  } catch (error) {
    if (error instanceof TurnQueueFullError) {
      sendError(res, 'TurnQueueFull', 'Too many messages at once. Please wait for the answer.');
    } else {
      parts.logger?.error('directline.turnFailed', { conversationId: conversation.id, activityType: fields.type });
      sendError(res, 'BotError', 'The bot could not handle the activity.');
    }
    return undefined;
  }
}

/** `POST /tokens/refresh`: the same claims with a new expiry. */
export function refreshToken(parts: LocalDirectLineParts): DirectLineHandler {
  return async (req, res) => {
    const auth = await parts.access.authorise(req, res);
    if (auth) sendJson(res, 200, await parts.tokens.reissue(auth.claims));
  };
}
