import type { Response } from 'restify';

/** Every HTTP error answer: a status and `{ "error": { "code", "message" } }`, never a stack or an internal message. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.status(status);
  res.json({ error: { code, message } });
}

/** An expected request failure that a route turns into its status and short JSON reason. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
