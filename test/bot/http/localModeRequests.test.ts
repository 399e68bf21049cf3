import { afterEach, describe, expect, it } from 'vitest';
import { messageActivity, postJson, startTestServer } from '../../support/testServer.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function start() {
  const server = await startTestServer();
  close = server.close;
  return server;
}

describe('requests only a channel or the Emulator can make', () => {
  it.each([['text/plain'], ['text/plain;charset=UTF-8'], ['multipart/form-data; boundary=x'], [undefined]])(
    'refuses a body sent as %s with 415 and runs no turn',
    async (contentType) => {
      const server = await start();
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      const response = await fetch(`${server.baseUrl}/api/messages`, {
        method: 'POST',
        headers,
        body: new Blob([JSON.stringify(messageActivity('hallo'))]),
      });
      expect(response.status).toBe(415);
      expect((await response.json()).error.code).toBe('content_type_unsupported');
    },
  );

  it('still accepts application/json, with a charset too', async () => {
    const server = await start();
    const response = await postJson(`${server.baseUrl}/api/messages`, messageActivity('hallo'), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(response.status).toBe(200);
  });

  it.each([['http://203.0.113.9/'], ['https://attacker.example/api'], ['http://127.0.0.1.attacker.example/'], ['file:///etc/passwd']])(
    'in local mode refuses serviceUrl %s with 400',
    async (serviceUrl) => {
      const server = await start();
      const response = await postJson(`${server.baseUrl}/api/messages`, messageActivity('hallo', { serviceUrl }));
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe('service_url_not_local');
    },
  );

  it.each([['http://127.0.0.1:3979/'], ['http://localhost:50000'], ['http://[::1]:3979/']])(
    'in local mode accepts the Emulator at %s',
    async (serviceUrl) => {
      const server = await start();
      const response = await postJson(`${server.baseUrl}/api/messages`, messageActivity('hallo', { serviceUrl }));
      expect(response.status).toBe(200);
    },
  );
});
