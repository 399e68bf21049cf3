/**
 * The dashboard's HTML answers: its templates from web/dashboard/, filled in and sent with the
 * page's security headers. The texts come in already chosen; this module only fills and sends.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

const DASHBOARD_DIR = new URL('../../../web/dashboard/', import.meta.url);
// The page loads only its own script and style: no CDN, no inline script.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** A file of web/dashboard/, read once at start-up. */
export function readDashboardFile(name: string): string {
  return readFileSync(new URL(name, DASHBOARD_DIR), 'utf8');
}

export function escapeHtml(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

/** Fills `{{name}}` placeholders; values are HTML already (escape text before passing it). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => values[name] ?? '');
}

/** A message paragraph the screen reader announces, or nothing. */
export function messageBlock(text: string | undefined, id = 'message'): string {
  return text ? `<p class="message" role="alert" id="${id}">${escapeHtml(text)}</p>` : '';
}

export function sendHtml(res: ServerResponse, status: number, html: string, extraHeaders: Record<string, string | string[]> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    ...extraHeaders,
  });
  res.end(html);
}

/** 303 to `location`, optionally setting a cookie. */
export function redirect(res: ServerResponse, location: string, cookie?: string): void {
  const headers: Record<string, string> = { Location: location, 'Cache-Control': 'no-store' };
  if (cookie) headers['Set-Cookie'] = cookie;
  res.writeHead(303, headers);
  res.end();
}
