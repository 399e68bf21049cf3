import type { Response } from 'restify';
import { CodedError } from '../../services/errorCatalogue.js';

/** Every HTTP error answer: a status and `{ "error": { "code", "message" } }`, never a stack or an internal message. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.status(status);
  res.json({ error: { code, message } });
}

/** An expected request failure that a route turns into its status and short JSON reason (`answer`, snake_case: docs/contract/http.md). */
export class HttpError extends CodedError {
  constructor(
    readonly status: number,
    readonly answer: string,
    message: string,
  ) {
    super('REQUEST_INVALID', message);
  }
}
