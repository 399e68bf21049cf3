import type { Activity, ChannelAccount, ConversationAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';

import type { Logger } from '../logger.js';
import { clientAddress } from '../http/clientAddress.js';
import {
  ConversationLimitError,
  ConversationRegistry,
  TurnQueueFullError,
  type ConversationLimits,
  type LocalConversation,
} from './conversationRegistry.js';
import {
  createConversationTokenService,
  randomId,
  type ConversationTokenClaims,
  type ConversationTokenService,
  type DirectLineTokenGrant,
} from './conversationToken.js';
import { sendJson, sendJsonError } from './jsonAnswer.js';

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

const DIRECT_LINE_CHANNEL_ID = 'directline';
const DEFAULT_MAX_ACTIVITY_BYTES = 32_000;
const ACCEPTED_ACTIVITY_TYPES = new Set(['message', 'event', 'typing']);
// Direct Line does not deliver these to clients.
const HIDDEN_REPLY_TYPES = new Set(['trace', 'delay']);
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

type Authorised = { claims: ConversationTokenClaims };
type ConversationAccess = Authorised & { conversation: LocalConversation };

export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const now = options.now ?? Date.now;
  const tokens = createConversationTokenService({ tokenSecret: options.tokenSecret, now, ttlSeconds: options.tokenTtlSeconds });
  const registry = new ConversationRegistry(now, {
    ...options.limits,
    ...(options.maxConversations !== undefined ? { maxConversations: options.maxConversations } : {}),
  });
  const bot: ChannelAccount = { id: options.bot?.id ?? 'bot', name: options.bot?.name ?? 'bot', role: 'bot' };
  const serviceUrl = options.serviceUrl ?? 'http://127.0.0.1/v3/directline';
  const maxActivityBytes = options.maxActivityBytes ?? DEFAULT_MAX_ACTIVITY_BYTES;
  const logger = options.logger;

  const base = '/v3/directline';

  server.post(
    `${base}/conversations`,
    guarded(logger, async (req, res) => {
      const auth = await authorise(tokens, req, res);
      if (!auth) return;
      const locale = readLocale(readBody(req)?.['locale']);
      let started: ReturnType<ConversationRegistry['start']>;
      try {
        started = registry.start(auth.claims.conv, auth.claims.user, locale, clientAddress(req));
      } catch (error) {
        if (!(error instanceof ConversationLimitError)) throw error;
        logger?.warn('directline.conversationLimit', { conversations: registry.size });
        res.header('Retry-After', '60');
        return sendJsonError(res, 503, 'TooManyConversations', 'The chat is very busy right now. Please try again in a minute.');
      }
      const { conversation, created } = started;
      if (created) {
        await runWelcomeTurn(conversation, options.originOf?.(req));
      }
      sendJson(res, created ? 201 : 200, await tokens.reissue(auth.claims));
    }),
  );

  server.get(
    `${base}/conversations/:conversationId`,
    guarded(logger, async (req, res) => {
      const access = await openConversation(req, res);
      if (!access) return;
      sendJson(res, 200, await tokens.reissue(access.claims));
    }),
  );

  server.get(
    `${base}/conversations/:conversationId/activities`,
    guarded(logger, async (req, res) => {
      const access = await openConversation(req, res);
      if (!access) return;
      const watermark = new URL(req.url ?? '', 'http://local').searchParams.get('watermark');
      sendJson(res, 200, registry.activitiesSince(access.conversation, watermark));
    }),
  );

  server.post(
    `${base}/conversations/:conversationId/activities`,
    guarded(logger, async (req, res) => {
      const access = await openConversation(req, res);
      if (!access) return;
      const body = readBody(req);
      if (!body) return sendJsonError(res, 400, 'BadActivity', 'The activity must be a JSON object.');
      if (Buffer.byteLength(JSON.stringify(body)) > maxActivityBytes) {
        return sendJsonError(res, 413, 'ActivityTooLarge', 'The activity is too large.');
      }
      const fields = readActivityFields(body);
      if (!fields) return sendJsonError(res, 400, 'BadActivity', 'Unsupported or malformed activity.');

      const { conversation } = access;
      let echoId: string;
      try {
        echoId = await registry.enqueueTurn(conversation, async () => {
          const incoming: Partial<Activity> = {
            ...fields,
            ...incomingEnvelope(conversation),
            locale: fields.locale ?? conversation.locale,
          };
          if (incoming.locale === undefined) delete incoming.locale;
          // The page sees its own activity in the stream (Web Chat matches it by channelData.clientActivityID).
          const { serviceUrl: _hidden, ...echo } = incoming;
          const stored = registry.append(conversation, echo);
          if (incoming.type !== 'typing') {
            registry.markUsed(conversation);
            const replies = await options.runTurn({ ...incoming, id: stored.id }, options.originOf?.(req));
            appendReplies(conversation, replies);
          }
          return stored.id!;
        });
      } catch (error) {
        if (error instanceof TurnQueueFullError) {
          return sendJsonError(res, 429, 'TurnQueueFull', 'Too many messages at once. Please wait for the answer.');
        }
        logger?.error('directline.turnFailed', { conversationId: conversation.id, activityType: fields.type });
        return sendJsonError(res, 502, 'BotError', 'The bot could not handle the activity.');
      }
      sendJson(res, 200, { id: echoId });
    }),
  );

  server.post(
    `${base}/tokens/refresh`,
    guarded(logger, async (req, res) => {
      const auth = await authorise(tokens, req, res);
      if (!auth) return;
      sendJson(res, 200, await tokens.reissue(auth.claims));
    }),
  );

  return {
    issueToken: () => tokens.issueForNewConversation(),
    conversationCount: () => registry.size,
    pendingTurns: (conversationId) => registry.pendingTurns(conversationId),
  };

  async function openConversation(req: Request, res: Response): Promise<ConversationAccess | undefined> {
    const auth = await authorise(tokens, req, res);
    if (!auth) return undefined;
    if (req.params?.conversationId !== auth.claims.conv) {
      sendJsonError(res, 403, 'WrongConversation', 'The token is not valid for this conversation.');
      return undefined;
    }
    const conversation = registry.find(auth.claims.conv);
    if (!conversation) {
      sendJsonError(res, 404, 'ConversationNotFound', 'Unknown or expired conversation.');
      return undefined;
    }
    return { ...auth, conversation };
  }

  function incomingEnvelope(conversation: LocalConversation): Partial<Activity> {
    return {
      id: randomId(),
      timestamp: new Date(now()),
      channelId: DIRECT_LINE_CHANNEL_ID,
      serviceUrl,
      from: residentAccount(conversation),
      recipient: { ...bot },
      conversation: conversationAccount(conversation),
    };
  }

  async function runWelcomeTurn(conversation: LocalConversation, origin: string | undefined): Promise<void> {
    try {
      await registry.enqueueTurn(conversation, async () => {
        const update: Partial<Activity> = {
          type: 'conversationUpdate',
          ...incomingEnvelope(conversation),
          membersAdded: [residentAccount(conversation)],
        };
        if (conversation.locale) update.locale = conversation.locale;
        appendReplies(conversation, await options.runTurn(update, origin));
      });
    } catch {
      // The conversation still works without a welcome; the resident can type.
      logger?.error('directline.turnFailed', { conversationId: conversation.id, activityType: 'conversationUpdate' });
    }
  }

  function appendReplies(conversation: LocalConversation, replies: Partial<Activity>[]): void {
    for (const reply of Array.isArray(replies) ? replies : []) {
      if (typeof reply?.type !== 'string' || HIDDEN_REPLY_TYPES.has(reply.type)) continue;
      const { serviceUrl: _hidden, ...visible } = reply;
      registry.append(conversation, {
        ...visible,
        timestamp: new Date(now()),
        channelId: DIRECT_LINE_CHANNEL_ID,
        conversation: conversationAccount(conversation),
        from: { id: reply.from?.id ?? bot.id, name: reply.from?.name ?? bot.name, role: 'bot' },
        recipient: residentAccount(conversation),
      });
    }
  }
}

