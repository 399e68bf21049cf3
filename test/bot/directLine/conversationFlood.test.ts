import { afterEach, describe, expect, it } from 'vitest';
import { startLocalDirectLine, type LocalDirectLineHarness } from './directLineTestServer.js';

let harness: LocalDirectLineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof startLocalDirectLine>[0]) {
  harness = await startLocalDirectLine(options);
  return harness;
}

const path = (id: string) => `/v3/directline/conversations/${id}/activities`;

describe('a flood of new web chat conversations', () => {
  it('never pushes out a resident who is chatting', async () => {
    const h = await start({ maxConversations: 10 });
    const resident = await h.startConversation();
    expect((await h.postMessage(resident.token, resident.conversationId, 'hallo')).status).toBe(200);

    for (let flood = 0; flood < 40; flood += 1) {
      const grant = await h.directLine.issueToken();
      await h.request('POST', '/v3/directline/conversations', grant.token, {});
    }

    expect(h.directLine.conversationCount()).toBeLessThanOrEqual(10);
    const next = await h.postMessage(resident.token, resident.conversationId, 'nog een vraag');
    expect(next.status).toBe(200);
    const page = await h.activities(resident.token, resident.conversationId);
    expect(page.activities.map((activity) => activity.text)).toContain('answer:nog een vraag');
  });

  it('refuses a new conversation with 503 while every slot is in active use, and makes room once one is idle', async () => {
    const h = await start({ maxConversations: 3, limits: { activeMs: 15 * 60_000 } });
    const residents = [await h.startConversation(), await h.startConversation(), await h.startConversation()];
    for (const resident of residents) expect((await h.postMessage(resident.token, resident.conversationId, 'vraag')).status).toBe(200);

    const refused = await h.request('POST', '/v3/directline/conversations', (await h.directLine.issueToken()).token, {});
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe('TooManyConversations');
    for (const resident of residents) expect((await h.request('GET', path(resident.conversationId), resident.token)).status).toBe(200);

    h.clock.advanceMinutes(10);
    await h.postMessage(residents[1]!.token, residents[1]!.conversationId, 'nog iets');
    await h.postMessage(residents[2]!.token, residents[2]!.conversationId, 'nog iets');
    h.clock.advanceMinutes(10); // the first is idle for 20 minutes now, the others for 10
    const admitted = await h.request('POST', '/v3/directline/conversations', (await h.directLine.issueToken()).token, {});
    expect(admitted.status).toBe(201);
    expect((await h.request('GET', path(residents[0]!.conversationId), residents[0]!.token)).status).toBe(404);
    expect((await h.request('GET', path(residents[1]!.conversationId), residents[1]!.token)).status).toBe(200);
  });

  it('lets one address hold only a few unused conversations: its own oldest unused one goes first', async () => {
    const h = await start({ maxConversations: 100, limits: { maxUnusedPerAddress: 3 } });
    const chatting = await h.startConversation();
    await h.postMessage(chatting.token, chatting.conversationId, 'hallo');
    const unused = [];
    for (let n = 0; n < 5; n += 1) unused.push(await h.startConversation());

    expect(h.directLine.conversationCount()).toBe(4);
    expect((await h.request('GET', path(unused[0]!.conversationId), unused[0]!.token)).status).toBe(404);
    expect((await h.request('GET', path(unused[4]!.conversationId), unused[4]!.token)).status).toBe(200);
    expect((await h.request('GET', path(chatting.conversationId), chatting.token)).status).toBe(200);
  });
});
