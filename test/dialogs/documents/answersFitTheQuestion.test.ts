import { describe, expect, it } from 'vitest';
import type { DocumentId, Intent } from '../../../domain/nluContract.js';
import type { Recognition } from '../../../nlu/recognizer.js';
import { createConversation, readable, testFacts } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';

// How residents type it; the recognizer's part (intent and document) is given, the rest the dialogs must read.
const said = (intent: Intent, document?: DocumentId): Recognition => ({ intent, score: 1, entities: document ? { document } : {} });
const MESSAGES: Record<string, Recognition> = {
  'ik wil een afspraak voor een bewijs van woonst': said('appointment.book', 'attest-woonst'),
  'afspraak maken voor uittreksel strafregister aub': said('appointment.book', 'uittreksel-strafregister'),
  'afspraak voor een nieuwe reispas': said('appointment.book', 'reispas'),
  'ik kom mijn reispas ophalen': said('appointment.book', 'reispas'),
  'wanneer kan ik mijn nieuwe identiteitskaart afhalen': said('appointment.book', 'identiteitskaart'),
  'mijn rijbewijs is klaar, moet ik het komen halen?': said('document.request', 'rijbewijs'),
  'goeiedag, mijn man is overleden en ik heb zijn geboorteakte nodig': said('document.request', 'akte-geboorte'),
  'de notaris vraagt een overlijdensakte van mijn vader': said('document.request', 'akte-overlijden'),
  'ik heb geen computer, hoe krijg ik een attest van gezinssamenstelling?': said('document.request', 'attest-gezinssamenstelling'),
  'ik ben niet goed met computers. ik moet een bewijs van woonst hebben': said('document.request', 'attest-woonst'),
};
const recognizer = fakeRecognizer(MESSAGES);
const facts = testFacts();
const CHANNELS = ['webchat', 'sms'] as const;
const requester = (who: string) => `«documents:questions.requester.options.${who}»`;

function talk(channelId: string) {
  const conversation = createConversation({ recognizer, channelId });
  return async (text: string) => readable(await conversation.say(text));
}

describe.each(CHANNELS)('online first (%s)', (channelId) => {
  it('an appointment for a document that can be requested online: free and immediate online first, with the link, then the booking', async () => {
    const reply = await talk(channelId)('ik wil een afspraak voor een bewijs van woonst');
    const url = facts.documentById.get('attest-woonst')!.online!.url;
    expect(reply).toContain(`«documents:onlineFirst.freeNow» document=${facts.documentById.get('attest-woonst')!.name.nl} url=${url}`);
    expect(reply).toContain('«documents:onlineFirst.anyway»');
    expect(reply.indexOf('«documents:onlineFirst.freeNow»')).toBeLessThan(reply.indexOf('«appointments:slots.earliest»'));
    expect(reply).toContain('«appointments:slots.earliest»');
  });

  it('says what the data says when it is not immediate (model 2 takes working days) — and the default model is immediate', async () => {
    const reply = await talk(channelId)('afspraak maken voor uittreksel strafregister aub');
    expect(reply).toContain('«documents:onlineFirst.freeNow»');
  });

  it('a document that cannot be requested online goes straight to booking', async () => {
    const reply = await talk(channelId)('afspraak voor een nieuwe reispas');
    expect(reply).not.toContain('«documents:onlineFirst');
    expect(reply).toContain('«appointments:slots.earliest»');
  });
});

describe.each(CHANNELS)('collecting is not applying (%s)', (channelId) => {
  it('a passport is collected without an appointment: no booking, what to bring', async () => {
    const reply = await talk(channelId)('ik kom mijn reispas ophalen');
    expect(reply).toContain('«documents:collect.withoutAppointment»');
    for (const item of facts.documentById.get('reispas')!.counter.collection!.bring)
      expect(reply).toContain(`«documents:inPerson.bring.${item}»`);
    expect(reply).not.toContain('«appointments:slots');
    expect(reply).not.toContain('«documents:inPerson.price');
  });

  it('a new eID is collected on appointment at the collection service, not the application service', async () => {
    const reply = await talk(channelId)('wanneer kan ik mijn nieuwe identiteitskaart afhalen');
    expect(reply).toContain('«documents:collect.withAppointment»');
    expect(reply).toContain('«appointments:slots.earliest»');
    expect(reply).not.toContain('«documents:inPerson.bring.photo»');
  });

  it('asked as a document question, collecting gets the collection answer too', async () => {
    const reply = await talk(channelId)('mijn rijbewijs is klaar, moet ik het komen halen?');
    expect(reply).toContain('«documents:collect.withoutAppointment»');
    expect(reply).not.toContain('«documents:inPerson.intro»');
  });
});

describe.each(CHANNELS)('empathy where life is hard (%s)', (channelId) => {
  it('a death: one line of condolence before the facts, and the phone for people without a computer', async () => {
    const say = talk(channelId);
    // "mijn man is overleden ... zijn geboorteakte": for whom is said, so the answer comes at once.
    const reply = await say('goeiedag, mijn man is overleden en ik heb zijn geboorteakte nodig');
    expect(reply).not.toContain('«documents:questions.requester.ask»');
    expect(reply).toContain('«documents:inPerson.bring.deceasedDetails»');
    const condolence = reply.indexOf('«documents:bereaved.condolence»');
    const firstFact = Math.min(...['«documents:online.', '«documents:inPerson.'].map((key) => reply.indexOf(key)).filter((at) => at >= 0));
    expect(condolence).toBeGreaterThanOrEqual(0);
    expect(condolence).toBeLessThan(firstFact);
    expect(reply).toContain(`«documents:bereaved.phone» phone=${facts.municipality.phone.display}`);
  });

  it('a notary asking for a death deed: condolence too', async () => {
    const say = talk(channelId);
    const reply = await say('de notaris vraagt een overlijdensakte van mijn vader');
    expect(reply).not.toContain('«documents:questions.requester.ask»');
    expect(reply).toContain('«documents:bereaved.condolence»');
  });

  it.each([
    'ik heb geen computer, hoe krijg ik een attest van gezinssamenstelling?',
    'ik ben niet goed met computers. ik moet een bewijs van woonst hebben',
  ])('"%s": the phone and the appointment route first, not the online steps', async (text) => {
    const say = talk(channelId);
    await say(text);
    const reply = await say(requester('self'));
    expect(reply).toContain(`«documents:noComputer.first» phone=${facts.municipality.phone.display}`);
    expect(reply).toContain('«documents:inPerson.appointment.needed»');
    expect(reply).toContain('«documents:inPerson.appointment.offer»');
    expect(reply).not.toContain('«documents:online.canOnline»');
  });
});
