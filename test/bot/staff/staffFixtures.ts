import http from 'node:http';
import { createAttemptLimiter } from '../../../bot/http/attemptLimiter.js';
import { createSessionStore } from '../../../bot/http/sessions.js';
import { createMemoryLogger } from '../../../bot/logger.js';
import { registerStaffConsole } from '../../../bot/staff/staffConsole.js';
import { hashStaffPassword } from '../../../bot/staff/staffPassword.js';
import type { CallbackStore } from '../../../bot/stores/callbackStore.js';
import { startTestServer } from '../../support/testServer.js';

export const STAFF_PASSWORD = 'juist wachtwoord voor an';
// Cheap scrypt parameters: the format carries them, so tests stay fast while production hashes use the defaults.
const FAST = { N: 1024, r: 8, p: 1 };

/** The real server with the staff console on a callback store; the limiter allows 3 failures per 15 minutes. */
export async function startStaffServer(callbackStore: CallbackStore, options: { now?: () => Date } = {}) {
  const logger = createMemoryLogger();
  const staffAccounts = [
    { name: 'an', passwordHash: await hashStaffPassword(STAFF_PASSWORD, FAST) },
    { name: 'bo', passwordHash: await hashStaffPassword('wachtwoord van bo', FAST) },
  ];
  let limiterNow = 0;
  const limiter = createAttemptLimiter({ maxAttempts: 3, windowMs: 15 * 60 * 1000, now: () => limiterNow });
  const server = await startTestServer({
    logger,
    routes: [
      (restifyServer) =>
        registerStaffConsole(restifyServer, {
          callbackStore,
          staffAccounts,
          sessions: createSessionStore({ ttlMs: 60 * 60 * 1000 }),
          limiter,
          now: options.now,
          logger,
          secureCookies: false,
        }),
    ],
  });
  return { ...server, advanceLimiterClock: (ms: number) => (limiterNow += ms) };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** One HTTP request, optionally from another loopback address (per-address limits). */
export function send(
  baseUrl: string,
  method: string,
  path: string,
  options: { json?: unknown; cookie?: string; localAddress?: string; contentType?: string } = {},
): Promise<Answer> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const headers: Record<string, string> = {};
  if (body !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  if (options.cookie) headers.cookie = options.cookie;
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, baseUrl), { method, headers, localAddress: options.localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // HTML or CSS: keep the text.
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed });
      });
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** Signs in and returns the session cookie ("staff_session=…"). */
export async function login(baseUrl: string, name = 'an', password = STAFF_PASSWORD): Promise<string> {
  const answer = await send(baseUrl, 'POST', '/api/staff/login', { json: { name, password } });
  if (answer.status !== 200) throw new Error(`login failed with ${answer.status}`);
  const setCookie = answer.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0]!;
}
