import { createRequire } from 'node:module';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { startLocalDirectLine, type LocalDirectLineHarness } from './directLineTestServer.js';

/**
 * Drives the real botframework-directlinejs client (the one inside Web Chat's `createDirectLine`)
 * against our endpoint, in Node. Its default transport is XMLHttpRequest, which Node lacks, so
 * we hand it a fetch-based `ajax` with the same contract as rxjs 5's Observable.ajax.
 * The client is a dev dependency (the version inside the pinned Web Chat bundle); rxjs 5 is its own.
 */
const requireFromRoot = createRequire(import.meta.url);
const requireFromClient = createRequire(requireFromRoot.resolve('botframework-directlinejs'));

interface AjaxRequest {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

function fetchAjax(Observable: any) {
  return (request: AjaxRequest) =>
    new Observable((subscriber: any) => {
      const controller = new AbortController();
      fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      })
        .then(async (response) => {
          const text = await response.text();
          const xhr = { getResponseHeader: (name: string) => response.headers.get(name) };
          const result = { status: response.status, response: text ? JSON.parse(text) : null, xhr };
          if (response.ok) {
            subscriber.next(result);
            subscriber.complete();
          } else {
            subscriber.error(result);
          }
        })
        .catch((error) => subscriber.error({ status: 0, error }));
      return () => controller.abort();
    });
}

class NoWebSocket {
  constructor() {
    throw new Error('this test polls; it must not open a WebSocket');
  }
}

let harness: LocalDirectLineHarness | undefined;
const stops: (() => void)[] = [];

afterEach(async () => {
  while (stops.length) stops.pop()!();
  await harness?.close();
  harness = undefined;
});

describe('botframework-directlinejs against the local endpoint', () => {
  it('connects, receives the welcome, posts a message and gets its echo and the answer; a reload resumes', async () => {
    const { DirectLine, ConnectionStatus } = requireFromClient('botframework-directlinejs');
    const { Observable } = requireFromClient('rxjs/Observable');
    harness = await startLocalDirectLine();
    const grant = await harness.directLine.issueToken();
    const domain = `${harness.baseUrl}/v3/directline`;

    const connect = (extra: Record<string, unknown>) => {
      const client = new DirectLine({
        domain,
        webSocket: false,
        pollingInterval: 200,
        ajax: fetchAjax(Observable),
        // Node 20 has no global WebSocket, which the client looks up even when polling.
        WebSocket: NoWebSocket,
        ...extra,
      });
      const seen: any[] = [];
      const subscription = client.activity$.subscribe((activity: any) => seen.push(activity));
      stops.push(() => {
        subscription.unsubscribe();
        client.end();
      });
      return { client, seen };
    };

    const first = connect({ token: grant.token });
    await vi.waitFor(() => expect(first.seen.map((a) => a.text)).toEqual(['welcome']), { timeout: 10_000 });
    expect(first.client.conversationId).toBe(grant.conversationId);
    expect(first.client.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);

    const userId = first.seen[0].recipient.id;
    const postedId = await new Promise((resolve, reject) =>
      first.client
        .postActivity({ type: 'message', text: 'hallo', from: { id: userId, role: 'user' }, channelData: { clientActivityID: 'c-42' } })
        .subscribe(resolve, reject),
    );
    await vi.waitFor(() => expect(first.seen).toHaveLength(3), { timeout: 10_000 });
    expect(first.seen[1]).toMatchObject({ id: postedId, text: 'hallo', channelData: { clientActivityID: 'c-42' }, from: { role: 'user' } });
    expect(first.seen[2]).toMatchObject({ text: 'answer:hallo', from: { role: 'bot' } });

    // A page reload: same token and conversation id from sessionStorage, no new welcome.
    stops.pop()!();
    const reloaded = connect({ token: grant.token, conversationId: grant.conversationId });
    await vi.waitFor(() => expect(reloaded.seen.map((a) => a.text)).toEqual(['welcome', 'hallo', 'answer:hallo']), {
      timeout: 10_000,
    });
    expect(harness.bot.received.filter((a) => a.type === 'conversationUpdate')).toHaveLength(1);
  });
});
