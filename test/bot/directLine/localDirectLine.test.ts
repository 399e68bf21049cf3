import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { createConversationTokenService } from '../../../bot/directLine/conversationToken.js';
import { startLocalDirectLine, type LocalDirectLineHarness } from './directLineTestServer.js';

let harness: LocalDirectLineHarness | undefined;

async function start(options: Parameters<typeof startLocalDirectLine>[0] = {}) {
  harness = await startLocalDirectLine(options);
  return harness;
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const conversationPath = (id: string) => `/v3/directline/conversations/${id}`;

describe('starting a conversation', () => {
  it('starts the conversation bound to the token and lets the bot welcome the resident', async () => {
    const h = await start({ bot: { id: 'gemeente-bot', name: 'Gemeente' }, serviceUrl: 'http://127.0.0.1:3978/v3/directline' });
    const grant = await h.directLine.issueToken();

    const started = await h.request('POST', '/v3/directline/conversations', grant.token, { locale: 'nl-BE' });

    expect(started.status).toBe(201);
    expect(started.json.conversationId).toBe(grant.conversationId);
    expect(typeof started.json.token).toBe('string');
    expect(started.json.expires_in).toBe(1800);

    expect(h.bot.received).toHaveLength(1);
    const update = h.bot.received[0]!;
    expect(update.type).toBe('conversationUpdate');
    expect(update.channelId).toBe('directline');
    expect(update.serviceUrl).toBe('http://127.0.0.1:3978/v3/directline');
    expect(update.conversation?.id).toBe(grant.conversationId);
    expect(update.recipient).toMatchObject({ id: 'gemeente-bot', role: 'bot' });
    expect(update.from?.id).toMatch(/^dl_/);
    expect(update.membersAdded).toEqual([{ id: update.from?.id, role: 'user' }]);
    expect(update.locale).toBe('nl-BE');
    expect(typeof update.id).toBe('string');
    expect(update.timestamp).toEqual(new Date(h.clock.now()));

    const page = await h.activities(grant.token, grant.conversationId);
    expect(page.watermark).toBe('1');
    expect(page.activities).toHaveLength(1);
    expect(page.activities[0]).toMatchObject({
      type: 'message',
      text: 'welcome',
      id: `${grant.conversationId}|0000000`,
      channelId: 'directline',
      from: { id: 'gemeente-bot', role: 'bot' },
      recipient: { id: update.from?.id, role: 'user' },
      conversation: { id: grant.conversationId },
    });
  });

  it('resumes instead of starting twice when the same token starts again', async () => {
    const h = await start();
    const grant = await h.directLine.issueToken();
    await h.request('POST', '/v3/directline/conversations', grant.token, {});

    const again = await h.request('POST', '/v3/directline/conversations', grant.token, {});

    expect(again.status).toBe(200);
    expect(again.json.conversationId).toBe(grant.conversationId);
    expect(h.bot.received.filter((a) => a.type === 'conversationUpdate')).toHaveLength(1);
  });

  it('resumes a conversation after a page reload with the same transcript', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();
    await h.postMessage(token, conversationId, 'paspoort');
    const before = await h.activities(token, conversationId);

    const resumed = await h.request('GET', `${conversationPath(conversationId)}?watermark=3`, token);
    expect(resumed.status).toBe(200);
    expect(resumed.json.conversationId).toBe(conversationId);
    const after = await h.activities(resumed.json.token, conversationId);

    expect(after).toEqual(before);
    expect(after.activities.map((a: any) => a.text)).toEqual(['welcome', 'paspoort', 'answer:paspoort']);
  });
});

