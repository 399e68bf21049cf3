import { describe, expect, it } from 'vitest';
import { createConversation, readable } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { handoffFixture, referenceIn } from './handoffFixtures.js';

const recognizer = fakeRecognizer({
  'afspraak reispas': { intent: 'appointment.book', score: 1, entities: { document: 'reispas' } },
  'ik wil iemand spreken': 'handoff.human',
  'kan ik iemand spreken': 'handoff.human',
  stop: 'cancel',
});

const CHANNELS = [
  // On webchat the options are buttons whose label the resident may also type; on sms they answer with the number.
  {
    channelId: 'webchat',
    callback: '«handoff:offer.callback»',
    decline: '«handoff:offer.no»',
    stopCallback: '«handoff:offer.cancelCallback»',
  },
  { channelId: 'sms', callback: '1', decline: '2', stopCallback: '2' },
];

function converse(channelId: string) {
  const fixture = handoffFixture();
  const conversation = createConversation({ recognizer, handoff: fixture.services, now: fixture.services.now, channelId });
  const say = async (text: string) => readable(await conversation.say(text));
  return { ...fixture, say };
}

/** Asks a person and a callback on the first moment; returns the reference. */
async function requestCallback(say: (text: string) => Promise<string>, callback: string): Promise<string> {
  await say('ik wil iemand spreken');
  await say(callback);
  await say('1');
  await say('maakt niet uit');
  const reference = referenceIn(await say('0470 12 34 56'));
  expect(reference).toBeDefined();
  return reference!;
}

describe.each(CHANNELS)('a person asked for in the middle of a booking, on $channelId', ({ channelId, callback, decline }) => {
  it('declining the callback asks the same booking question again, and the booking goes on', async () => {
    const { say, callbacks } = converse(channelId);
    expect(await say('afspraak reispas')).toContain('«appointments:slots.earliest»');
    await say('1');
    const offer = await say('kan ik iemand spreken');
    expect(offer).toContain('«handoff:offer.question»');
    const back = await say(decline);
    expect(back).toContain('«common:resume.carryOn»');
    expect(back).toContain('«appointments:name.question»');
    expect(await say('An Peeters')).toContain('«appointments:contact.question»');
    expect(await callbacks.listOpen()).toHaveLength(0);
  });

  it('a stored callback request ends the booking: staff will call', async () => {
    const { say, callbacks } = converse(channelId);
    await say('afspraak reispas');
    await say('kan ik iemand spreken');
    await say(callback);
    await say('1');
    // What it is about: the booking the resident was in is proposed.
    expect(await say('ja')).toContain('«handoff:callback.phoneQuestion»');
    const confirmed = await say('0470 12 34 56');
    expect(confirmed).toContain('«handoff:callback.reference»');
    expect(confirmed).not.toContain('«appointments:slots.');
    expect(await callbacks.listOpen()).toHaveLength(1);
    expect(await say('1')).not.toContain('«appointments:name.question»');
  });
});

describe.each(CHANNELS)('one conversation remembers its own callback request, on $channelId', ({ callback, stopCallback, channelId }) => {
  it('asking for a person again tells about the open request instead of making a second one', async () => {
    const { say, callbacks } = converse(channelId);
    const reference = await requestCallback(say, callback);
    const again = await say('ik wil iemand spreken');
    expect(again).toContain(`«handoff:open.pending» reference=${reference}`);
    expect(again).toContain('«handoff:moment.today.morning»');
    expect(again).not.toContain('«handoff:offer.callback»');
    expect(await callbacks.listOpen()).toHaveLength(1);
  });

  it('the stop option cancels the open request without asking its code; staff no longer see it', async () => {
    const { say, callbacks } = converse(channelId);
    const reference = await requestCallback(say, callback);
    await say('ik wil iemand spreken');
    const cancelled = await say(channelId === 'sms' ? '2' : stopCallback);
    expect(cancelled).toContain(`«handoff:cancel.done» reference=${reference}`);
    expect(cancelled).not.toContain('«handoff:cancel.referenceQuestion»');
    expect(await callbacks.listOpen()).toHaveLength(0);
    // Forgotten once cancelled: a new request for a person offers a callback again.
    expect(await say('ik wil iemand spreken')).toContain('«handoff:offer.callback»');
  });

  it.each(['ik wil niet meer gebeld worden', 'Bel mij toch maar niet', 'u hoeft mij niet meer te bellen'])(
    '"%s" cancels the open request',
    async (text) => {
      const { say, callbacks } = converse(channelId);
      const reference = await requestCallback(say, callback);
      expect(await say(text)).toContain(`«handoff:cancel.done» reference=${reference}`);
      expect(await callbacks.get(reference)).toMatchObject({ status: 'cancelledByResident' });
      expect(await callbacks.listOpen()).toHaveLength(0);
    },
  );

  it('a request staff already closed is not mentioned: a new callback can be asked', async () => {
    const { say, callbacks } = converse(channelId);
    const reference = await requestCallback(say, callback);
    await callbacks.setStatus(reference, 'done', { at: new Date('2026-03-02T10:00:00Z'), staffMember: 'an' });
    const again = await say('ik wil iemand spreken');
    expect(again).not.toContain('«handoff:open.pending»');
    expect(again).toContain('«handoff:offer.callback»');
  });
});
