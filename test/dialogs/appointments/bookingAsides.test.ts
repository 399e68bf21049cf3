import { beforeAll, describe, expect, it } from 'vitest';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { createConversation, readable } from '../../support/conversation.js';
import { keyed } from '../../support/keyedLocales.js';

const CARRY_ON = keyed('common:resume.carryOn');
const SLOTS = keyed('appointments:slots.earliest');
const NAME = keyed('appointments:name.question');
const CONTACT = keyed('appointments:contact.question');
const CONFIRM = keyed('appointments:confirm.question');
const SWITCHED = keyed('appointments:service.switched');

describe.each(['webchat', 'sms'])('during a booking, on %s', (channelId) => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    // The recognizer the bot runs: "wat moet ik meebrengen?" reads as help to it, the booking must hear it first.
    recognizer = await createLinearRecognizer();
  });

  function talk() {
    return createConversation({ recognizer, channelId });
  }

  /** Books the slot on screen with a name and an e-mail, and returns what was stored. */
  async function finish(conversation: ReturnType<typeof talk>, pick = true) {
    if (pick) expect(readable(await conversation.say('1'))).toContain(NAME);
    expect(readable(await conversation.say('An Peeters'))).toContain(CONTACT);
    expect(readable(await conversation.say('an@voorbeeld.be'))).toContain(CONFIRM);
    expect(readable(await conversation.say('ja'))).toContain('«appointments:booked.title»');
    return conversation.appointments.document.read().bookings;
  }

  describe('a question about the document is answered from the data, and the same question comes again', () => {
    it.each([
      ['afspraak voor een reispas', 'wat kost dat eigenlijk, een reispas?', '«documents:inPerson.price.paid» price=90'],
      ['afspraak voor een reispas voor mijn zoon van 15', 'hoeveel moet ik betalen?', '«documents:inPerson.price.paid» price=45'],
      ['afspraak rijbewijs', 'hoe lang duurt da voor ik mijn rijbewijs heb?', '«documents:inPerson.delivery.days_other» count=5'],
      ['afspraak identiteitskaart', 'wat moet ik meebrengen?', '«documents:inPerson.bring.photo»'],
      ['afspraak reispas', "hoelang is zo'n reispas geldig eigenlijk", '«documents:inPerson.unknown.validity»'],
      ['afspraak voor een reispas', 'en wat kost een identiteitskaart?', '«documents:inPerson.price.paid» price=25'],
      ['afspraak voor de pincode van mijn eid', 'wat kost dat?', '«documents:inPerson.unknown.price»'],
    ])('at the slot question after "%s": "%s" gets %s', async (first, question, fact) => {
      const conversation = talk();
      expect(readable(await conversation.say(first))).toContain(SLOTS);
      const reply = readable(await conversation.say(question));
      expect(reply).toContain(fact);
      expect(reply).toContain(CARRY_ON);
      expect(reply).toContain(SLOTS);
      expect(reply).not.toContain('«appointments:slots.wishNotUnderstood»');
      expect(reply).not.toContain('«common:help.text»');
      const service = conversation.appointments.catalog.services.find((s) => s.documents.some((d) => first.includes(d)));
      const bookings = await finish(conversation);
      expect(bookings).toHaveLength(1);
      if (service) expect(bookings[0]?.service).toBe(service.id);
    });

    it.each([
      ['the name question', 0, NAME],
      ['the contact question', 1, CONTACT],
      ['the summary', 2, CONFIRM],
    ])('at %s: the answer, then that question again; the booking goes on', async (_where, answered, question) => {
      const conversation = talk();
      await conversation.say('afspraak voor een reispas');
      await conversation.say('1');
      const steps = ['An Peeters', 'an@voorbeeld.be'];
      for (const text of steps.slice(0, answered)) await conversation.say(text);
      const reply = readable(await conversation.say('wat moet ik eigenlijk allemaal meebrengen?'));
      expect(reply).toContain('«documents:inPerson.bring.intro»');
      expect(reply).toContain(question);
      for (const text of steps.slice(answered)) await conversation.say(text);
      expect(readable(await conversation.say('ja'))).toContain('«appointments:booked.title»');
      expect(conversation.appointments.document.read().bookings.map((booking) => booking.name)).toEqual(['An Peeters']);
    });

    it('a person asked for about the price still gets the person', async () => {
      const conversation = talk();
      await conversation.say('afspraak voor een reispas');
      const reply = readable(await conversation.say('ik wil een medewerker spreken'));
      expect(reply).not.toContain(CARRY_ON);
      expect(reply).toContain('«handoff:');
    });
  });

  describe('another document changes the service: new moments, name and contact kept', () => {
    it.each([
      ['afspraak voor een paspoort', 'nee wacht, niet voor een paspoort maar voor mijn identiteitskaart', 'eid-aanvraag'],
      ['afspraak voor mijn rijbewijs', 'sorry ik bedoel een reispas', 'reispas'],
      ['afspraak identiteitskaart', 'nee het is voor de kids-id van mijn dochtertje', 'kids-id'],
    ])('at the slot question after "%s": "%s" books %s', async (first, change, service) => {
      const conversation = talk();
      expect(readable(await conversation.say(first))).toContain(SLOTS);
      const reply = readable(await conversation.say(change));
      expect(reply).toContain(SWITCHED);
      expect(reply).toContain(SLOTS);
      expect(reply).not.toContain('«appointments:slots.wishNotUnderstood»');
      const bookings = await finish(conversation);
      expect(bookings.map((booking) => booking.service)).toEqual([service]);
    });

    it('at the summary: a new moment for the new service, then the summary again without asking name or contact', async () => {
      const conversation = talk();
      await conversation.say('afspraak voor een reispas');
      await conversation.say('1');
      await conversation.say('An Peeters');
      expect(readable(await conversation.say('an@voorbeeld.be'))).toContain(CONFIRM);
      const reply = readable(await conversation.say('oei, het is niet voor een reispas maar voor een identiteitskaart'));
      expect(reply).toContain(SWITCHED);
      expect(reply).toContain(SLOTS);
      expect(reply).not.toContain('«appointments:confirm.notBooked»');
      const summary = readable(await conversation.say('2'));
      expect(summary).toContain(CONFIRM);
      expect(summary).not.toContain(NAME);
      expect(summary).toContain('service=Elektronische identiteitskaart (eID) aanvragen');
      expect(readable(await conversation.say('ja'))).toContain('«appointments:booked.title»');
      const [booking] = conversation.appointments.document.read().bookings;
      expect(booking?.service).toBe('eid-aanvraag');
      expect(booking?.name).toBe('An Peeters');
    });

    it('the same document named again changes nothing: the slot question reads it as before', async () => {
      const conversation = talk();
      await conversation.say('afspraak voor een reispas');
      const reply = readable(await conversation.say('ja voor een reispas'));
      expect(reply).not.toContain(SWITCHED);
    });
  });
});
