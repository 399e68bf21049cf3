import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestingDepthExceeds } from '../../../bot/http/jsonBody.js';
import { startApp } from '../../support/appServer.js';
import { messageActivity } from '../../support/testServer.js';

/** `{"a":{"a":…1…}}` nested `depth` deep, as text (JSON.stringify itself would overflow on the deep ones). */
function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe('a body nested far deeper than any activity', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.close());

  async function openLocalConversation() {
    const grant = (await (await fetch(`${app.baseUrl}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const headers = { authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' };
    const started = await fetch(`${app.baseUrl}/v3/directline/conversations`, { method: 'POST', headers });
    expect(started.status).toBe(201);
    return { url: `${app.baseUrl}/v3/directline/conversations/${grant.conversationId}/activities`, headers };
  }

  it('gets 400 json_too_deep from the local Direct Line at 5,000 levels, and the conversation still works', async () => {
    const conversation = await openLocalConversation();
    const deep = await fetch(conversation.url, {
      method: 'POST',
      headers: conversation.headers,
      body: `{"type":"message","text":"hallo","channelData":${nested(5000)}}`,
    });
    expect(deep.status).toBe(400);
    expect(await deep.json()).toEqual({ error: { code: 'json_too_deep', message: expect.any(String) } });

    const normal = await fetch(conversation.url, {
      method: 'POST',
      headers: conversation.headers,
      body: JSON.stringify({ type: 'message', text: 'hallo' }),
    });
    expect(normal.status).toBe(200);
  });

  it('gets 400 json_too_deep from /api/messages, and runs no turn', async () => {
    const activity = JSON.stringify(messageActivity('hallo', { conversation: { id: 'deep-value' } }));
    const body = activity.replace(/}$/, `,"value":${nested(5000)}}`);
    const response = await fetch(`${app.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('json_too_deep');
  });

  it('still accepts an Adaptive Card answer nested as deep as real channels send', async () => {
    const conversation = await openLocalConversation();
    const value = JSON.parse(nested(20)) as unknown;
    const response = await fetch(conversation.url, {
      method: 'POST',
      headers: conversation.headers,
      body: JSON.stringify({ type: 'message', text: 'hallo', channelData: { clientActivityID: 'x1' }, value }),
    });
    expect(response.status).toBe(200);
  });
});

describe('nestingDepthExceeds', () => {
  it('counts only brackets outside strings, escaped quotes included', () => {
    expect(nestingDepthExceeds(JSON.stringify({ text: '[[[[{{{{"\\"[[[' }), 1)).toBe(false);
    expect(nestingDepthExceeds('[[1]]', 1)).toBe(true);
    expect(nestingDepthExceeds('[[1],[2],[3]]', 2)).toBe(false);
    expect(nestingDepthExceeds(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestingDepthExceeds(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  });
});