// Direct Line sends accounts with just an id (and a role); the schema's other required fields mean nothing here.
function residentAccount(conversation: LocalConversation): ChannelAccount {
  return { id: conversation.userId, role: 'user' } as ChannelAccount;
}

function conversationAccount(conversation: LocalConversation): ConversationAccount {
  return { id: conversation.id } as ConversationAccount;
}

/** Checks the bearer token; answers 401 (missing or invalid) or 403 (expired) itself. */
async function authorise(tokens: ConversationTokenService, req: Request, res: Response): Promise<Authorised | undefined> {
  const check = await tokens.check(req.headers.authorization);
  if (check.ok) return { claims: check.claims };
  if (check.reason === 'expired') sendJsonError(res, 403, 'TokenExpired', 'The token has expired.');
  else if (check.reason === 'missing') sendJsonError(res, 401, 'MissingToken', 'A bearer token is required.');
  else sendJsonError(res, 401, 'InvalidToken', 'The token is not valid.');
  return undefined;
}

type ActivityFields = Pick<
  Partial<Activity>,
  'text' | 'textFormat' | 'value' | 'name' | 'channelData' | 'entities' | 'localTimestamp' | 'localTimezone'
> & { type: string; locale: string | undefined };

/**
 * Keeps only what a resident's page may decide: the server sets ids, time, sender, recipient
 * and conversation. Attachments are dropped: Web Chat uploads files through a route we do not offer.
 */
