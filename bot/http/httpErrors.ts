import type { Response } from 'restify';
import { CodedError, HTTP_ANSWERS, type HttpAnswerCode } from '../../services/errorCatalogue.js';

/**
 * Every HTTP error answer: the code's status from the catalogue and `{ "error": { "code", "message" } }`,
 * never a stack or an internal message.
 */
export function sendError(res: Response, code: HttpAnswerCode, message: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.status(HTTP_ANSWERS[code]);
  res.json({ error: { code, message } });
}

/** An expected request failure that a route answers with its code (snake_case: docs/contract/http.md). */
export class HttpError extends CodedError {
  readonly status: number;

  constructor(
    readonly answer: HttpAnswerCode,
    message: string,
  ) {
    super('REQUEST_INVALID', message);
    this.status = HTTP_ANSWERS[answer];
  }
}
