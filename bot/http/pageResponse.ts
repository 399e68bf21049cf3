import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { sendError } from './httpErrors.js';

/**
 * The security headers of every page and page file we serve, written once. Pages load only their
 * own scripts and styles, nothing is framed, forms post only here; what a page needs beyond that is
 * an explicit option.
 */
export interface PagePolicy {
  /** `Cache-Control`: `no-store` for pages behind a sign-in, `no-cache` for public ones. */
  cache: 'no-store' | 'no-cache';
  /** Origins the page's script may call besides this one (the chat page: Azure Direct Line). */
  connectTo?: readonly string[];
  /** Image sources besides this origin (Web Chat draws avatars as `data:` and `blob:` URLs). */
  imagesFrom?: readonly string[];
  /** Inline `style` attributes, which Web Chat sets on its elements; our own pages need none. */
  inlineStyles?: boolean;
  /** `Referrer-Policy`; default `no-referrer`. */
  referrer?: 'no-referrer' | 'same-origin';
}

/** The headers of `policy`: Content-Security-Policy, nosniff, Referrer-Policy and Cache-Control. */
export function pageHeaders(policy: PagePolicy): Record<string, string> {
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    ['style-src', "'self'", ...(policy.inlineStyles ? ["'unsafe-inline'"] : [])].join(' '),
    ['img-src', "'self'", ...(policy.imagesFrom ?? [])].join(' '),
    ['connect-src', "'self'", ...(policy.connectTo ?? [])].join(' '),
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ];
  return {
    'Content-Security-Policy': directives.join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': policy.referrer ?? 'no-referrer',
    'Cache-Control': policy.cache,
  };
}

/** Answers an HTML page with the policy's headers (and any extra, such as `Retry-After`). */
export function sendPage(
  res: ServerResponse,
  status: number,
  html: string,
  policy: PagePolicy,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, { ...pageHeaders(policy), 'Content-Type': CONTENT_TYPES['.html'], ...extraHeaders });
  res.end(html);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serves a page's own files (scripts, styles) under `route` + `:file`, read once at start-up from
 * `dir`; only the names listed are served, each with the policy's headers and its type by extension.
 */
export function registerPageFiles(
  server: Server,
  options: { route: string; dir: URL; files: readonly string[]; policy: PagePolicy },
): void {
  const files = new Map(
    options.files.map((name) => {
      const type = CONTENT_TYPES[extname(name)];
      if (!type) throw new Error(`no content type for page file ${name}`);
      return [name, { body: readFileSync(new URL(name, options.dir)), type }];
    }),
  );
  const headers = pageHeaders(options.policy);
  server.get(`${options.route}:file`, async (req: Request, res: Response) => {
    const file = files.get(String(req.params.file ?? ''));
    if (!file) return sendError(res, 'not_found', 'No such file.');
    res.writeHead(200, { ...headers, 'Content-Type': file.type, 'Content-Length': file.body.length });
    res.end(file.body);
  });
}
