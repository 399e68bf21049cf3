import { ActivityTypes, ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ConversationMemory } from '../../bot/conversationMemory.js';
import { HandoffDialog, type HandoffServices } from '../../dialogs/handoffDialog.js';
import { renderedButtons, tappedButton } from '../support/channelAnswers.js';
import { readable, TEST_PHONE } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { talkToMainDialog, twoQuestionsCapability } from '../support/mainDialogTalk.js';
import { handoffFixture, referenceIn, SATURDAY_11H } from './handoffFixtures.js';

const RESIDENT_PHONE = '0470 12 34 56';
const RESIDENT_E164 = '+32470123456';

/** The assistant with a nested capability and the handoff, on SMS (numbered options) unless told otherwise. */
function converse(services: HandoffServices, options: { channelId?: string; memory?: Record<string, string> } = {}) {
  const recognizer = fakeRecognizer({
    'ik wil een reispas, bel me op 0470 12 34 56': { intent: 'document.request', score: 1, entities: { document: 'reispas' } },
    'ik wil iemand spreken': 'handoff.human',
    stop: 'cancel',
    'annuleer terugbelverzoek': 'cancel',
  });
  const storageMemory = options.memory ?? {};
  const storage = new MemoryStorage(storageMemory);
  const conversationState = new ConversationState(storage);
  const memory = new ConversationMemory(conversationState, { now: services.now });
  const talk = talkToMainDialog({
    capabilities: { 'document.request': twoQuestionsCapability() },
    handoff: new HandoffDialog(TEST_PHONE, { ...services, recall: memory }),
    recognizer,
    channelId: options.channelId,
    storage,
    conversationState,
    observers: [memory],
  });
  return {
    say: talk.say,
    send: async (activity: Partial<Activity>) => readable(await talk.send(activity)),
    raw: (text: string) => talk.send({ type: ActivityTypes.Message, text }),
    storageMemory,
  };
}

/** Walks from inside the document dialog to a stored callback request; returns the reference. */
async function requestCallback(say: (text: string) => Promise<string>) {
  await say('ik wil een reispas, bel me op 0470 12 34 56');
  await say('1');
  await say('ik wil iemand spreken');
  await say('1');
  await say('2');
  await say('1');
  const confirmation = await say(RESIDENT_PHONE);
  return { confirmation, reference: referenceIn(confirmation) };
}

describe('handoff offer', () => {
  it('from inside a nested dialog: phone number and staffed hours in one turn, the callback question in the second', async () => {
    const { services } = handoffFixture();
    const { say } = converse(services);
    await say('ik wil een reispas, bel me op 0470 12 34 56');
    await say('1');
    const first = await say('ik wil iemand spreken');
    expect(first).toContain('«handoff:title»');
    expect(first).toContain(`«handoff:callUs» phone=${TEST_PHONE.display}`);
    expect(first).toContain('«handoff:staffed.until» until=12');
    expect(first).toContain('«handoff:offer.question»');
    expect(first).not.toContain('second?');
    const second = await say('1');
    expect(second).toContain('«handoff:callback.momentQuestion»');
    // Today morning and afternoon, then tomorrow (Tuesday) morning and afternoon, numbered on SMS.
    expect(second).toContain('1. «handoff:moment.today.morning»');
    expect(second).toContain('2. «handoff:moment.today.afternoon»');
    expect(second).toContain('3. «handoff:moment.tomorrow.morning»');
    expect(second).toContain('4. «handoff:moment.tomorrow.afternoon»');
  });

  it('outside staffed hours says when staff are back and still offers a callback on the next working day', async () => {
    const { services } = handoffFixture({ now: SATURDAY_11H });
    const { say } = converse(services);
    const first = await say('ik wil iemand spreken');
    expect(first).toContain('«handoff:staffed.next.date» date=maandag 9 maart from=8.30');
    expect(first).toContain('«handoff:offer.question»');
    const moments = await say('1');
    expect(moments).toContain('1. «handoff:moment.date.morning» date=maandag 9 maart');
    expect(moments).toContain('2. «handoff:moment.date.afternoon» date=maandag 9 maart');
    expect(moments).not.toContain('3.');
  });

  it('reports the escalation when the handoff starts', async () => {
    const { services, escalations } = handoffFixture();
    const { say } = converse(services);
    await say('ik wil iemand spreken');
    expect(escalations).toEqual([{ via: 'phone' }]);
  });
});

