import { afterEach, describe, expect, it } from 'vitest';
import { loadMunicipalityData } from '../../../services/municipality/municipalityData.js';
import { createConversation, readable, testFacts } from '../../support/conversation.js';
import { dataCopy, documentIndex, repoJson } from '../../services/municipality/dataCopy.js';
import { BOOKING_STUB_SAYS, capabilityRecognizer, talkWithBookingStub } from '../capabilityTalk.js';

const documentsJson = repoJson('documents.json');
const entryOf = (id: string) => documentsJson.documents[documentIndex(documentsJson, id)];

const REQUESTER_QUESTION = '«documents:questions.requester.ask»';
const MODEL_QUESTION = '«documents:questions.model.ask»';
const option = (requester: string) => `«documents:questions.requester.options.${requester}»`;

function talk() {
  const conversation = createConversation({ recognizer: capabilityRecognizer() });
  return async (text: string) => readable(await conversation.say(text));
}

/**
 * Every document of the contract: whether the dialog must ask for whom (only when the answer
 * differs), who the resident says, and which route follows. Prices and links come from the data file.
 */
const DOCUMENTS = [
  { id: 'uittreksel-strafregister', asksFor: true, requester: 'self', route: 'online' },
  { id: 'attest-woonst', asksFor: true, requester: 'self', route: 'online' },
  { id: 'attest-gezinssamenstelling', asksFor: true, requester: 'self', route: 'online' },
  { id: 'attest-leven', asksFor: true, requester: 'self', route: 'online' },
  { id: 'attest-nationaliteit', asksFor: true, requester: 'self', route: 'online' },
  { id: 'akte-geboorte', asksFor: true, requester: 'self', route: 'online' },
  { id: 'akte-huwelijk', asksFor: true, requester: 'self', route: 'online' },
  { id: 'akte-overlijden', asksFor: true, requester: 'deceased', route: 'online' },
  { id: 'identiteitskaart', asksFor: true, requester: 'self', route: 'inPerson' },
  { id: 'kids-id', asksFor: false, requester: 'child', route: 'inPerson' },
  { id: 'reispas', asksFor: true, requester: 'self', route: 'inPerson' },
  { id: 'rijbewijs', asksFor: false, requester: 'self', route: 'inPerson' },
  { id: 'wettiging-handtekening', asksFor: false, requester: 'self', route: 'inPerson' },
  { id: 'eid-pincode', asksFor: false, requester: 'self', route: 'inPerson' },
] as const;

describe('document request: one conversation per document', () => {
  it('covers every document in the data', () => {
    expect(DOCUMENTS.map((d) => d.id).sort()).toEqual(
      testFacts()
        .documents.map((d) => d.id)
        .sort(),
    );
  });

  it.each(DOCUMENTS)(
    '$id: asks for whom only when it matters, then the $route route with price and link from the data',
    async ({ id, asksFor, requester, route }) => {
      const say = talk();
      let reply = await say(`document ${id}`);
      if (id === 'uittreksel-strafregister') {
        expect(reply).toContain(MODEL_QUESTION);
        reply = await say('«documents:questions.model.options.model-1»');
      } else {
        expect(reply).not.toContain(MODEL_QUESTION);
      }
      if (asksFor) {
        expect(reply).toContain(REQUESTER_QUESTION);
        reply = await say(option(requester));
      } else {
        expect(reply).not.toContain(REQUESTER_QUESTION);
      }

      const entry = entryOf(id);
      if (route === 'online') {
        expect(reply).toContain('«documents:online.canOnline»');
        expect(reply).toContain(`url=${entry.online.url}`);
        expect(reply).toContain(entry.online.price === 0 ? '«documents:online.price.free»' : `price=${entry.online.price}`);
        expect(reply).toContain(
          entry.online.deliveryDays === 0 ? '«documents:online.delivery.email.now»' : `count=${entry.online.deliveryDays}`,
        );
        expect(reply).toContain('«documents:online.canLogIn.ask»');
        expect(reply).not.toContain('«documents:inPerson.intro»');
      } else {
        expect(reply).toContain('«documents:inPerson.intro»');
        expect(reply).toContain('«documents:inPerson.notOnline»');
        // No price or delay in the data (a new PIN code): the resident hears it at the counter, nothing is guessed.
        expect(reply).toContain(
          entry.counter.price === null
            ? '«documents:inPerson.unknown.priceAndDelivery»'
            : `«documents:inPerson.price.paid» price=${entry.counter.price}`,
        );
        for (const item of entry.counter.bring) expect(reply).toContain(`«documents:inPerson.bring.${item}»`);
        for (const note of entry.counter.notes ?? []) expect(reply).toContain(`«documents:inPerson.notes.${note}»`);
        expect(reply).toContain('«documents:inPerson.appointment.offer»');
        expect(reply).not.toContain('«documents:online.canOnline»');
      }
    },
  );
});

