import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import type { Next, Request as RestifyRequest, Response as RestifyResponse } from 'restify';
import { HttpError, sendError } from './httpErrors.js';

/** About 300 KB, as the HTTP contract says: larger bodies get 413, compressed or not. */
const MAX_BODY_BYTES = 300 * 1024;

/**
 * Deepest nesting of objects and arrays a body may have. Bot Framework activities nest about ten
 * deep (an Adaptive Card's submit value inside channelData); far deeper bodies only serve to make
 * recursive code further on (copying, serialising, state) overflow its stack.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Reads a JSON request body, gunzipping or inflating it when the client compressed it,
 * and stops reading as soon as the (decompressed) size passes the limit.
 */
async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readText(req, decoded(req), maxBytes);
  if (!text.trim()) throw new HttpError('body_missing', 'The request body is empty.');
  if (nestingDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new HttpError('json_too_deep', `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} deep.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError('json_malformed', 'The request body is not valid JSON.');
  }
}

/** Whether brackets outside strings nest deeper than `limit`: one pass over the text, no recursion. */
export function nestingDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* backslash */) index++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

function decoded(req: IncomingMessage): Readable {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'gzip') return req.pipe(createGunzip());
  if (encoding === 'deflate') return req.pipe(createInflate());
  if (encoding === 'identity') return req;
  throw new HttpError('encoding_unsupported', 'Content-Encoding must be gzip, deflate or identity.');
}

function readText(req: IncomingMessage, stream: Readable, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop collecting but let the rest of the upload drain, so the 413 answer still reaches the client.
        stream.removeAllListeners('data');
        if (stream !== req) {
          req.unpipe(stream as Transform);
          stream.destroy();
        }
        req.resume();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', () => reject(new HttpError('body_unreadable', 'The request body could not be read.')));
  });
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError('body_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

/**
 * Restify middleware: parses a JSON body into `req.body` for requests that carry one, and
 * answers malformed, oversized or wrongly encoded bodies itself with a short JSON error.
 */
export function jsonBodyParser(maxBytes = MAX_BODY_BYTES) {
  return (req: RestifyRequest, res: RestifyResponse, next: Next): void => {
    // HTML forms (the dashboard login) post url-encoded bodies; the route that expects one reads it itself.
    if (!carriesBody(req) || isFormBody(req)) return next();
    // Only JSON: a page elsewhere can post text/plain without a CORS preflight, but not application/json.
    if (!isJsonBody(req)) {
      sendError(res, 'content_type_unsupported', 'Send the body as application/json.');
      return next(false);
    }
    readJsonBody(req, maxBytes).then(
      (body) => {
        req.body = body;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof HttpError)) return next(error as Error);
        if (error.status === 413) res.setHeader('Connection', 'close');
        sendError(res, error.answer, error.message);
        next(false);
      },
    );
  };
}

function carriesBody(req: IncomingMessage): boolean {
  if (!['POST', 'PUT', 'PATCH'].includes(req.method ?? '')) return false;
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

function isJsonBody(req: IncomingMessage): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(String(req.headers['content-type'] ?? ''));
}

function isFormBody(req: IncomingMessage): boolean {
  return String(req.headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');
}
