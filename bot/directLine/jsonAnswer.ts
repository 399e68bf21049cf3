import type { Response } from 'restify';

/** Sends JSON that no cache may keep: these answers carry tokens or conversation content. */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.header('Content-Type', 'application/json; charset=utf-8');
  res.send(status, body);
}
