import type { Request, Response } from 'restify';
import type { Logger } from '../logger.js';
import type { ConversationRegistry, LocalConversation } from './conversationRegistry.js';
import type { ConversationTokenClaims, ConversationTokenService } from './conversationToken.js';
import { sendError } from '../http/httpErrors.js';

export type Authorised = { claims: ConversationTokenClaims };
type ConversationAccess = Authorised & { conversation: LocalConversation };

/** Who may do what on the local endpoint: a valid token, and only for its own conversation. */
export function createConversationAccess(tokens: ConversationTokenService, registry: ConversationRegistry) {
  /** Checks the bearer token; answers 401 (missing or invalid) or 403 (expired) itself. */
  async function authorise(req: Request, res: Response): Promise<Authorised | undefined> {
    const check = await tokens.check(req.headers.authorization);
    if (check.ok) return { claims: check.claims };
    if (check.reason === 'expired') sendError(res, 'TokenExpired', 'The token has expired.');
    else if (check.reason === 'missing') sendError(res, 'MissingToken', 'A bearer token is required.');
    else sendError(res, 'InvalidToken', 'The token is not valid.');
    return undefined;
  }

  /** The token's conversation, when it is the one in the path and still held; answers 403/404 itself. */
  async function openConversation(req: Request, res: Response): Promise<ConversationAccess | undefined> {
    const auth = await authorise(req, res);
    if (!auth) return undefined;
    if (req.params?.conversationId !== auth.claims.conv) {
      sendError(res, 'WrongConversation', 'The token is not valid for this conversation.');
      return undefined;
    }
    const conversation = registry.find(auth.claims.conv);
    if (!conversation) {
      sendError(res, 'ConversationNotFound', 'Unknown or expired conversation.');
      return undefined;
    }
    return { ...auth, conversation };
  }

  return { authorise, openConversation };
}

/** Any unexpected failure becomes a short JSON 500, never a stack. */
export function guarded(logger: Logger | undefined, handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (error) {
      logger?.error('directline.unexpected', { errorName: error instanceof Error ? error.name : 'unknown' });
      if (!res.headersSent) {
        sendError(res, 'InternalError', 'Something went wrong.');
      }
    }
  };
}
