/**
 * Free-text questions (name, contact, code) take answers and nothing else: a withdrawal asks whether to stop,
 * a question is no name. A correction at the summary changes one field and confirms again.
 * Keyed texts, the real offline recognizer, on web chat and SMS.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { createConversation, readable } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { recognition } from './support.js';

let recognizer: Recognizer;
beforeAll(async () => {
  // The way in is fixed, so the tests are about the answers, not about how the recognizer reads the first request.
  recognizer = fakeRecognizer(
    { 'ik wil een afspraak voor mijn rijbewijs': recognition('appointment.book', 'rijbewijs') },
    await createLinearRecognizer(),
  );
});

const CHANNELS = ['webchat', 'sms'] as const;

/** A resident on `channelId` who asked for an appointment for a driving licence and picked the first slot. */
async function atNameQuestion(channelId: string) {
  const talk = createConversation({ recognizer, channelId });
  await talk.say('ik wil een afspraak voor mijn rijbewijs');
  expect(readable(await talk.say('1'))).toContain('«appointments:name.question»');
  return talk;
}

async function atSummary(channelId: string) {
  const talk = await atNameQuestion(channelId);
  expect(readable(await talk.say('Mijn naam is An Peeters'))).toContain('«appointments:contact.question»');
  expect(readable(await talk.say('0470 12 34 56'))).toContain('«appointments:confirm.question»');
  return talk;
}

const WITHDRAWALS = ['nee toch niet', 'ik wil toch geen afspraak', 'laat maar', 'neen, laat maar zitten', 'Nee dank u, ik bel wel'];
const NAMES = ['An Peeters', 'jan de smet', 'Marie-Louise Van den Broeck', 'mijn naam is Rik Claes', 'Ahmed El Amrani', 'Ingrid Hoste.'];

describe.each(CHANNELS)('on %s, the name question', (channelId) => {
  it.each(WITHDRAWALS)('"%s" is no name: asked whether to stop, and "ja" stops the booking', async (text) => {
    const talk = await atNameQuestion(channelId);
    const replies = readable(await talk.say(text));
    expect(replies).toContain('«appointments:stopCheck.question»');
    expect(replies).not.toContain('«appointments:contact.question»');
    expect(readable(await talk.say('ja'))).toContain('«appointments:confirm.notBooked»');
    expect(talk.appointments.document.read().bookings).toHaveLength(0);
  });

  it.each([
    'hoe laat zijn jullie open?',
    'Wat kost een nieuwe identiteitskaart?',
    'waar is het gemeentehuis',
    'tot hoe laat is het loket open',
    'kan ik ook zaterdag komen',
  ])('"%s" is no name', async (text) => {
    const talk = await atNameQuestion(channelId);
    const replies = readable(await talk.say(text));
    expect(replies).not.toContain('«appointments:contact.question»');
    expect(replies).not.toContain(`name=${text}`);
  });

  it.each(NAMES)('"%s" is taken as the name', async (name) => {
    const talk = await atNameQuestion(channelId);
    expect(readable(await talk.say(name))).toContain('«appointments:contact.question»');
  });
});

describe.each(CHANNELS)('on %s, the contact question', (channelId) => {
  it.each(WITHDRAWALS)('"%s" asks whether to stop, and "ja" stops the booking', async (text) => {
    const talk = await atNameQuestion(channelId);
    await talk.say('An Peeters');
    const replies = readable(await talk.say(text));
    expect(replies).toContain('«appointments:stopCheck.question»');
    expect(replies).not.toContain('«appointments:confirm.question»');
    expect(readable(await talk.say('ja'))).toContain('«appointments:confirm.notBooked»');
  });
});

describe.each(CHANNELS)('on %s, a correction at the summary', (channelId) => {
  it.each(['nee, de naam is fout', 'De naam klopt niet', 'andere naam aub', '3'])(
    '"%s" asks the name again and then the summary',
    async (text) => {
      const talk = await atSummary(channelId);
      expect(readable(await talk.say(text))).toContain('«appointments:name.question»');
      const summary = readable(await talk.say('Anna Peeters'));
      expect(summary).toContain('«appointments:summary.name» name=Anna Peeters');
      expect(summary).toContain('«appointments:summary.contact» contact=0470 12 34 56');
      expect(summary).toContain('«appointments:confirm.question»');
      await talk.say('ja graag');
      expect(talk.appointments.document.read().bookings).toMatchObject([
        { name: 'Anna Peeters', contact: { kind: 'phone', value: '+32470123456' } },
      ]);
    },
  );

  it.each(['ander nummer', 'nee, mijn gsm-nummer is fout', 'een ander mailadres', '4'])(
    '"%s" asks the contact again and then the summary',
    async (text) => {
      const talk = await atSummary(channelId);
      expect(readable(await talk.say(text))).toContain('«appointments:contact.question»');
      const summary = readable(await talk.say('an.peeters@voorbeeld.be'));
      expect(summary).toContain('«appointments:summary.name» name=An Peeters');
      expect(summary).toContain('«appointments:summary.contact» contact=an.peeters@voorbeeld.be');
      await talk.say('is goed');
      expect(talk.appointments.document.read().bookings).toMatchObject([
        { name: 'An Peeters', contact: { kind: 'email', value: 'an.peeters@voorbeeld.be' } },
      ]);
    },
  );

  it.each(['een andere dag', 'ander uur aub', '5'])('"%s" offers the slots again and keeps name and contact', async (text) => {
    const talk = await atSummary(channelId);
    const replies = readable(await talk.say(text));
    expect(replies).toContain('«appointments:slots.earliest»');
    const summary = readable(await talk.say('2'));
    expect(summary).toContain('«appointments:summary.name» name=An Peeters');
    expect(summary).toContain('«appointments:confirm.question»');
  });

  it.each(['ja graag', 'jawel', 'oké', 'doe maar', 'prima', 'zeker', 'klopt'])('"%s" books', async (text) => {
    const talk = await atSummary(channelId);
    expect(readable(await talk.say(text))).toContain('«appointments:booked.title»');
    expect(talk.appointments.document.read().bookings).toHaveLength(1);
  });

  it.each(['nee dank u', 'neen', 'liever niet', 'nee toch niet', 'laat maar'])('"%s" books nothing', async (text) => {
    const talk = await atSummary(channelId);
    expect(readable(await talk.say(text))).toContain('«appointments:confirm.notBooked»');
    expect(talk.appointments.document.read().bookings).toHaveLength(0);
  });
});