describe('posting and polling', () => {
  it('echoes the resident activity with a server id and clientActivityID, followed by the replies', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();

    const posted = await h.postMessage(token, conversationId, 'hallo', {
      from: { id: 'someone-else', role: 'bot' },
      id: 'client-chosen',
      channelId: 'webchat',
      channelData: { clientActivityID: 'c-1' },
      locale: 'nl-BE',
      value: { choice: 2 },
      attachments: [{ contentType: 'image/png', contentUrl: 'http://example.invalid/x.png' }],
    });

    expect(posted.status).toBe(200);
    const page = await h.activities(token, conversationId, '1');
    expect(page.watermark).toBe('3');
    expect(page.activities.map((a: any) => a.type)).toEqual(['message', 'message']);
    const [echo, reply] = page.activities;
    expect(echo.id).toBe(posted.json.id);
    expect(echo.id).toBe(`${conversationId}|0000001`);
    expect(echo.channelData).toEqual({ clientActivityID: 'c-1' });
    expect(echo.from.role).toBe('user');
    expect(echo.from.id).toMatch(/^dl_/);
    expect(echo.channelId).toBe('directline');
    expect(echo.attachments).toBeUndefined();
    expect(echo.serviceUrl).toBeUndefined();
    expect(reply).toMatchObject({ text: 'answer:hallo', from: { role: 'bot' }, replyToId: echo.id });
    // Bot-internal fields do not reach the page, nor do trace activities.
    expect(reply.serviceUrl).toBeUndefined();

    const incoming = h.bot.received[1]!;
    expect(incoming).toMatchObject({
      type: 'message',
      id: echo.id,
      text: 'hallo',
      channelId: 'directline',
      locale: 'nl-BE',
      value: { choice: 2 },
      channelData: { clientActivityID: 'c-1' },
      from: { id: echo.from.id, role: 'user' },
      conversation: { id: conversationId },
    });
    expect(incoming.serviceUrl).toEqual(expect.any(String));

    const nothingNew = await h.activities(token, conversationId, '3');
    expect(nothingNew).toEqual({ activities: [], watermark: '3' });
  });

  it('treats a missing or unreadable watermark as "from the start"', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();
    await h.postMessage(token, conversationId, 'a');

    expect((await h.activities(token, conversationId, 'abc')).activities).toHaveLength(3);
    expect((await h.activities(token, conversationId)).activities).toHaveLength(3);
  });

  it('echoes a typing activity without running a bot turn', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();

    const posted = await h.request('POST', `${conversationPath(conversationId)}/activities`, token, { type: 'typing' });

    expect(posted.status).toBe(200);
    expect(h.bot.received).toHaveLength(1);
    const page = await h.activities(token, conversationId, '1');
    expect(page.activities.map((a: any) => a.type)).toEqual(['typing']);
  });

  it('uses the locale given at the start when an activity has none', async () => {
    const h = await start();
    const grant = await h.directLine.issueToken();
    await h.request('POST', '/v3/directline/conversations', grant.token, { locale: 'en-GB' });

    await h.postMessage(grant.token, grant.conversationId, 'hello');

    expect(h.bot.received[1]?.locale).toBe('en-GB');
  });

  it('runs the turns of one conversation one after another, in order', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();
    const firstGate = h.bot.holdTurn('eerste');

    const first = h.postMessage(token, conversationId, 'eerste', { channelData: { clientActivityID: '1' } });
    await h.bot.whenStarted('eerste');
    const second = h.postMessage(token, conversationId, 'tweede', { channelData: { clientActivityID: '2' } });
    await vi.waitFor(() => expect(h.directLine.pendingTurns(conversationId)).toBe(2), { timeout: 10_000 });

    // The second turn waits for the first.
    expect(h.bot.received.map((a) => a.text)).toEqual([undefined, 'eerste']);
    firstGate.resolve();
    const answers = await Promise.all([first, second]);

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(h.bot.received.map((a) => a.text)).toEqual([undefined, 'eerste', 'tweede']);
    const page = await h.activities(token, conversationId, '1');
    expect(page.activities.map((a: any) => a.text)).toEqual(['eerste', 'answer:eerste', 'tweede', 'answer:tweede']);
  });

  it('runs turns of different conversations in parallel', async () => {
    const h = await start();
    const a = await h.startConversation();
    const b = await h.startConversation();
    const gate = h.bot.holdTurn('traag');

    const slow = h.postMessage(a.token, a.conversationId, 'traag');
    await h.bot.whenStarted('traag');
    const fast = await h.postMessage(b.token, b.conversationId, 'snel');

    expect(fast.status).toBe(200);
    expect(h.directLine.pendingTurns(a.conversationId)).toBe(1);
    gate.resolve();
    expect((await slow).status).toBe(200);
  });

  it('answers 502 with a short error when the bot fails, without its details', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();

    const posted = await h.request('POST', `${conversationPath(conversationId)}/activities`, token, { type: 'message', text: 'explode' });

    expect(posted.status).toBe(502);
    expect(posted.json).toEqual({ error: { code: 'BotError', message: expect.any(String) } });
    expect(posted.text).not.toContain('internal detail');
    expect(posted.text).not.toContain('at ');
    // The conversation keeps working afterwards.
    expect((await h.postMessage(token, conversationId, 'daarna')).status).toBe(200);
  });

  it('rejects malformed and unsupported activities with 400', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();
    const path = `${conversationPath(conversationId)}/activities`;

    for (const body of [{ type: 'invoke', name: 'x' }, { text: 'no type' }, { type: 'message', text: 42 }, ['message']]) {
      const answer = await h.request('POST', path, token, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error.code).toBe('BadActivity');
    }
    expect(h.bot.received).toHaveLength(1);
  });
});