describe('callback request', () => {
  it('stores one request with the Belgian number, moment, topic and a scrubbed excerpt, and confirms with a reference', async () => {
    const { services, callbacks, escalations } = handoffFixture();
    const { say } = converse(services);
    await say('ik wil een reispas, bel me op 0470 12 34 56');
    await say('1');
    await say('ik wil iemand spreken');
    await say('1');
    // What it is about: the document the resident was asking about is proposed, before the consent and the number.
    const subjectQuestion = await say('2');
    expect(subjectQuestion).toContain('«handoff:subject.proposal» about=«handoff:subject.about.document.request»');
    expect(subjectQuestion).not.toContain('«handoff:callback.phoneQuestion»');
    const phoneQuestion = await say('1');
    expect(phoneQuestion).toContain('«handoff:callback.consent» days=30');
    expect(phoneQuestion).toContain('«handoff:callback.phoneQuestion»');
    const confirmation = await say(RESIDENT_PHONE);
    expect(confirmation).toContain('«handoff:callback.confirmed» moment=«handoff:moment.today.afternoon»');
    const reference = referenceIn(confirmation);
    expect(reference).toMatch(/^[A-Z]{3}-\d{3}$/);
    expect(confirmation).toContain(`«handoff:callback.howToCancel» reference=${reference}`);

    const open = await callbacks.listOpen();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      reference,
      phone: RESIDENT_E164,
      preferredMoment: { day: '2026-03-02', partOfDay: 'afternoon' },
      topic: { intent: 'document.request', document: 'reispas' },
      excerpt: ['ik wil een reispas, bel me op [verwijderd]', 'ik wil iemand spreken'],
      subject: '«handoff:subject.about.document.request»',
      language: 'nl',
      status: 'open',
    });
    expect(escalations).toEqual([{ via: 'phone' }, { via: 'callback', reference }]);
  });

  it('keeps the phone number out of conversation state and out of the logs', async () => {
    const { services, logger } = handoffFixture();
    const { say, storageMemory } = converse(services);
    const { reference } = await requestCallback(say);
    expect(reference).toBeDefined();
    const state = JSON.stringify(storageMemory);
    expect(state).toContain('[verwijderd]');
    const logs = logger.lines.join('\n');
    expect(logs).toContain(reference!);
    for (const text of [state, logs]) {
      expect(text).not.toContain('470');
      expect(text).not.toMatch(/\+?32\s?470/);
    }
  });

  it('re-asks a foreign number and an invalid one with their own reason, then accepts a Belgian one', async () => {
    const { services, callbacks } = handoffFixture();
    const { say } = converse(services);
    await say('ik wil iemand spreken');
    await say('1');
    await say('3');
    await say('zeg ik liever aan de telefoon');
    const foreign = await say('+31 6 12345678');
    expect(foreign).toContain(`«handoff:callback.phoneForeign» phone=${TEST_PHONE.display}`);
    expect(foreign).not.toContain('«handoff:callback.confirmed»');
    const invalid = await say('12345');
    expect(invalid).toContain('«handoff:callback.phoneInvalid»');
    expect(await callbacks.listOpen()).toHaveLength(0);
    const confirmation = await say('0032 470/12.34.56');
    expect(referenceIn(confirmation)).toBeDefined();
    expect((await callbacks.listOpen())[0]).toMatchObject({
      phone: RESIDENT_E164,
      preferredMoment: { day: '2026-03-03', partOfDay: 'morning' },
    });
  });

  it('an old moment button clicked at the phone question asks for the number again, as any free-text question does', async () => {
    const { services, callbacks } = handoffFixture();
    const { raw, send, say } = converse(services, { channelId: 'webchat' });
    await say('ik wil iemand spreken');
    const moments = (await raw('1')).flatMap((reply) => renderedButtons(reply));
    expect(moments.length).toBeGreaterThan(1);
    expect(await send({ type: ActivityTypes.Message, ...tappedButton(moments[0]!) })).toContain('«handoff:subject.question»');
    // At the subject question too, an old moment is no subject: the question again.
    const atSubject = await send({ type: ActivityTypes.Message, ...tappedButton(moments[2]!) });
    expect(atSubject).toContain('«common:oldButton»');
    expect(atSubject).toContain('«handoff:subject.question»');
    expect(await say('maakt niet uit')).toContain('«handoff:callback.phoneQuestion»');
    const replies = await send({ type: ActivityTypes.Message, ...tappedButton(moments[1]!) });
    expect(replies).toContain('«common:oldButton»');
    expect(replies).toContain('«handoff:callback.phoneQuestion»');
    expect(replies).not.toContain('«handoff:callback.phoneInvalid»');
    expect(referenceIn(await say(RESIDENT_PHONE))).toBeDefined();
    expect(await callbacks.listOpen()).toHaveLength(1);
  });

  it('gives the phone number after three unusable numbers and stores nothing', async () => {
    const { services, callbacks } = handoffFixture();
    const { say } = converse(services);
    await say('ik wil iemand spreken');
    await say('1');
    await say('1');
    await say('maakt niet uit');
    await say('abc');
    await say('123');
    const last = await say('+44 20 7946 0958');
    expect(last).toContain(`«handoff:callback.giveUp» phone=${TEST_PHONE.display}`);
    expect(await callbacks.listOpen()).toHaveLength(0);
  });

  it('a retried activity (same id) creates one request and confirms the same reference', async () => {
    const { services, callbacks } = handoffFixture();
    const memory: Record<string, string> = {};
    const { say, send } = converse(services, { memory });
    await say('ik wil iemand spreken');
    await say('1');
    await say('1');
    await say('over mijn afvalkalender');
    // The retry arrives while the first attempt's state is not saved yet: both start from the same state.
    const before = structuredClone(memory);
    const phoneTurn = { type: ActivityTypes.Message, text: RESIDENT_PHONE, id: 'activity-retried' };
    const first = await send(phoneTurn);
    for (const key of Object.keys(memory)) delete memory[key];
    Object.assign(memory, before);
    const retry = await send(phoneTurn);
    expect(referenceIn(first)).toBeDefined();
    expect(referenceIn(retry)).toBe(referenceIn(first));
    expect(await callbacks.listOpen()).toHaveLength(1);
  });

  it('"ik wil iemand spreken" during the callback questions starts the handoff again', async () => {
    const { services } = handoffFixture();
    const { say } = converse(services);
    await say('ik wil iemand spreken');
    await say('1');
    const again = await say('ik wil iemand spreken');
    expect(again).toContain(`«handoff:callUs» phone=${TEST_PHONE.display}`);
  });
});

