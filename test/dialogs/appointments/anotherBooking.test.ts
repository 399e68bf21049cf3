import { describe, expect, it } from 'vitest';
import { createConversation, readable } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { offeredSlots, recognition } from './support.js';

// Monday 2 March 2026, 07:00 in Brussels: the first driving-licence slot is 09:00-09:30 (one counter).
const recognizer = fakeRecognizer({
  'afspraak rijbewijs': recognition('appointment.book', 'rijbewijs'),
  'afspraak reispas voor mijn zoon': recognition('appointment.book', 'reispas'),
  // What the recognizer made of the tester's message: a move.
  'en nog 1 voor mijn vrouw direct erna': recognition('appointment.reschedule'),
  'en nog 1 voor mijn andere zoon': recognition('appointment.reschedule'),
  'ik heb nog een vraag': recognition('none'),
});

async function booked(first: string) {
  const talk = createConversation({ recognizer, channelId: 'sms' });
  await talk.say(first);
  await talk.say('1');
  await talk.say('An Peeters');
  await talk.say('an@voorbeeld.be');
  expect(readable(await talk.say('ja'))).toContain('«appointments:booked.title»');
  return talk;
}

describe('one more booking right after one', () => {
  it('"direct erna" offers the same service from the end of the appointment just booked', async () => {
    const talk = await booked('afspraak rijbewijs');
    const replies = await talk.say('en nog 1 voor mijn vrouw direct erna');
    expect(readable(replies)).toContain('«appointments:slots.matching»');
    expect(readable(replies)).not.toContain('«appointments:access.codeQuestion»');
    expect(offeredSlots(replies)[0]).toBe('maandag 2 maart 09:30');
  });

  it("is for the person said then, with that person's list, not the first one's", async () => {
    const talk = await booked('afspraak reispas voor mijn zoon');
    expect(offeredSlots(await talk.say('en nog 1 voor mijn andere zoon'))).not.toHaveLength(0);
    await talk.say('1');
    await talk.say('An Peeters');
    await talk.say('an@voorbeeld.be');
    const confirmation = readable(await talk.say('ja'));
    expect(confirmation).toContain('«appointments:booked.title»');
    expect(confirmation).toContain('«documents:inPerson.bring.parentalConsent»');
  });

  it('leaves other words with "nog een" alone', async () => {
    const talk = await booked('afspraak rijbewijs');
    expect(readable(await talk.say('ik heb nog een vraag'))).not.toContain('«appointments:slots.');
  });
});
