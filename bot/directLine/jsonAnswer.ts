import type { Response } from 'restify';
import { sendError } from '../http/httpErrors.js';

/** Short, stable error codes of the Direct Line routes (Direct Line's own ErrorResponse shape). */
export type DirectLineErrorCode =
  | 'MissingToken'
  | 'InvalidToken'
  | 'TokenExpired'
  | 'WrongConversation'
  | 'ConversationNotFound'
  | 'BadActivity'
  | 'ActivityTooLarge'
  | 'TurnQueueFull'
  | 'TooManyRequests'
  | 'TooManyConversations'
  | 'BotError'
  | 'DirectLineUnavailable';

/** Sends JSON that no cache may keep: these answers carry tokens or conversation content. */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.header('Content-Type', 'application/json; charset=utf-8');
  res.send(status, body);
}

/** `{ "error": { "code", "message" } }` with the given status; never a stack or an upstream text. */
export function sendJsonError(res: Response, status: number, code: DirectLineErrorCode, message: string): void {
  sendError(res, status, code, message);
}
