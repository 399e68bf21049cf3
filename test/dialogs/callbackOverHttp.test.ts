import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { messageActivity, postJson, startTestServer } from '../support/testServer.js';
import { handoffFixture, referenceIn } from './handoffFixtures.js';

interface Reply {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: { buttons?: { title: string; text: string }[] } }[];
}

const fixture = handoffFixture();
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer({
    recognizer: fakeRecognizer({ 'ik wil iemand spreken': 'handoff.human' }),
    handoff: fixture.services,
    now: fixture.services.now,
  });
});
afterAll(() => server.close());

async function turn(channelId: string, conversationId: string, text: string): Promise<Reply[]> {
  const response = await postJson(
    `${server.baseUrl}/api/messages`,
    messageActivity(text, { channelId, conversation: { id: conversationId }, from: { id: `${conversationId}-resident`, role: 'user' } }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { activities: Reply[] }).activities;
}

const texts = (replies: Reply[]) => replies.map((reply) => reply.text ?? '').join('\n');

/** The text of the card button (messageBack) whose title holds this key: what Web Chat posts as text when it is clicked. */
function button(replies: Reply[], key: string): string {
  const buttons = replies.flatMap((reply) => reply.attachments ?? []).flatMap((attachment) => attachment.content.buttons ?? []);
  const found = buttons.find((candidate) => candidate.title.includes(key));
  expect(found, `a button with ${key}`).toBeDefined();
  return found!.text;
}

describe('callback request over HTTP with expectReplies', () => {
  it('on webchat: card buttons from the offer to the reference', async () => {
    const offer = await turn('webchat', 'conv-webchat', 'ik wil iemand spreken');
    expect(offer.some((reply) => reply.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'))).toBe(true);
    const moments = await turn('webchat', 'conv-webchat', button(offer, '«handoff:offer.callback»'));
    expect(texts(moments)).toContain('«handoff:callback.momentQuestion»');
    const subjectQuestion = await turn('webchat', 'conv-webchat', button(moments, '«handoff:moment.tomorrow.'));
    expect(texts(subjectQuestion)).toContain('«handoff:subject.question»');
    const phoneQuestion = await turn('webchat', 'conv-webchat', 'mijn parkeerkaart is verlopen');
    expect(texts(phoneQuestion)).toContain('«handoff:callback.phoneQuestion»');
    const confirmation = texts(await turn('webchat', 'conv-webchat', '0470 12 34 56'));
    const reference = referenceIn(confirmation);
    expect(reference).toBeDefined();
    expect(await fixture.callbacks.get(reference!)).toMatchObject({
      phone: '+32470123456',
      preferredMoment: { day: '2026-03-03', partOfDay: 'morning' },
      subject: 'mijn parkeerkaart is verlopen',
      requestId: expect.stringMatching(/^webchat:conv-webchat:activity-\d+$/),
    });
  });

  it('on sms: numbered choices answered with their number', async () => {
    const offer = texts(await turn('sms', 'conv-sms', 'ik wil iemand spreken'));
    expect(offer).toContain('1. «handoff:offer.callback»');
    expect(offer).toContain('«common:choice.answerWithNumber»');
    const moments = texts(await turn('sms', 'conv-sms', '1'));
    expect(moments).toContain('2. «handoff:moment.today.afternoon»');
    expect(texts(await turn('sms', 'conv-sms', '2'))).toContain('1. «handoff:subject.skip»');
    // The skip option by its number.
    expect(texts(await turn('sms', 'conv-sms', '1'))).toContain('«handoff:callback.phoneQuestion»');
    expect(texts(await turn('sms', 'conv-sms', '+33 6 12 34 56 78'))).toContain('«handoff:callback.phoneForeign»');
    const reference = referenceIn(texts(await turn('sms', 'conv-sms', '050 12 34 57')));
    expect(await fixture.callbacks.get(reference!)).toMatchObject({
      phone: '+3250123457',
      preferredMoment: { partOfDay: 'afternoon' },
      subject: null,
    });
    const logs = [...server.logger.lines, ...fixture.logger.lines].join('\n');
    expect(logs).toContain(reference!);
    expect(logs).not.toMatch(/470|50123457|12 34 5/);
  });
});
