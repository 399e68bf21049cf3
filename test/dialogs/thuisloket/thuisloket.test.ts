import { describe, expect, it } from 'vitest';
import { createConversation, readable, testFacts } from '../../support/conversation.js';
import { BOOKING_STUB_SAYS, capabilityRecognizer, talkWithBookingStub } from '../capabilityTalk.js';

const facts = testFacts();
const topic = (name: string) => `«thuisloket:topics.options.${name}»`;
const problem = (name: string) => `«thuisloket:problems.options.${name}»`;
const alternative = (name: string) => `«thuisloket:alternatives.options.${name}»`;

function talk() {
  const conversation = createConversation({ recognizer: capabilityRecognizer() });
  return async (text: string) => readable(await conversation.say(text));
}

describe('thuisloket explanation', () => {
  it('explains what it is in short messages and offers the topics', async () => {
    const conversation = createConversation({ recognizer: capabilityRecognizer() });
    const replies = await conversation.say('thuisloket');
    const text = readable(replies);
    expect(text).toContain(`«thuisloket:what.intro» municipality=${facts.municipality.shortName}`);
    expect(text).toContain('«thuisloket:what.anytime»');
    for (const name of ['documents', 'login', 'freeSafe', 'problems', 'noLogin']) expect(text).toContain(topic(name));
    // The message budget (#13): the introduction in one bubble, then the question.
    expect(replies.length).toBeLessThanOrEqual(3);
  });

  it('lists the documents that can be requested online, from the data', async () => {
    const say = talk();
    await say('thuisloket');
    const reply = await say(topic('documents'));
    const online = facts.documents.filter((d) => d.online).map((d) => d.name.nl);
    expect(reply).toContain(`documents=${online.join(', ')}`);
    expect(reply).not.toContain(facts.documentById.get('reispas')!.name.nl);
    expect(reply).toContain(facts.municipality.thuisloketUrl);
  });

  it('explains logging in with itsme, eID and security codes, then offers the topics again and a way out', async () => {
    const conversation = createConversation({ recognizer: capabilityRecognizer() });
    await conversation.say('thuisloket');
    const replies = await conversation.say(topic('login'));
    const reply = readable(replies);
    for (const key of ['login.itsme', 'login.eid', 'login.securityCodes', 'login.steps.intro'])
      expect(reply).toContain(`«thuisloket:${key}»`);
    expect(reply).toContain('«thuisloket:topics.askMore»');
    // The menu comes back whole, so every option keeps its number (#13); the way out comes last.
    const menu = readable([replies.at(-1)!]);
    expect([...new Set([...menu.matchAll(/«thuisloket:topics\.options\.\w+»/g)].map(([key]) => key))]).toEqual([
      ...['documents', 'login', 'freeSafe', 'problems', 'noLogin'].map(topic),
      topic('done'),
    ]);
  });

  it('says it is free and safe', async () => {
    const say = talk();
    await say('thuisloket');
    const reply = await say(topic('freeSafe'));
    expect(reply).toContain('«thuisloket:free»');
    expect(reply).toContain('«thuisloket:safe»');
  });

  it('ends when the resident has no more questions', async () => {
    const say = talk();
    await say('thuisloket');
    await say(topic('freeSafe'));
    expect(await say(topic('done'))).toContain('«common:anythingElse.question»');
  });
});

describe('thuisloket login problems', () => {
  async function problemReply(name: string) {
    const say = talkWithBookingStub();
    await say('thuisloket');
    const options = await say(topic('problems'));
    for (const option of ['itsme', 'cardReader', 'pin', 'other']) expect(options).toContain(problem(option));
    return { say, reply: await say(problem(name)) };
  }

  it('itsme not working: update and restart the app, or use the eID', async () => {
    expect((await problemReply('itsme')).reply).toContain('«thuisloket:problems.itsme»');
  });

  it('card reader not recognised: install the eID software from the address in the data', async () => {
    expect((await problemReply('cardReader')).reply).toContain(`«thuisloket:problems.cardReader» url=${facts.municipality.eidSoftwareUrl}`);
  });

  it('forgotten PIN: the eid-pincode route (new codes at the counter, not a new eID), with booking that service', async () => {
    const { say, reply } = await problemReply('pin');
    expect(reply).toContain('«documents:inPerson.notes.notNewCard»');
    expect(reply).toContain('«documents:inPerson.appointment.offer»');
    expect(reply).not.toContain('«documents:inPerson.price.paid»');
    expect(await say('«common:answer.yes»')).toContain(`${BOOKING_STUB_SAYS} {"service":"eid-pincode","document":"eid-pincode"}`);
  });

  it('another problem: browser tips, then the alternatives', async () => {
    const { reply } = await problemReply('other');
    expect(reply).toContain('«thuisloket:problems.browser»');
    expect(reply).toContain('«thuisloket:alternatives.intro»');
  });
});

describe('thuisloket alternatives without itsme or card reader', () => {
  async function alternativeReply(name: string) {
    const say = talkWithBookingStub();
    await say('thuisloket');
    const options = await say(topic('noLogin'));
    for (const option of ['appointment', 'phone', 'family']) expect(options).toContain(alternative(option));
    return say(alternative(name));
  }

  it('an appointment hands over to booking', async () => {
    expect(await alternativeReply('appointment')).toContain(BOOKING_STUB_SAYS);
  });

  it('the phone number comes from the data', async () => {
    const reply = await alternativeReply('phone');
    expect(reply).toContain(`phone=${facts.municipality.phone.display}`);
    expect(reply).not.toContain(BOOKING_STUB_SAYS);
  });

  it('a family member can help with their card reader', async () => {
    const reply = await alternativeReply('family');
    expect(reply).toContain('«thuisloket:alternatives.family»');
    expect(reply).not.toContain(BOOKING_STUB_SAYS);
  });
});
