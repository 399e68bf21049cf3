/**
 * The dashboard's HTML answers: its templates from web/dashboard/, filled in and sent with the
 * page's security headers. The texts come in already chosen; this module only fills and sends.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { escapeHtml, rawHtml, type RawHtml } from '../htmlTemplate.js';
import { sendPage, type PagePolicy } from '../pageResponse.js';

export const DASHBOARD_DIR = new URL('../../../web/dashboard/', import.meta.url);
/** Behind the reports sign-in: nothing cached; the page loads only its own script and style. */
export const DASHBOARD_POLICY: PagePolicy = { cache: 'no-store', referrer: 'same-origin' };

/** A file of web/dashboard/, read once at start-up. */
export function readDashboardFile(name: string): string {
  return readFileSync(new URL(name, DASHBOARD_DIR), 'utf8');
}

/** A message paragraph the screen reader announces, or nothing. */
export function messageBlock(text: string | undefined, id = 'message'): RawHtml {
  return rawHtml(text ? `<p class="message" role="alert" id="${escapeHtml(id)}">${escapeHtml(text)}</p>` : '');
}

export function sendHtml(res: ServerResponse, status: number, html: string, extraHeaders: Record<string, string> = {}): void {
  sendPage(res, status, html, DASHBOARD_POLICY, extraHeaders);
}

/** 303 to `location`, optionally setting a cookie. */
export function redirect(res: ServerResponse, location: string, cookie?: string): void {
  const headers: Record<string, string> = { Location: location, 'Cache-Control': 'no-store' };
  if (cookie) headers['Set-Cookie'] = cookie;
  res.writeHead(303, headers);
  res.end();
}
