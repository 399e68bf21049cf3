import type { AddressInfo } from 'node:net';
import type { i18n } from 'i18next';
import type { Server } from 'restify';
import { createAdapter, type AdapterDeps } from '../../bot/adapter.js';
import type { BotAuthConfig } from '../../bot/config.js';
import { createMemoryLogger } from '../../bot/logger.js';
import { createServer } from '../../bot/server.js';
import type { TrustedProxies } from '../../bot/http/clientAddress.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import { residentMessage } from '../../cli/residentMessage.js';
import { createTestAssistant, TEST_PHONE, type TestAssistantOptions } from './conversation.js';
import { fakeRecognizer } from './fakeRecognizer.js';
import { createKeyedI18n } from './keyedLocales.js';

export interface TestServerOptions extends Omit<TestAssistantOptions, 'recognizer' | 'storage' | 'i18n'> {
  recognizer?: Recognizer;
  botAuth?: BotAuthConfig | null;
  authOverrides?: AdapterDeps['authOverrides'];
  isReady?: () => Promise<boolean>;
  routes?: readonly ((server: Server) => void)[];
  trustProxy?: TrustedProxies | null;
  /** The logger the server (and, if the test passes it on, the handoff) writes to. */
  logger?: ReturnType<typeof createMemoryLogger>;
  /** Defaults to keyed texts; pass createI18n() where residents type the labels they read. */
  i18n?: i18n;
}

/** The real HTTP server on a free loopback port, with the assistant on memory storage. */
export async function startTestServer(options: TestServerOptions = {}) {
  const logger = options.logger ?? createMemoryLogger();
  const i18n = options.i18n ?? createKeyedI18n();
  const { adapter } = createAdapter({
    botAuth: options.botAuth ?? null,
    logger,
    i18n,
    phoneDisplay: TEST_PHONE.display,
    defaultLocale: 'nl-BE',
    authOverrides: options.authOverrides,
  });
  const { bot, appointments } = createTestAssistant({
    ...options,
    recognizer: options.recognizer ?? fakeRecognizer({ hallo: 'greeting' }),
    i18n,
  });
  const server = createServer({
    logger,
    adapter,
    bot,
    isReady: options.isReady ?? (async () => true),
    routes: options.routes,
    trustProxy: options.trustProxy,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    logger,
    adapter,
    appointments,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let activitySeq = 0;

/** A Bot Framework message activity that asks for the replies in the HTTP response. */
export function messageActivity(text: string, overrides: Record<string, unknown> = {}) {
  activitySeq += 1;
  return { ...residentMessage({ id: `activity-${activitySeq}`, text, from: 'user-1', conversation: 'conversation-1' }), ...overrides };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
