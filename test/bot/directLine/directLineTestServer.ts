import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import type { Activity } from 'botbuilder';
import restify from 'restify';

import { registerLocalDirectLine, type LocalDirectLine, type LocalDirectLineOptions } from '../../../bot/directLine/localDirectLine.js';

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** A restify server as the lead wires it (query and body parsing), on a random loopback port. */
export async function startServer(register: (server: restify.Server) => void): Promise<RunningServer> {
  const server = restify.createServer();
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyParser());
  register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections?.();
      }),
  };
}

/** A fixed, movable clock in milliseconds. */
function createClock(start = Date.parse('2026-03-02T09:00:00.000Z')) {
  let current = start;
  return {
    now: () => current,
    advanceMinutes(minutes: number) {
      current += minutes * 60_000;
    },
  };
}

interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A stand-in bot: welcomes on conversationUpdate, answers `answer:<text>` to messages,
 * and records every activity it was given. A test can make a turn wait via `holdTurn`.
 */
function createFakeBot() {
  const received: Partial<Activity>[] = [];
  const holds = new Map<string, Promise<void>>();
  const started = new Map<string, Deferred>();

  const whenStarted = (text: string): Promise<void> => {
    if (!started.has(text)) started.set(text, deferred());
    return started.get(text)!.promise;
  };

  return {
    received,
    /** Makes the turn for this message text wait until the returned deferred resolves. */
    holdTurn(text: string): Deferred {
      const gate = deferred();
      holds.set(text, gate.promise);
      return gate;
    },
    /** Resolves once the bot has begun the turn for this message text. */
    whenStarted,
    async runTurn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
      received.push(activity);
      const replyBase = { from: activity.recipient, recipient: activity.from, replyToId: activity.id };
      if (activity.type === 'conversationUpdate') {
        return [{ ...replyBase, type: 'message', text: 'welcome' }];
      }
      const text = activity.text ?? '';
      void whenStarted(text);
      started.get(text)!.resolve();
      await holds.get(text);
      if (text === 'explode') throw new Error('bot failure with internal detail');
      return [
        { ...replyBase, type: 'trace', name: 'hidden' },
        { ...replyBase, type: 'message', text: `answer:${text}`, serviceUrl: 'http://internal.example' },
      ];
    },
  };
}

export interface LocalDirectLineHarness extends RunningServer {
  directLine: LocalDirectLine;
  bot: ReturnType<typeof createFakeBot>;
  clock: ReturnType<typeof createClock>;
  request(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: any; text: string }>;
  /** Issues a token and starts its conversation. */
  startConversation(): Promise<{ token: string; conversationId: string }>;
  postMessage(token: string, conversationId: string, text: string, extra?: Record<string, unknown>): Promise<{ status: number; json: any }>;
  activities(token: string, conversationId: string, watermark?: string): Promise<{ activities: any[]; watermark: string }>;
}

export async function startLocalDirectLine(
  options: Partial<Omit<LocalDirectLineOptions, 'runTurn' | 'now'>> = {},
): Promise<LocalDirectLineHarness> {
  const bot = createFakeBot();
  const clock = createClock();
  let directLine!: LocalDirectLine;
  const running = await startServer((server) => {
    directLine = registerLocalDirectLine(server, {
      tokenSecret: randomBytes(32),
      ...options,
      runTurn: (activity) => bot.runTurn(activity),
      now: clock.now,
    });
  });

  const request: LocalDirectLineHarness['request'] = async (method, path, token, body) => {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${running.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text };
  };

  return {
    ...running,
    directLine,
    bot,
    clock,
    request,
    async startConversation() {
      const grant = await directLine.issueToken();
      const started = await request('POST', '/v3/directline/conversations', grant.token, {});
      if (started.status !== 201) throw new Error(`start failed: ${started.status}`);
      return { token: grant.token, conversationId: grant.conversationId };
    },
    async postMessage(token, conversationId, text, extra = {}) {
      const answer = await request('POST', `/v3/directline/conversations/${conversationId}/activities`, token, {
        type: 'message',
        text,
        ...extra,
      });
      return { status: answer.status, json: answer.json };
    },
    async activities(token, conversationId, watermark) {
      const query = watermark === undefined ? '' : `?watermark=${watermark}`;
      const answer = await request('GET', `/v3/directline/conversations/${conversationId}/activities${query}`, token);
      if (answer.status !== 200) throw new Error(`poll failed: ${answer.status}`);
      return answer.json;
    },
  };
}
