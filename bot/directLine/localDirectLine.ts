import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Server } from 'restify';

import type { Logger } from '../logger.js';
import { createConversationAccess, guarded } from './conversationAccess.js';
import { ConversationRegistry, type ConversationLimits } from './conversationRegistry.js';
import {
  activitiesSince,
  postActivity,
  refreshToken,
  resumeConversation,
  startConversation,
  type LocalDirectLineParts,
} from './conversationRoutes.js';
import { createConversationTokenService, type DirectLineTokenGrant } from './conversationToken.js';
import { createConversationTurns } from './conversationTurns.js';

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

const ROUTES = [
  ['post', `${BASE}/conversations`, startConversation],
  ['get', `${BASE}/conversations/:conversationId`, resumeConversation],
  ['get', `${BASE}/conversations/:conversationId/activities`, activitiesSince],
  ['post', `${BASE}/conversations/:conversationId/activities`, postActivity],
  ['post', `${BASE}/tokens/refresh`, refreshToken],
] as const;

/**
 * The routes: start or resume a conversation, poll and post activities, refresh the token. The
 * handlers (conversationRoutes.ts), tokens (conversationToken.ts), access (conversationAccess.ts),
 * turns (conversationTurns.ts) and what the page may post (pageActivity.ts) each live in their own module.
 */
export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const parts = assembleParts(options);
  for (const [method, path, handler] of ROUTES) server[method](path, guarded(parts.logger, handler(parts)));
  return {
    issueToken: () => parts.tokens.issueForNewConversation(),
    conversationCount: () => parts.registry.size,
    pendingTurns: (conversationId) => parts.registry.pendingTurns(conversationId),
  };
}

/** The token service, the conversations in memory, their turns and who may open them, from the options and their defaults. */
function assembleParts(options: LocalDirectLineOptions): LocalDirectLineParts {
  const now = options.now ?? Date.now;
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
    logger: options.logger,
  });
  return {
    tokens,
    registry,
    turns,
    access: createConversationAccess(tokens, registry),
    originOf: (req) => options.originOf?.(req),
    maxActivityBytes: options.maxActivityBytes ?? DEFAULT_MAX_ACTIVITY_BYTES,
    logger: options.logger,
  };
}
