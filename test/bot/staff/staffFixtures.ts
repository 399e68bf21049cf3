import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { createAttemptLimiter } from '../../../services/attemptLimiter.js';
import { createSessions, readCookie } from '../../../bot/http/sessions.js';
import { createMemoryLogger } from '../../../bot/logger.js';
import { registerStaffConsole, STAFF_SESSION_COOKIE } from '../../../bot/staff/staffConsole.js';
import { hashStaffPassword } from '../../../bot/staff/staffPassword.js';
import type { CallbackStore } from '../../../stores/callbacks/callbackStore.js';
import type { Booking } from '../../../stores/bookings/bookingStore.js';
import { appointmentRoutesOf, createTestAppointments } from '../../support/appointments.js';
import { messageActivity, postJson, startTestServer } from '../../support/testServer.js';

export const STAFF_PASSWORD = 'juist wachtwoord voor an';
// Cheap scrypt parameters: the format carries them, so tests stay fast while production hashes use the defaults.
const FAST = { N: 1024, r: 8, p: 1 };

/** `STAFF_ACCOUNTS` for the whole app: the account "an" with STAFF_PASSWORD. */
export async function staffAccountsEnv(): Promise<string> {
  return `an:${await hashStaffPassword(STAFF_PASSWORD, FAST)}`;
}

/**
 * The real server with the staff console on a callback store, and the counter staff's day view
 * behind the same session as in bot/app.ts; logins allow 3 failures per address and account and 6 per
 * address in 15 minutes.
 */
export async function startStaffServer(callbackStore: CallbackStore, options: { now?: () => Date } = {}) {
  const logger = createMemoryLogger();
  const staffAccounts = [
    { name: 'an', passwordHash: await hashStaffPassword(STAFF_PASSWORD, FAST) },
    { name: 'bo', passwordHash: await hashStaffPassword('wachtwoord van bo', FAST) },
  ];
  let limiterNow = 0;
  const limits = {
    perAddress: createAttemptLimiter({ scope: 'staff-address', maxAttempts: 6, windowMs: 15 * 60 * 1000, now: () => limiterNow }),
    perAddressAndAccount: createAttemptLimiter({ scope: 'staff-account', maxAttempts: 3, windowMs: 15 * 60 * 1000, now: () => limiterNow }),
  };
  const sessions = createSessions({ ttlMs: 60 * 60 * 1000 });
  const appointments = createTestAppointments();
  const server = await startTestServer({
    logger,
    appointments,
    routes: [
      appointmentRoutesOf(appointments, {
        authorize: async (req) => (await sessions.get(readCookie(req, STAFF_SESSION_COOKIE))) !== undefined,
      }),
      (restifyServer) =>
        registerStaffConsole(restifyServer, {
          callbackStore,
          staffAccounts,
          sessions,
          limits,
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

/**
 * Books a driving-licence appointment through the chat of the whole app (real recogniser, real
 * clock): the first free moment offered, confirmed with the first button. Returns the booking as
 * the embedded store saved it in `dataDir`.
 */
export async function bookThroughChat(baseUrl: string, dataDir: string, name = 'An Peeters'): Promise<Booking> {
  const conversation = { id: `staff-day-${name.replace(/\W/g, '')}` };
  const say = async (text: string) => {
    const response = await postJson(
      `${baseUrl}/api/messages`,
      messageActivity(text, { conversation, from: { id: conversation.id, role: 'user' } }),
    );
    if (response.status !== 200) throw new Error(`chat answered ${response.status}`);
    return ((await response.json()) as { activities: { attachments?: { content?: { buttons?: { text: string }[] } }[] }[] }).activities;
  };
  const firstButton = (replies: Awaited<ReturnType<typeof say>>) => {
    const value = replies.at(-1)?.attachments?.[0]?.content?.buttons?.[0]?.text;
    if (!value) throw new Error('the chat offered no button');
    return value;
  };
  const slots = await say('Ik wil een afspraak maken voor mijn rijbewijs');
  await say(firstButton(slots));
  await say(name);
  const summary = await say('an.peeters@voorbeeld.be');
  await say(firstButton(summary));
  const stored = JSON.parse(readFileSync(join(dataDir, 'bookings.json'), 'utf8')) as { bookings: Booking[] };
  const booking = stored.bookings.find((candidate) => candidate.name === name && candidate.status === 'booked');
  if (!booking) throw new Error('the chat made no booking');
  return booking;
}