describe('cancelling a callback request', () => {
  it('by saying "annuleer terugbelverzoek <reference>", from anywhere', async () => {
    const { services, callbacks } = handoffFixture();
    const { say } = converse(services);
    const { reference } = await requestCallback(say);
    await say('ik wil een reispas, bel me op 0470 12 34 56');
    const reply = await say(`annuleer terugbelverzoek ${reference!.toLowerCase().replace('-', ' ')}`);
    expect(reply).toContain(`«handoff:cancel.done» reference=${reference}`);
    expect(await callbacks.get(reference!)).toMatchObject({ status: 'cancelledByResident' });
    expect(await callbacks.listOpen()).toHaveLength(0);
    const twice = await say(`annuleer terugbelverzoek ${reference}`);
    expect(twice).toContain(`«handoff:cancel.notFound» reference=${reference}`);
  });

  it('the offer has no "cancel my callback request" when this conversation made none', async () => {
    const { services } = handoffFixture();
    const { say } = converse(services);
    const offer = await say('ik wil iemand spreken');
    expect(offer).toContain('«handoff:offer.question»');
    expect(offer).not.toContain('«handoff:offer.cancelCallback»');
  });

  it('by words without a reference, asking for the reference and re-asking when there is none', async () => {
    const { services, callbacks } = handoffFixture();
    const { say } = converse(services);
    const { reference } = await requestCallback(say);
    expect(await say('annuleer terugbelverzoek')).toContain('«handoff:cancel.referenceQuestion»');
    expect(await say('weet ik niet')).toContain('«handoff:cancel.referenceRetry»');
    expect(await say(`het is ${reference}`)).toContain(`«handoff:cancel.done» reference=${reference}`);
    expect((await callbacks.get(reference!))?.history.map((change) => change.status)).toEqual(['open', 'cancelledByResident']);
  });

  it('an unknown reference cancels nothing and offers the phone number', async () => {
    const { services, callbacks } = handoffFixture();
    const { say } = converse(services);
    const { reference } = await requestCallback(say);
    const other = reference === 'CDF-234' ? 'CDF-235' : 'CDF-234';
    const reply = await say(`annuleer terugbelverzoek ${other}`);
    expect(reply).toContain(`«handoff:cancel.notFound» reference=${other} phone=${TEST_PHONE.display}`);
    expect(await callbacks.listOpen()).toHaveLength(1);
  });
});

