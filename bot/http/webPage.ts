import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { Municipality } from '../../services/municipality/municipalityData.js';
import { sendError } from './httpErrors.js';

const WEB_DIR = new URL('../../web/', import.meta.url).pathname;
const ASSETS: Record<string, string> = {
  'site.css': 'text/css; charset=utf-8',
  'chat.js': 'text/javascript; charset=utf-8',
};

/** Security headers for our own pages: nothing from other origins, no framing. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' https://directline.botframework.com; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * `GET /`: the municipality's demo page with Web Chat, filled from data/; `GET /webchat.js`: the
 * Web Chat bundle taken from its npm package at install time (no CDN); `GET /assets/*`: the page's
 * own CSS and script.
 */
export function registerWebPage(server: Server, options: { municipality: Municipality; directLineMode: 'local' | 'azure' }): void {
  const page = renderPage(readFileSync(join(WEB_DIR, 'index.html'), 'utf8'), pageValues(options.municipality, options.directLineMode));
  const bundlePath = webChatBundlePath();
  const bundle = bundlePath ? lazyGzipped(bundlePath) : undefined;

  server.get('/', async (_req: Request, res: Response) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ...PAGE_HEADERS });
    res.end(page);
  });
  server.get('/webchat.js', async (req: Request, res: Response) => {
    // Without the bundle the page says the chat cannot start and gives the phone number.
    if (!bundle) return sendError(res, 503, 'webchat_missing', 'The Web Chat bundle is not installed: run npm install.');
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = acceptsGzip ? bundle.gzipped() : bundle.plain();
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'Content-Length': body.length,
      Vary: 'Accept-Encoding',
      ...(acceptsGzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
  server.get('/assets/:file', async (req: Request, res: Response) => {
    const file = String(req.params.file);
    const type = ASSETS[file];
    if (!type) return sendError(res, 404, 'not_found', 'No such file.');
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.end(readFileSync(join(WEB_DIR, 'assets', file)));
  });
}

/** Replaces `{{name}}` placeholders with HTML-escaped values; an unknown placeholder is a bug, so it throws. */
function renderPage(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`web page placeholder {{${name}}} has no value`);
    return escapeHtml(value);
  });
}

function pageValues(municipality: Municipality, directLineMode: 'local' | 'azure'): Record<string, string> {
  const { address, phone } = municipality;
  return {
    name: municipality.name,
    logoText: municipality.logoText,
    thuisloketUrl: municipality.thuisloketUrl,
    phoneE164: phone.e164,
    phoneDisplay: phone.display,
    email: municipality.email,
    address: [address.building, `${address.street} ${address.number}`, `${address.postalCode} ${address.city}`].filter(Boolean).join(', '),
    directLineMode,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The prebuilt bundle that `npm install` puts in web/vendor/ (web/fetchWebChat.mjs); undefined until it is there. */
function webChatBundlePath(): string | undefined {
  const path = join(WEB_DIR, 'vendor', 'webchat.js');
  return existsSync(path) ? path : undefined;
}

/** Reads and compresses the 4 MB bundle once, on first request, not at start-up. */
function lazyGzipped(path: string) {
  let plain: Buffer | undefined;
  let gzipped: Buffer | undefined;
  return {
    plain: () => (plain ??= readFileSync(path)),
    gzipped: () => (gzipped ??= gzipSync(plain ?? readFileSync(path))),
  };
}
