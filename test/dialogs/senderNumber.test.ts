import { describe, expect, it } from 'vitest';
import { senderNumberOf } from '../../dialogs/prompts/senderNumberQuestion.js';
import { createConversation, readable } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { recognition } from './appointments/support.js';
import { handoffFixture } from './handoffFixtures.js';

// "op dit nummer?": someone texting from a gsm is offered that number before being asked to type one.
const recognizer = fakeRecognizer({
  'afspraak rijbewijs': recognition('appointment.book', 'rijbewijs'),
  'ik wil iemand spreken': recognition('handoff.human'),
});
const GSM = { id: '+32470123456' };

function booking(channelId: string, user?: { id: string }) {
  return createConversation({ recognizer, channelId, ...(user ? { user } : {}) });
}

async function toContactQuestion(talk: ReturnType<typeof booking>): Promise<string> {
  await talk.say('afspraak rijbewijs');
  await talk.say('2');
  return readable(await talk.say('An Peeters'));
}

describe('senderNumberOf', () => {
  it.each([
    [
      { channelId: 'sms', from: { id: '+32470123456', name: '' } },
      { e164: '+32470123456', national: '0470 12 34 56' },
    ],
    [{ channelId: 'sms', from: { id: '+31612345678', name: '' } }, undefined],
    [{ channelId: 'sms', from: { id: 'user', name: '' } }, undefined],
    [{ channelId: 'webchat', from: { id: '+32470123456', name: '' } }, undefined],
  ])('reads %j as %j', (activity, expected) => {
    expect(senderNumberOf(activity)).toEqual(expected);
  });
});

describe.each([
  ['sms', GSM, true],
  ['sms', undefined, false],
  ['webchat', GSM, false],
] as const)('the booking contact on %s from %j', (channelId, user, offered) => {
  it(offered ? 'offers the number the resident texts from' : 'asks the contact straight away', async () => {
    const question = await toContactQuestion(booking(channelId, user));
    if (offered) {
      expect(question).toContain('«appointments:contact.senderNumber» number=0470 12 34 56');
      expect(question).not.toContain('«appointments:contact.question»');
    } else {
      expect(question).toContain('«appointments:contact.question»');
      expect(question).not.toContain('«appointments:contact.senderNumber»');
    }
  });
});

describe('the booking contact on sms from a gsm', () => {
  it('takes the number after yes', async () => {
    const talk = booking('sms', GSM);
    await toContactQuestion(talk);
    expect(readable(await talk.say('ja'))).toContain('«appointments:summary.contact» contact=0470 12 34 56');
    await talk.say('1');
    expect(talk.appointments.document.read().bookings[0]!.contact).toEqual({ kind: 'phone', value: '+32470123456' });
  });

  it('asks another contact after no', async () => {
    const talk = booking('sms', GSM);
    await toContactQuestion(talk);
    expect(readable(await talk.say('2'))).toContain('«appointments:contact.question»');
    expect(readable(await talk.say('an@voorbeeld.be'))).toContain('«appointments:summary.contact» contact=an@voorbeeld.be');
  });

  it('takes another number typed instead of yes or no', async () => {
    const talk = booking('sms', GSM);
    await toContactQuestion(talk);
    expect(readable(await talk.say('0471 99 88 77'))).toContain('«appointments:summary.contact» contact=0471 99 88 77');
  });
});

describe('the callback number on sms from a gsm', () => {
  async function toPhoneQuestion(user?: { id: string }) {
    const { services, callbacks } = handoffFixture();
    const talk = createConversation({ recognizer, channelId: 'sms', handoff: services, ...(user ? { user } : {}) });
    await talk.say('ik wil iemand spreken');
    await talk.say('1');
    await talk.say('1');
    return { talk, callbacks, question: readable(await talk.say('maakt niet uit')) };
  }

  it('offers the number, and stores it after yes in that same turn', async () => {
    const { talk, callbacks, question } = await toPhoneQuestion(GSM);
    expect(question).toContain('«handoff:callback.senderNumber» number=0470 12 34 56');
    expect(question).not.toContain('«handoff:callback.phoneQuestion»');
    expect(readable(await talk.say('1'))).toContain('«handoff:callback.confirmed»');
    const [stored] = await callbacks.listOpen();
    expect(stored?.phone).toBe('+32470123456');
  });

  it('asks the number after no', async () => {
    const { talk } = await toPhoneQuestion(GSM);
    expect(readable(await talk.say('nee'))).toContain('«handoff:callback.phoneQuestion»');
  });

  it('asks the number straight away without a sender number', async () => {
    const { question } = await toPhoneQuestion();
    expect(question).toContain('«handoff:callback.phoneQuestion»');
  });
});

describe('a foreign number typed at the offer', () => {
  it('says why and asks the contact instead', async () => {
    const talk = booking('sms', GSM);
    await toContactQuestion(talk);
    expect(readable(await talk.say('+31 6 12345678'))).toContain('«appointments:contact.foreign»');
    expect(readable(await talk.say('an@voorbeeld.be'))).toContain('«appointments:summary.contact» contact=an@voorbeeld.be');
  });
});
