/**
 * "Waarover gaat het?": the callback asks briefly what the call is about, after the moment and
 * before the number, so staff can prepare. What the resident was doing (a booking, a document) is
 * proposed instead of asked blindly; "maakt niet uit", "zeg ik liever aan de telefoon" or the skip
 * button leave it out. The subject is stored with the request, scrubbed and short.
 */
import { MemoryStorage, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { SUBJECT_CHARACTERS } from '../../services/callback/callbackSubject.js';
import { renderedButtons, tappedButton } from '../support/channelAnswers.js';
import { createConversation, readable } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { recognition } from './appointments/support.js';
import { handoffFixture } from './handoffFixtures.js';

const recognizer = fakeRecognizer({
  'ik wil iemand spreken': recognition('handoff.human'),
  'afspraak rijbewijs': recognition('appointment.book', 'rijbewijs'),
  'ik wil een reispas': recognition('document.request', 'reispas'),
  'mijn afspraak annuleren': recognition('appointment.cancel'),
  help: recognition('help'),
  'hoe laat zijn jullie open?': recognition('info.hours'),
  'tot hoe laat is het loket open vandaag': recognition('info.hours'),
  'wnr zijn jullie open': recognition('info.hours'),
  'zijt ge zaterdag open': recognition('info.hours'),
  'waar is het gemeentehuis juist?': recognition('info.contact'),
  'over de openingsuren van het containerpark': recognition('info.hours'),
});

/** Questions in passing, as a 70-year-old, a hurried parent and a teenager on SMS ask them at the subject question. */
const QUESTIONS_IN_PASSING = [
  'hoe laat zijn jullie open?',
  'tot hoe laat is het loket open vandaag',
  'wnr zijn jullie open',
  'zijt ge zaterdag open',
  'waar is het gemeentehuis juist?',
];

const CHANNELS = ['webchat', 'sms'] as const;

function talkTo(channelId: string, options: { storage?: MemoryStorage } = {}) {
  const { services, callbacks } = handoffFixture();
  const talk = createConversation({ recognizer, channelId, handoff: services, ...options });
  return { talk, callbacks };
}

/** From a first message to the subject question: a person, yes to the callback, the first moment. */
async function toSubject(talk: ReturnType<typeof createConversation>, first: string[] = []) {
  for (const text of first) await talk.say(text);
  await talk.say('ik wil iemand spreken');
  await talk.say('1');
  return talk.say('1');
}

/** The question that comes once the subject is answered: the number (no sender number in these tests). */
const PHONE_QUESTION = '«handoff:callback.phoneQuestion»';

describe.each(CHANNELS)('on %s, without a topic so far', (channelId) => {
  it('asks what it is about after the moment, before the consent and the number', async () => {
    const { talk } = talkTo(channelId);
    const replies = readable(await toSubject(talk));
    expect(replies).toContain('«handoff:subject.question»');
    expect(replies).toContain('«handoff:subject.skip»');
    expect(replies).not.toContain('«handoff:subject.proposal»');
    expect(replies).not.toContain(PHONE_QUESTION);
    expect(replies).not.toContain('«handoff:callback.consent»');
  });

  it.each([
    'vraag over mijn verhuis naar Brugge',
    'mijn belastingbrief klopt niet',
    'Goeiendag, het gaat over de premie voor zonnepanelen',
    'huwelijk',
  ])('stores the words "%s" as the subject, and then asks the number', async (said) => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk);
    const replies = readable(await talk.say(said));
    expect(replies).toContain('«handoff:callback.consent»');
    expect(replies).toContain(PHONE_QUESTION);
    expect(readable(await talk.say('0470 12 34 56'))).toContain('«handoff:callback.confirmed»');
    const [stored] = await callbacks.listOpen();
    expect(stored?.subject).toBe(said);
  });

  it.each([
    'maakt niet uit',
    'zeg ik liever aan de telefoon',
    'dat zeg ik wel aan de telefoon',
    'liever niet zeggen',
    'nee',
    'neen dank u',
    'weet ik niet',
    'niks',
  ])('leaves the subject out on "%s"', async (said) => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk);
    const replies = readable(await talk.say(said));
    expect(replies).toContain(PHONE_QUESTION);
    expect(replies).not.toContain('«handoff:callback.withdrawn»');
    await talk.say('0470 12 34 56');
    const [stored] = await callbacks.listOpen();
    expect(stored).toBeDefined();
    expect(stored?.subject).toBeNull();
  });

  it('leaves the subject out with the skip option (its button, or its number on sms)', async () => {
    const { talk, callbacks } = talkTo(channelId);
    const question = await toSubject(talk);
    const answer: Partial<Activity> =
      channelId === 'sms'
        ? { type: 'message', text: '1' }
        : {
            type: 'message',
            ...tappedButton(
              question.flatMap((reply) => renderedButtons(reply)).find((button) => button.title === '«handoff:subject.skip»')!,
            ),
          };
    expect(readable(await talk.send(answer))).toContain(PHONE_QUESTION);
    await talk.say('0470 12 34 56');
    expect((await callbacks.listOpen())[0]?.subject).toBeNull();
  });

  it('withdraws only the callback on "laat maar, ik bel zelf wel": nothing is stored', async () => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk);
    const replies = readable(await talk.say('laat maar, ik bel zelf wel'));
    expect(replies).toContain('«handoff:callback.withdrawn»');
    expect(replies).not.toContain(PHONE_QUESTION);
    expect(await callbacks.listOpen()).toEqual([]);
  });

  it('answers help and asks what it is about again', async () => {
    const { talk } = talkTo(channelId);
    await toSubject(talk);
    const replies = readable(await talk.say('help'));
    expect(replies).toMatch(/«common:help\./);
    expect(replies).toContain('«handoff:subject.question»');
  });

  it.each(QUESTIONS_IN_PASSING)('answers "%s" in passing and asks what it is about again; the next words are the subject', async (said) => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk);
    const replies = readable(await talk.say(said));
    expect(replies).toMatch(/«info:(hours|contact)\./);
    expect(replies).toContain('«handoff:subject.question»');
    expect(replies).not.toContain(PHONE_QUESTION);
    expect(readable(await talk.say('over mijn verhuis'))).toContain(PHONE_QUESTION);
    await talk.say('0470 12 34 56');
    expect((await callbacks.listOpen())[0]?.subject).toBe('over mijn verhuis');
  });

  it('takes a subject about opening hours that asks nothing as the subject', async () => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk);
    expect(readable(await talk.say('over de openingsuren van het containerpark'))).toContain(PHONE_QUESTION);
    await talk.say('0470 12 34 56');
    expect((await callbacks.listOpen())[0]?.subject).toBe('over de openingsuren van het containerpark');
  });

  it('keeps the subject short and without the phone number typed in it, also in conversation state', async () => {
    const storage = new MemoryStorage();
    const { talk, callbacks } = talkTo(channelId, { storage });
    await toSubject(talk);
    const long = `bel mij op 0470 99 88 77 want ${'ik heb een vraag over mijn parkeerkaart en de zone '.repeat(6)}`;
    expect(readable(await talk.say(long))).toContain(PHONE_QUESTION);
    expect(JSON.stringify(storage)).not.toContain('0470 99 88 77');
    await talk.say('0470 12 34 56');
    const subject = (await callbacks.listOpen())[0]?.subject ?? '';
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_CHARACTERS);
    expect(subject).toMatch(/^bel mij op \[verwijderd\] want ik heb een vraag over mijn parkeerkaart/);
  });
});

