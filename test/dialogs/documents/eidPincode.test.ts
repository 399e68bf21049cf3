import { beforeAll, describe, expect, it } from 'vitest';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { createConversation, readable, testFacts } from '../../support/conversation.js';

/**
 * A forgotten or blocked PIN/PUK code is its own route (eid-pincode, #13): new codes at the counter,
 * not a new eID for its price with a photo. Typed as residents type it, through the real recognizer.
 */
const PIN_QUESTIONS = [
  "'k ben mijne pincode vergeten",
  'mijn puk code kwijt',
  'pin geblokkeerd na 3 keer',
  "hallokes, 'k ben mijne pincode vergeten van mijn identiteitskaart, wa moet ik doen?",
  'ik ben mijn pincode kwijt',
];

const facts = testFacts();
const pincode = facts.documentById.get('eid-pincode')!;
let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createLinearRecognizer();
});

describe.each(['webchat', 'sms'])('a forgotten or blocked PIN/PUK code (%s)', (channelId) => {
  it.each(PIN_QUESTIONS)('%j: new codes at the counter, not a new eID', async (text) => {
    const reply = readable(await createConversation({ recognizer, channelId }).say(text));
    for (const note of pincode.counter.notes ?? []) expect(reply).toContain(`«documents:inPerson.notes.${note}»`);
    // No price or delay in the data: where to ask, nothing guessed, and never the eID's price or photo.
    expect(reply).toContain(`«documents:inPerson.unknown.priceAndDelivery» phone=${facts.municipality.phone.display}`);
    expect(reply).not.toContain('«documents:inPerson.price.paid»');
    expect(reply).not.toContain('«documents:inPerson.bring.photo»');
    expect(reply).not.toContain('«documents:questions.requester.ask»');
    expect(reply).toContain('«documents:inPerson.appointment.offer»');
  });

  it('a yes offers slots of the PIN code service, not of the eID application', async () => {
    const conversation = createConversation({ recognizer, channelId });
    const provider = conversation.appointments.provider;
    const asked: string[] = [];
    const freeSlots = provider.freeSlots.bind(provider);
    provider.freeSlots = async (query) => {
      asked.push(query.service);
      return freeSlots(query);
    };
    await conversation.say(PIN_QUESTIONS[0]!);
    const reply = readable(await conversation.say('«common:answer.yes»'));
    expect(reply).toContain('«appointments:slot.label»');
    expect(asked).toEqual([pincode.counter.appointmentService]);
    expect(pincode.counter.appointmentService).toBe('eid-pincode');
  });

  it('"nieuwe identiteitskaart" is the eID route, with its price', async () => {
    const conversation = createConversation({ recognizer, channelId });
    const first = readable(await conversation.say('nieuwe identiteitskaart'));
    expect(first).not.toContain('«documents:inPerson.notes.notNewCard»');
    expect(first).toContain('«documents:questions.requester.ask»');
    const reply = readable(await conversation.say('«documents:questions.requester.options.self»'));
    expect(reply).toContain(`«documents:inPerson.price.paid» price=${facts.documentById.get('identiteitskaart')!.counter.price}`);
    expect(reply).not.toContain('«documents:inPerson.notes.notNewCard»');
  });
});