describe('document request: questions that change the answer', () => {
  it('offers only the people who may request it: a death deed for a deceased relative or someone else', async () => {
    const reply = await talk()('document akte-overlijden');
    expect(reply).toContain(option('deceased'));
    expect(reply).toContain(option('other'));
    expect(reply).not.toContain(option('self'));
  });

  it("a passport for a child costs the child price and needs the other parent's consent", async () => {
    const say = talk();
    await say('document reispas');
    const reply = await say(option('child'));
    expect(reply).toContain(`price=${entryOf('reispas').counter.byRequester.child.price}`);
    expect(reply).toContain('«documents:inPerson.bring.parentalConsent»');
  });

  it("someone else's residence certificate goes through the counter with a proxy", async () => {
    const say = talk();
    await say('document attest-woonst');
    const reply = await say(option('other'));
    expect(reply).toContain('«documents:inPerson.intro»');
    expect(reply).toContain('«documents:inPerson.bring.proxy»');
  });

  it("a child's birth deed is online, and the parent logs in with their own itsme or eID", async () => {
    const say = talk();
    await say('document akte-geboorte');
    const reply = await say(option('child'));
    expect(reply).toContain('«documents:online.forChild»');
    expect(reply).toContain('«documents:online.channels.thuisloket»');
  });

  it('explains the models of the criminal-record extract; model 2 asks nobody for whom and takes working days', async () => {
    const say = talk();
    const first = await say('document uittreksel-strafregister');
    expect(first).toContain('«documents:models.model-1»');
    expect(first).toContain('«documents:models.model-2»');
    const reply = await say('2');
    expect(reply).not.toContain(REQUESTER_QUESTION);
    expect(reply).toContain('«documents:online.delivery.email.days_other» count=5');
  });

  it('asks for the group, then the document, when the first message names none', async () => {
    const say = talk();
    const groups = await say('document');
    expect(groups).toContain('«documents:choose.groupAsk»');
    for (const group of ['certificate', 'deed', 'identity', 'other']) expect(groups).toContain(`«documents:choose.groups.${group}»`);
    const documents = await say('«documents:choose.groups.identity»');
    expect(documents).toContain('«documents:choose.documentAsk»');
    expect(documents).toContain('Reispas');
    expect(documents).toContain('Kids-ID');
    expect(documents).not.toContain('Rijbewijs');
    const route = await say('Kids-ID');
    expect(route).toContain(`price=${entryOf('kids-id').counter.price}`);
  });

  it('shows numbered options on SMS', async () => {
    const conversation = createConversation({ recognizer: capabilityRecognizer(), channelId: 'sms' });
    const reply = readable(await conversation.say('document'));
    expect(reply).toMatch(/1\. «documents:choose\.groups\.certificate»/);
    expect(reply).toMatch(/4\. «documents:choose\.groups\.other»/);
  });
});

