import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import { readable, testFacts } from '../../support/conversation.js';
import { messageActivity, postJson, startTestServer } from '../../support/testServer.js';

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer({ recognizer: await createLinearRecognizer() });
});
afterAll(() => server.close());

/** A resident in their own conversation over real HTTP; each message returns the replies (expectReplies). */
function resident(conversationId: string) {
  return async (text: string): Promise<string> => {
    const response = await postJson(
      `${server.baseUrl}/api/messages`,
      messageActivity(text, { conversation: { id: conversationId }, from: { id: `${conversationId}-user`, role: 'user' } }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: Partial<Activity>[] };
    return readable(body.activities);
  };
}

describe('requesting a document over HTTP, understood by the offline recognizer', () => {
  it('"ik heb een bewijs van woonst nodig": for whom, then the online route with its link', async () => {
    const say = resident('woonst');
    const question = await say('ik heb een bewijs van woonst nodig');
    expect(question).toContain('«documents:questions.requester.ask»');
    const answer = await say('1');
    const woonst = testFacts().documentById.get('attest-woonst')!;
    expect(answer).toContain(`«documents:online.canOnline» document=${woonst.name.nl}`);
    expect(answer).toContain(woonst.online!.url);
    expect(answer).toContain('«documents:online.price.free»');
    expect(answer).toContain('«documents:online.canLogIn.ask»');
    // Keyed texts make the labels keys, so the resident answers with the option's number.
    expect(await say('1')).toContain('«common:anythingElse.question»');
  });

  it('"ik wil een nieuw paspoort": for whom, then the counter route with the price and the offer to book', async () => {
    const say = resident('paspoort');
    expect(await say('ik wil een nieuw paspoort')).toContain('«documents:questions.requester.ask»');
    const answer = await say('1');
    const passport = testFacts().documentById.get('reispas')!;
    expect(answer).toContain(`«documents:inPerson.intro» document=${passport.name.nl}`);
    expect(answer).toContain(`«documents:inPerson.price.paid» price=${passport.counter.price}`);
    expect(answer).toContain('«documents:inPerson.appointment.offer»');
    expect(await say('2')).toContain('«documents:inPerson.appointment.later»');
  });
});