describe('tokens', () => {
  it('answers 401 without a token and with a tampered or foreign token', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url');
    const foreign = (await createConversationTokenService({ tokenSecret: randomBytes(32), now: h.clock.now }).reissue(claims)).token;
    const path = `${conversationPath(conversationId)}/activities`;

    const missing = await h.request('GET', path);
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({ error: { code: 'MissingToken', message: expect.any(String) } });

    for (const bad of [`${header}.${forgedPayload}.${signature}`, `${token}x`, foreign, 'not-a-token']) {
      const answer = await h.request('GET', path, bad);
      expect(answer.status).toBe(401);
      expect(answer.json.error.code).toBe('InvalidToken');
    }
    for (const bad of [`${header}.${forgedPayload}.${signature}`, foreign]) {
      expect((await h.request('POST', path, bad, { type: 'message', text: 'x' })).status).toBe(401);
    }
  });

  it('answers 403 TokenExpired once the token has expired', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();

    h.clock.advanceMinutes(29);
    expect((await h.request('GET', `${conversationPath(conversationId)}/activities`, token)).status).toBe(200);
    h.clock.advanceMinutes(2);
    const expired = await h.request('GET', `${conversationPath(conversationId)}/activities`, token);

    expect(expired.status).toBe(403);
    expect(expired.json.error.code).toBe('TokenExpired');
    expect((await h.request('POST', '/v3/directline/tokens/refresh', token)).status).toBe(403);
  });

  it("does not let one conversation's token read or post to another conversation", async () => {
    const h = await start();
    const a = await h.startConversation();
    const b = await h.startConversation();

    const read = await h.request('GET', `${conversationPath(b.conversationId)}/activities`, a.token);
    const post = await h.request('POST', `${conversationPath(b.conversationId)}/activities`, a.token, { type: 'message', text: 'x' });
    const resume = await h.request('GET', conversationPath(b.conversationId), a.token);

    expect([read.status, post.status, resume.status]).toEqual([403, 403, 403]);
    expect(read.json.error.code).toBe('WrongConversation');
    expect(h.bot.received.filter((activity) => activity.type === 'message')).toHaveLength(0);
  });

  it('answers 404 for a conversation that was never started', async () => {
    const h = await start();
    const grant = await h.directLine.issueToken();

    const answer = await h.request('GET', `${conversationPath(grant.conversationId)}/activities`, grant.token);

    expect(answer.status).toBe(404);
    expect(answer.json.error.code).toBe('ConversationNotFound');
  });

  it('refreshes a token for the same conversation with a new expiry', async () => {
    const h = await start();
    const { token, conversationId } = await h.startConversation();

    h.clock.advanceMinutes(20);
    const refreshed = await h.request('POST', '/v3/directline/tokens/refresh', token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toEqual({ token: expect.any(String), conversationId, expires_in: 1800 });
    expect(refreshed.json.token).not.toBe(token);

    h.clock.advanceMinutes(20);
    expect((await h.request('GET', `${conversationPath(conversationId)}/activities`, token)).status).toBe(403);
    expect((await h.request('GET', `${conversationPath(conversationId)}/activities`, refreshed.json.token)).status).toBe(200);
  });
});

describe('memory bounds', () => {
  it('removes the least recently active conversation when the cap is reached', async () => {
    const h = await start({ maxConversations: 2 });
    const first = await h.startConversation();
    const second = await h.startConversation();
    await h.activities(first.token, first.conversationId); // first is now the most recently active

    const third = await h.startConversation();

    expect(h.directLine.conversationCount()).toBe(2);
    expect((await h.request('GET', `${conversationPath(second.conversationId)}/activities`, second.token)).status).toBe(404);
    expect((await h.request('GET', `${conversationPath(first.conversationId)}/activities`, first.token)).status).toBe(200);
    expect((await h.request('GET', `${conversationPath(third.conversationId)}/activities`, third.token)).status).toBe(200);
  });

  it('forgets a conversation after it has been idle too long', async () => {
    const h = await start({ limits: { idleMs: 10 * 60_000 } });
    const { token, conversationId } = await h.startConversation();

    h.clock.advanceMinutes(11);

    expect((await h.request('GET', `${conversationPath(conversationId)}/activities`, token)).status).toBe(404);
    expect(h.directLine.conversationCount()).toBe(0);
  });

  it('keeps only the newest activities of a long transcript, with watermarks still counting', async () => {
    const h = await start({ limits: { maxTranscriptActivities: 4 } });
    const { token, conversationId } = await h.startConversation();
    for (const text of ['een', 'twee', 'drie']) await h.postMessage(token, conversationId, text);

    const page = await h.activities(token, conversationId);

    expect(page.watermark).toBe('7');
    expect(page.activities.map((a: any) => a.text)).toEqual(['twee', 'answer:twee', 'drie', 'answer:drie']);
    expect(page.activities[0].id).toBe(`${conversationId}|0000003`);
  });

  it('refuses an activity larger than the limit with 413', async () => {
    const h = await start({ maxActivityBytes: 1000 });
    const { token, conversationId } = await h.startConversation();

    const answer = await h.postMessage(token, conversationId, 'x'.repeat(2000));

    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe('ActivityTooLarge');
  });

  it('answers 429 when too many turns are waiting in one conversation', async () => {
    const h = await start({ limits: { maxPendingTurns: 1 } });
    const { token, conversationId } = await h.startConversation();
    const gate = h.bot.holdTurn('wacht');
    const waiting = h.postMessage(token, conversationId, 'wacht');
    await h.bot.whenStarted('wacht');

    const refused = await h.postMessage(token, conversationId, 'nog een');

    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('TurnQueueFull');
    gate.resolve();
    expect((await waiting).status).toBe(200);
  });
});