describe('agent hub mode', () => {
  it('sends a handoff.initiate event with topic and a scrubbed transcript instead of the callback offer', async () => {
    const { services, callbacks, escalations } = handoffFixture({ mode: 'agentHub' });
    const { raw, say } = converse(services, { channelId: 'webchat' });
    await say('ik wil een reispas, bel me op 0470 12 34 56');
    const replies = await raw('ik wil iemand spreken');
    const event = replies.find((reply) => reply.type === ActivityTypes.Event);
    expect(event).toMatchObject({
      type: 'event',
      name: 'handoff.initiate',
      channelId: 'webchat',
      value: { topic: { intent: 'document.request', document: 'reispas' }, language: 'nl' },
    });
    expect(event?.relatesTo?.conversation?.id).toBe(replies[0]?.conversation?.id);
    const attachment = event?.attachments?.[0];
    expect(attachment).toMatchObject({ contentType: 'application/json', name: 'Transcript' });
    const transcript = attachment?.content as { activities: { text: string; from: { role?: string; id?: string } }[] };
    const texts = transcript.activities.map((activity) => activity.text);
    expect(texts).toContain('ik wil een reispas, bel me op [verwijderd]');
    expect(texts).toContain('ik wil iemand spreken');
    expect(texts.some((text) => text.startsWith('«'))).toBe(true);
    expect(JSON.stringify(event)).not.toContain('470');
    const after = readable(replies.filter((reply) => reply.type === ActivityTypes.Message));
    expect(after).toContain('«handoff:agentHub.connecting»');
    expect(after).not.toContain('«handoff:offer.question»');
    expect(after).not.toContain('«common:anythingElse.question»');
    expect(await callbacks.listOpen()).toHaveLength(0);
    expect(escalations).toEqual([{ via: 'agentHub' }]);
  });
});

describe('without handoff services', () => {
  it('only gives the phone number', async () => {
    const { say } = converseWithoutServices();
    const reply = await say('ik wil iemand spreken');
    expect(reply).toContain(`«handoff:callUs» phone=${TEST_PHONE.display}`);
    expect(reply).not.toContain('«handoff:offer.question»');
  });
});

function converseWithoutServices() {
  return talkToMainDialog({ capabilities: {}, recognizer: fakeRecognizer({ 'ik wil iemand spreken': 'handoff.human' }) });
}