describe('document request: after the answer', () => {
  it('hands a resident who books a passport over to booking with the passport service', async () => {
    const say = talkWithBookingStub();
    await say('document reispas');
    await say(option('self'));
    const reply = await say('«common:answer.yes»');
    expect(reply).toContain(
      `${BOOKING_STUB_SAYS} {"service":"${entryOf('reispas').counter.appointmentService}","document":"reispas","requester":"self"}`,
    );
  });

  it('hands over an identity card to the eID application service', async () => {
    const say = talkWithBookingStub();
    await say('document identiteitskaart');
    await say(option('self'));
    expect(await say('1')).toContain(`${BOOKING_STUB_SAYS} {"service":"eid-aanvraag","document":"identiteitskaart","requester":"self"}`);
  });

  it('points to the booking page when the resident does not book now', async () => {
    const say = talkWithBookingStub();
    await say('document rijbewijs');
    const reply = await say('«common:answer.no»');
    expect(reply).toContain(`«documents:inPerson.appointment.later» url=${testFacts().municipality.appointmentUrl}`);
    expect(reply).not.toContain(BOOKING_STUB_SAYS);
  });

  it('a resident who can log in is done; one who cannot gets the alternatives', async () => {
    const say = talkWithBookingStub();
    await say('document attest-woonst');
    await say(option('self'));
    expect(await say('«common:answer.yes»')).not.toContain('«thuisloket:alternatives.intro»');

    const other = talkWithBookingStub();
    await other('document attest-woonst');
    await other(option('self'));
    const reply = await other('«documents:online.canLogIn.no»');
    expect(reply).toContain('«thuisloket:alternatives.intro»');
    for (const choice of ['appointment', 'phone', 'family']) expect(reply).toContain(`«thuisloket:alternatives.options.${choice}»`);
  });

  it('without itsme or card reader: what to bring to the counter, then booking the certificate service', async () => {
    const say = talkWithBookingStub();
    await say('document attest-gezinssamenstelling');
    await say(option('self'));
    await say('«documents:online.canLogIn.no»');
    const reply = await say('«thuisloket:alternatives.options.appointment»');
    expect(reply).toContain('«documents:inPerson.bring.eid»');
    expect(reply).not.toContain('«documents:inPerson.notOnline»');
    expect(reply).toContain(`${BOOKING_STUB_SAYS} {"service":"attest-loket","document":"attest-gezinssamenstelling","requester":"self"}`);
  });

  it('without itsme or card reader: the phone number from the data', async () => {
    const say = talkWithBookingStub();
    await say('document attest-leven');
    await say(option('self'));
    await say('«documents:online.canLogIn.no»');
    const reply = await say('«thuisloket:alternatives.options.phone»');
    expect(reply).toContain(`phone=${testFacts().municipality.phone.display}`);
    expect(reply).toContain(`tel:${testFacts().municipality.phone.e164}`);
    expect(reply).not.toContain(BOOKING_STUB_SAYS);
  });
});

describe('document request: the data drives the answer', () => {
  const copies: Array<{ remove: () => void }> = [];
  afterEach(() => copies.splice(0).forEach((copy) => copy.remove()));

  it('a new price and link in a copy of the data change the answer, without code changes', async () => {
    const copy = dataCopy({
      documents: (d) => {
        d.documents[documentIndex(d, 'reispas')].counter.price = 97.5;
        d.documents[documentIndex(d, 'attest-woonst')].online.price = 3;
        d.documents[documentIndex(d, 'attest-woonst')].online.url = 'https://loket.example/woonst-nieuw';
      },
    });
    copies.push(copy);
    const facts = loadMunicipalityData(copy.dir);
    const conversation = createConversation({ recognizer: capabilityRecognizer(), facts });
    await conversation.say('document reispas');
    expect(readable(await conversation.say(option('self')))).toContain('«documents:inPerson.price.paid» price=97,5');

    const again = createConversation({ recognizer: capabilityRecognizer(), facts });
    await again.say('document attest-woonst');
    const online = readable(await again.say(option('self')));
    expect(online).toContain('«documents:online.price.paid» price=3');
    expect(online).toContain('url=https://loket.example/woonst-nieuw');
  });

  it('sends residents to the counter when the data switches the online request off', async () => {
    const copy = dataCopy({ documents: (d) => (d.documents[documentIndex(d, 'attest-leven')].online = null) });
    copies.push(copy);
    const conversation = createConversation({ recognizer: capabilityRecognizer(), facts: loadMunicipalityData(copy.dir) });
    const first = readable(await conversation.say('document attest-leven'));
    const reply = first.includes(REQUESTER_QUESTION) ? readable(await conversation.say(option('self'))) : first;
    expect(reply).toContain('«documents:inPerson.intro»');
    expect(reply).not.toContain('«documents:online.canOnline»');
  });
});