function readActivityFields(body: Record<string, unknown>): ActivityFields | undefined {
  const { type, text, textFormat, value, name, channelData, entities, localTimestamp, localTimezone, locale } = body;
  if (typeof type !== 'string' || !ACCEPTED_ACTIVITY_TYPES.has(type)) return undefined;
  if (text !== undefined && typeof text !== 'string') return undefined;
  if (name !== undefined && typeof name !== 'string') return undefined;
  if (channelData !== undefined && !isPlainObject(channelData)) return undefined;
  if (entities !== undefined && !Array.isArray(entities)) return undefined;
  const fields: ActivityFields = { type, locale: readLocale(locale) };
  if (text !== undefined) fields.text = text;
  if (typeof textFormat === 'string') fields.textFormat = textFormat as Activity['textFormat'];
  if (value !== undefined) fields.value = value;
  if (name !== undefined) fields.name = name;
  if (channelData !== undefined) fields.channelData = channelData;
  if (entities !== undefined) fields.entities = entities as Activity['entities'];
  if (typeof localTimestamp === 'string') fields.localTimestamp = localTimestamp as unknown as Date;
  if (typeof localTimezone === 'string') fields.localTimezone = localTimezone;
  if (fields.locale === undefined) delete fields.locale;
  return fields;
}

function readLocale(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 35 && LOCALE_PATTERN.test(value) ? value : undefined;
}

/** The parsed JSON body as an object; tolerates a body parser that left a string or Buffer. */
function readBody(req: Request): Record<string, unknown> | undefined {
  let body: unknown = req.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      body = JSON.parse(body.toString());
    } catch {
      return undefined;
    }
  }
  return isPlainObject(body) ? body : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any unexpected failure becomes a short JSON 500, never a stack. */
function guarded(logger: Logger | undefined, handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (error) {
      logger?.error('directline.unexpected', { errorName: error instanceof Error ? error.name : 'unknown' });
      if (!res.headersSent) {
        sendJson(res, 500, { error: { code: 'InternalError', message: 'Something went wrong.' } });
      }
    }
  };
}