describe.each(CHANNELS)('on %s, after a topic', (channelId) => {
  const topics = [
    ['a booking for a driving licence', ['afspraak rijbewijs'], '«handoff:subject.about.appointmentFor» document=rijbewijs'],
    ['a document', ['ik wil een reispas'], '«handoff:subject.about.documentNamed» document=reispas'],
    ['cancelling an appointment', ['mijn afspraak annuleren'], '«handoff:subject.about.appointment.cancel»'],
  ] as const;

  it.each(topics)('proposes %s instead of asking blindly', async (_name, first, about) => {
    const { talk } = talkTo(channelId);
    const replies = readable(await toSubject(talk, [...first]));
    expect(replies).toContain(`«handoff:subject.proposal» about=${about}`);
    expect(replies).not.toContain('«handoff:subject.question»');
  });

  it.each(['ja', 'ja, daarover', 'jawel', 'klopt', '1'])('stores the proposed topic after "%s"', async (said) => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk, ['afspraak rijbewijs']);
    expect(readable(await talk.say(said))).toContain(PHONE_QUESTION);
    await talk.say('0470 12 34 56');
    const subject = (await callbacks.listOpen())[0]?.subject;
    expect(subject).toContain('handoff:subject.about.appointmentFor');
    expect(subject).toContain('rijbewijs');
  });

  it.each(['nee', 'neen, iets anders', '2'])('asks what it is about after "%s", and stores the answer', async (said) => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk, ['afspraak rijbewijs']);
    const replies = readable(await talk.say(said));
    expect(replies).toContain('«handoff:subject.question»');
    expect(replies).not.toContain(PHONE_QUESTION);
    expect(readable(await talk.say('mijn kleindochter haar verblijfskaart'))).toContain(PHONE_QUESTION);
    await talk.say('0470 12 34 56');
    expect((await callbacks.listOpen())[0]?.subject).toBe('mijn kleindochter haar verblijfskaart');
  });

  it('takes another subject typed at the proposal at once', async () => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk, ['afspraak rijbewijs']);
    expect(readable(await talk.say('nee, over mijn kiesbrief die niet aangekomen is'))).toContain(PHONE_QUESTION);
    await talk.say('0470 12 34 56');
    expect((await callbacks.listOpen())[0]?.subject).toBe('over mijn kiesbrief die niet aangekomen is');
  });

  it("answers help at the proposal, begun on top of the booking's slot question, and proposes the topic again", async () => {
    const { talk } = talkTo(channelId);
    await toSubject(talk, ['afspraak rijbewijs']);
    const replies = readable(await talk.say('help'));
    expect(replies).toMatch(/«common:help\./);
    expect(replies).toContain('«handoff:subject.proposal»');
  });

  it.each(QUESTIONS_IN_PASSING)('answers "%s" in passing at the proposal and proposes the topic again', async (said) => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk, ['afspraak rijbewijs']);
    const replies = readable(await talk.say(said));
    expect(replies).toMatch(/«info:(hours|contact)\./);
    expect(replies).toContain('«handoff:subject.proposal»');
    expect(replies).not.toContain(PHONE_QUESTION);
    expect(readable(await talk.say('ja'))).toContain(PHONE_QUESTION);
    await talk.say('0470 12 34 56');
    expect((await callbacks.listOpen())[0]?.subject).toContain('rijbewijs');
  });

  it.each(['zeg ik liever aan de telefoon', 'maakt niet uit', '3'])('leaves the subject out on "%s"', async (said) => {
    const { talk, callbacks } = talkTo(channelId);
    await toSubject(talk, ['afspraak rijbewijs']);
    expect(readable(await talk.say(said))).toContain(PHONE_QUESTION);
    await talk.say('0470 12 34 56');
    expect((await callbacks.listOpen())[0]?.subject).toBeNull();
  });
});
