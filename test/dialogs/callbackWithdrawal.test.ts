import { beforeAll, describe, expect, it } from 'vitest';
import { createOfflineRecognizer } from '../../nlu/offlineRecognizer.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import { createTestAppointments } from '../support/appointments.js';
import { createConversation, readable } from '../support/conversation.js';
import { handoffFixture, MONDAY_10H } from './handoffFixtures.js';

describe.each([
  // SMS from a Belgian number first offers that number: "nee" then asks for another one.
  ['webchat', []],
  ['sms', ['nee']],
] as const)('withdrawing a callback at its phone-number question, on %s', (channelId, beforeNumber) => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = await createOfflineRecognizer();
  });

  function conversation() {
    const handoff = handoffFixture({ now: MONDAY_10H });
    const talk = createConversation({
      recognizer,
      channelId,
      handoff: handoff.services,
      now: () => MONDAY_10H,
      appointments: createTestAppointments({ now: MONDAY_10H }),
      user: { id: '+32470123456' },
    });
    return { talk, handoff };
  }

  async function atSubjectQuestion(talk: ReturnType<typeof createConversation>) {
    expect(readable(await talk.say('kan ik met iemand spreken?'))).toContain('«handoff:offer.question»');
    expect(readable(await talk.say('ja bel mij terug'))).toContain('«handoff:callback.momentQuestion»');
    expect(readable(await talk.say('1'))).toMatch(/«handoff:subject\.(question|proposal)»/);
  }

  async function atPhoneQuestion(talk: ReturnType<typeof createConversation>) {
    await atSubjectQuestion(talk);
    await talk.say('maakt niet uit');
    for (const answer of beforeNumber) await talk.say(answer);
  }

  it.each(['laat maar, ik bel zelf wel', 'toch niet', 'nee dank u, laat maar'])(
    '"%s" at the question what it is about, in the middle of a booking, ends the callback and asks the slot question again',
    async (answer) => {
      const { talk, handoff } = conversation();
      expect(readable(await talk.say('afspraak rijbewijs'))).toContain('«appointments:slots.earliest»');
      await atSubjectQuestion(talk);
      const reply = readable(await talk.say(answer));
      expect(reply).toContain('«handoff:callback.withdrawn»');
      expect(reply).toContain('«common:resume.carryOn»');
      expect(reply).toContain('«appointments:slots.');
      expect(reply).not.toContain('«handoff:callback.phoneQuestion»');
      expect(await handoff.services.callbacks.listOpen()).toHaveLength(0);
    },
  );

  it.each(['laat maar, ik bel zelf wel', 'toch niet', 'nee dank u, laat maar'])(
    '"%s" in the middle of a booking ends the callback politely and asks the slot question again',
    async (answer) => {
      const { talk, handoff } = conversation();
      expect(readable(await talk.say('afspraak rijbewijs'))).toContain('«appointments:slots.earliest»');
      await atPhoneQuestion(talk);
      const reply = readable(await talk.say(answer));
      expect(reply).toContain('«handoff:callback.withdrawn»');
      expect(reply).toContain('«common:resume.carryOn»');
      expect(reply).toContain('«appointments:slots.');
      expect(reply).not.toContain('«common:cancel.done»');
      expect(reply).not.toContain('«handoff:callback.phoneInvalid»');
      expect(await handoff.services.callbacks.listOpen()).toHaveLength(0);
      expect(readable(await talk.say('de eerste is goed'))).toContain('«appointments:name.question»');
    },
  );

  it('"toch niet" outside a booking ends the callback without resuming anything', async () => {
    const { talk } = conversation();
    await atPhoneQuestion(talk);
    const reply = readable(await talk.say('toch niet'));
    expect(reply).toContain('«handoff:callback.withdrawn»');
    expect(reply).not.toContain('«common:resume.carryOn»');
  });
});
