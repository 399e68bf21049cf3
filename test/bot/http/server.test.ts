import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postJson, startTestServer } from '../../support/testServer.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let ready = true;

beforeAll(async () => {
  server = await startTestServer({ isReady: async () => ready });
});
afterAll(() => server.close());

async function expectJsonError(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toMatch(/^[a-z_]+$/);
  expect(body.error.message.length).toBeLessThan(150);
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  return body;
}

describe('POST /api/messages', () => {
  it('answers a message with the replies when deliveryMode is expectReplies', async () => {
    const response = await postJson(`${server.baseUrl}/api/messages`, messageActivity('hallo'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { text?: string }[] };
    expect(body.activities.map((a) => a.text).join('\n')).toContain('«common:greeting.text»');
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect((await expectJsonError(response, 400)).error.code).toBe('json_malformed');
  });

  it('rejects an activity without type with 400 and runs no turn', async () => {
    const { type: _type, ...withoutType } = messageActivity('hallo');
    const response = await postJson(`${server.baseUrl}/api/messages`, withoutType);
    expect((await expectJsonError(response, 400)).error.code).toBe('activity_type_missing');
  });

  it.each([['"just a string"'], ['[1,2]'], ['null']])('rejects a body that is not an activity object (%s) with 400', async (body) => {
    const response = await fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await expectJsonError(response, 400);
  });

  it('rejects a body over about 300 KB with 413', async () => {
    const response = await postJson(`${server.baseUrl}/api/messages`, messageActivity('x'.repeat(310 * 1024)));
    expect((await expectJsonError(response, 413)).error.code).toBe('body_too_large');
  });

  it('rejects a gzip body that inflates past the limit with 413, though small on the wire', async () => {
    const body = gzipSync(JSON.stringify(messageActivity(' '.repeat(2 * 1024 * 1024))));
    expect(body.length).toBeLessThan(50 * 1024);
    const response = await fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    await expectJsonError(response, 413);
  });

  it('accepts a small gzip body', async () => {
    const response = await fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(messageActivity('hallo'))),
    });
    expect(response.status).toBe(200);
  });

  it('answers a wrong method with 405 and a short JSON error', async () => {
    await expectJsonError(await fetch(`${server.baseUrl}/api/messages`), 405);
  });

  it('answers an unknown path with 404 and a short JSON error', async () => {
    await expectJsonError(await fetch(`${server.baseUrl}/nothing-here`), 404);
  });
});

describe('health', () => {
  it('GET /healthz answers ok', async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz follows the storage', async () => {
    ready = true;
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    ready = false;
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(503);
    ready = true;
  });
});
