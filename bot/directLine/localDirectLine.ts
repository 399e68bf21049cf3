import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Server } from 'restify';

import type { Logger } from '../logger.js';
import { clientAddress } from '../http/clientAddress.js';
import { createConversationAccess, guarded } from './conversationAccess.js';
import { ConversationLimitError, ConversationRegistry, TurnQueueFullError, type ConversationLimits } from './conversationRegistry.js';
import { createConversationTokenService, type DirectLineTokenGrant } from './conversationToken.js';
import { createConversationTurns } from './conversationTurns.js';
import { sendError } from '../http/httpErrors.js';
import { sendJson } from './jsonAnswer.js';
import { readActivityFields, readBody, readLocale } from './pageActivity.js';

/**
 * A Direct Line 3.0 subset on our own server, so Web Chat works without Azure (local mode,
 * no DIRECT_LINE_SECRET): start or resume a conversation, post activities, poll them with a
 * watermark, refresh the token. No WebSocket stream and no uploads: Web Chat runs with
 * `webSocket: false`.
 */
export interface LocalDirectLineOptions {
  /**
   * Runs one bot turn for a complete incoming activity and returns the bot's replies. `origin` is
   * where the page reached this server (see `originOf`), for links back to it.
   */
  runTurn(activity: Partial<Activity>, origin?: string): Promise<Partial<Activity>[]>;
  /** The checked origin of a request (for example `requestOrigin`); without it replies keep their links as they are. */
  originOf?: (req: Request) => string | undefined;
  /** Random per process (for example `randomBytes(32)`); signs the conversation tokens. */
  tokenSecret: Buffer;
  /** Clock in milliseconds; tests pass a fixed one. */
  now?: () => number;
  maxConversations?: number;
  /** Other memory bounds; see DEFAULT_CONVERSATION_LIMITS. */
  limits?: Partial<Omit<ConversationLimits, 'maxConversations'>>;
  tokenTtlSeconds?: number;
  /** Largest activity the page may post, in bytes of JSON. */
  maxActivityBytes?: number;
  /** The bot as the recipient of the resident's activities. */
  bot?: { id: string; name: string };
  /** Put on incoming activities because the Activity schema requires it; replies come back through runTurn, not here. */
  serviceUrl?: string;
  logger?: Logger;
}

export interface LocalDirectLine {
  /** A token for a new conversation, for `POST /api/directline/token` in local mode. */
  issueToken(): Promise<DirectLineTokenGrant>;
  /** Number of conversations held in memory. */
  conversationCount(): number;
  /** Turns waiting or running in one conversation: for monitoring and tests. */
  pendingTurns(conversationId: string): number;
}

const DEFAULT_MAX_ACTIVITY_BYTES = 32_000;
const BASE = '/v3/directline';

/**
 * The routes: start or resume a conversation, poll and post activities, refresh the token. Tokens
 * (conversationToken.ts), access (conversationAccess.ts), turns (conversationTurns.ts) and what the
 * page may post (pageActivity.ts) each live in their own module.
 */
export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const now = options.now ?? Date.now;
  const logger = options.logger;
  const maxActivityBytes = options.maxActivityBytes ?? DEFAULT_MAX_ACTIVITY_BYTES;
  const tokens = createConversationTokenService({ tokenSecret: options.tokenSecret, now, ttlSeconds: options.tokenTtlSeconds });
  const registry = new ConversationRegistry(now, {
    ...options.limits,
    ...(options.maxConversations !== undefined ? { maxConversations: options.maxConversations } : {}),
  });
  const bot: ChannelAccount = { id: options.bot?.id ?? 'bot', name: options.bot?.name ?? 'bot', role: 'bot' };
  const turns = createConversationTurns({
    registry,
    runTurn: options.runTurn,
    now,
    bot,
    serviceUrl: options.serviceUrl ?? 'http://127.0.0.1/v3/directline',
    logger,
  });
  const { authorise, openConversation } = createConversationAccess(tokens, registry);
  const originOf = (req: Request) => options.originOf?.(req);

  server.post(
    `${BASE}/conversations`,
    guarded(logger, async (req, res) => {
      const auth = await authorise(req, res);
      if (!auth) return;
      const locale = readLocale(readBody(req)?.['locale']);
      let started: ReturnType<ConversationRegistry['start']>;
      try {
        started = registry.start(auth.claims.conv, auth.claims.user, locale, clientAddress(req));
      } catch (error) {
        if (!(error instanceof ConversationLimitError)) throw error;
        logger?.warn('directline.conversationLimit', { conversations: registry.size });
        res.header('Retry-After', '60');
        return sendError(res, 'TooManyConversations', 'The chat is very busy right now. Please try again in a minute.');
      }
      if (started.created) await turns.welcome(started.conversation, originOf(req));
      sendJson(res, started.created ? 201 : 200, await tokens.reissue(auth.claims));
    }),
  );

  server.get(
    `${BASE}/conversations/:conversationId`,
    guarded(logger, async (req, res) => {
      const access = await openConversation(req, res);
      if (access) sendJson(res, 200, await tokens.reissue(access.claims));
    }),
  );

  server.get(
    `${BASE}/conversations/:conversationId/activities`,
    guarded(logger, async (req, res) => {
      const access = await openConversation(req, res);
      if (!access) return;
      const watermark = new URL(req.url ?? '', 'http://local').searchParams.get('watermark');
      sendJson(res, 200, registry.activitiesSince(access.conversation, watermark));
    }),
  );

  server.post(
    `${BASE}/conversations/:conversationId/activities`,
    guarded(logger, async (req, res) => {
      const access = await openConversation(req, res);
      if (!access) return;
      const body = readBody(req);
      if (!body) return sendError(res, 'BadActivity', 'The activity must be a JSON object.');
      if (Buffer.byteLength(JSON.stringify(body)) > maxActivityBytes) {
        return sendError(res, 'ActivityTooLarge', 'The activity is too large.');
      }
      const fields = readActivityFields(body);
      if (!fields) return sendError(res, 'BadActivity', 'Unsupported or malformed activity.');
      let echoId: string;
      try {
        echoId = await turns.post(access.conversation, fields, originOf(req));
      } catch (error) {
        if (error instanceof TurnQueueFullError) {
          return sendError(res, 'TurnQueueFull', 'Too many messages at once. Please wait for the answer.');
        }
        logger?.error('directline.turnFailed', { conversationId: access.conversation.id, activityType: fields.type });
        return sendError(res, 'BotError', 'The bot could not handle the activity.');
      }
      sendJson(res, 200, { id: echoId });
    }),
  );

  server.post(
    `${BASE}/tokens/refresh`,
    guarded(logger, async (req, res) => {
      const auth = await authorise(req, res);
      if (auth) sendJson(res, 200, await tokens.reissue(auth.claims));
    }),
  );

  return {
    issueToken: () => tokens.issueForNewConversation(),
    conversationCount: () => registry.size,
    pendingTurns: (conversationId) => registry.pendingTurns(conversationId),
  };
}
