import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { createAttemptLimiter } from '../../../services/attemptLimiter.js';
import { registerDirectLineTokenRoute } from '../../../bot/directLine/directLineToken.js';
import { registerLocalDirectLine } from '../../../bot/directLine/localDirectLine.js';
import { createMemoryLogger } from '../../../bot/logger.js';
import { startServer, type RunningServer } from './directLineTestServer.js';

const SECRET = 'dl-secret-Zq81xYv0-do-not-leak';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function started(server: Promise<RunningServer>): Promise<RunningServer> {
  const running = await server;
  cleanups.push(running.close);
  return running;
}

interface FakeCall {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  body: any;
}

/** A stand-in for Azure Direct Line's tokens/generate on loopback. */
async function startFakeDirectLine(answer: (res: ServerResponse) => void) {
  const calls: FakeCall[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      calls.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

/** A loopback port that was free a moment ago and has nothing listening on it now. */
async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function answerJson(status: number, body: unknown) {
  return (res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

async function requestToken(baseUrl: string) {
  const response = await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text), headers: response.headers };
}

describe('POST /api/directline/token in local mode', () => {
  it('issues a token for a new conversation that the local endpoint accepts', async () => {
    const server = await started(
      startServer((s) => {
        const directLine = registerLocalDirectLine(s, { tokenSecret: randomBytes(32), runTurn: async () => [] });
        registerDirectLineTokenRoute(s, { mode: 'local', issueToken: directLine.issueToken });
      }),
    );

    const first = await requestToken(server.baseUrl);
    const second = await requestToken(server.baseUrl);

    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(first.json).sort()).toEqual(['conversationId', 'expires_in', 'token']);
    expect(first.json.expires_in).toBe(1800);
    expect(second.json.conversationId).not.toBe(first.json.conversationId);

    const conversation = await fetch(`${server.baseUrl}/v3/directline/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.json.token}` },
    });
    expect(conversation.status).toBe(201);
    expect((await conversation.json()).conversationId).toBe(first.json.conversationId);
  });

  it('answers 429 with Retry-After when one address starts too many conversations', async () => {
    const server = await started(
      startServer((s) => {
        const directLine = registerLocalDirectLine(s, { tokenSecret: randomBytes(32), runTurn: async () => [] });
        const limiter = createAttemptLimiter({ scope: 'test', maxAttempts: 2, windowMs: 60_000 });
        registerDirectLineTokenRoute(s, { mode: 'local', issueToken: directLine.issueToken }, limiter);
      }),
    );
    expect((await requestToken(server.baseUrl)).status).toBe(200);
    expect((await requestToken(server.baseUrl)).status).toBe(200);
    const refused = await requestToken(server.baseUrl);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('TooManyRequests');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('POST /api/directline/token with a Direct Line secret', () => {
  it('exchanges the secret server-side and gives the page only the token', async () => {
    const fake = await startFakeDirectLine(
      answerJson(200, { conversationId: 'AzureConv-1', token: 'azure.jwt.token', expires_in: 3600, streamUrl: 'wss://fake/stream' }),
    );
    const server = await started(
      startServer((s) => registerDirectLineTokenRoute(s, { mode: 'azure', secret: SECRET, baseUrl: `${fake.baseUrl}/` })),
    );

    const answer = await requestToken(server.baseUrl);

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ token: 'azure.jwt.token', conversationId: 'AzureConv-1', expires_in: 3600 });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ method: 'POST', url: '/v3/directline/tokens/generate', authorization: `Bearer ${SECRET}` });
    expect(fake.calls[0]!.body.user.id).toMatch(/^dl_[A-Za-z0-9_-]+$/);
    expect(answer.text).not.toContain(SECRET);
    expect([...answer.headers.values()].join(' ')).not.toContain(SECRET);
  });

  const failures: [string, (res: ServerResponse) => void][] = [
    ['an error status (with the secret echoed in its body)', answerJson(403, { error: { code: 'Forbidden', message: SECRET } })],
    ['a malformed answer', answerJson(200, { token: 42 })],
    ['an answer that is not JSON', (res) => res.end('<html>oops</html>')],
  ];

  it.each(failures)('answers 502 without the secret when Direct Line gives %s', async (_name, answer) => {
    const fake = await startFakeDirectLine(answer);
    const logger = createMemoryLogger();
    const server = await started(
      startServer((s) => registerDirectLineTokenRoute(s, { mode: 'azure', secret: SECRET, baseUrl: fake.baseUrl, logger })),
    );

    const result = await requestToken(server.baseUrl);

    expect(result.status).toBe(502);
    expect(result.json).toEqual({ error: { code: 'DirectLineUnavailable', message: expect.any(String) } });
    expect(result.text).not.toContain(SECRET);
    expect(logger.lines.join('\n')).not.toContain(SECRET);
    expect(logger.lines.some((line) => line.includes('directline.tokenGenerateFailed'))).toBe(true);
  });

  it('answers 502 when Direct Line cannot be reached', async () => {
    const closedPort = await freeLoopbackPort();
    const server = await started(
      startServer((s) => registerDirectLineTokenRoute(s, { mode: 'azure', secret: SECRET, baseUrl: `http://127.0.0.1:${closedPort}` })),
    );

    const result = await requestToken(server.baseUrl);

    expect(result.status).toBe(502);
    expect(result.text).not.toContain(SECRET);
  });

  it('gives up and answers 502 when Direct Line does not answer in time', async () => {
    const fake = await startFakeDirectLine(() => {
      /* never answers */
    });
    const logger = createMemoryLogger();
    const server = await started(
      startServer((s) => registerDirectLineTokenRoute(s, { mode: 'azure', secret: SECRET, baseUrl: fake.baseUrl, timeoutMs: 50, logger })),
    );

    const result = await requestToken(server.baseUrl);

    expect(result.status).toBe(502);
    expect(logger.lines.join('\n')).toContain('"reason":"timeout"');
  });
});
