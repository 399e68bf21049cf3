import { describe, expect, it } from 'vitest';
import { DOCUMENT_IDS, type DocumentId } from '../../../domain/nluContract.js';
import { documentRoute, questionsFor, requesterOptions } from '../../../services/municipality/documentRoute.js';
import { loadMunicipalityData, type DocumentEntry } from '../../../services/municipality/municipalityData.js';
import { REPO_DATA_DIR } from './dataCopy.js';

const data = loadMunicipalityData(REPO_DATA_DIR);
const doc = (id: DocumentId): DocumentEntry => data.documentById.get(id)!;

// The product decision per document: what a resident asking for themselves (or the usual requester) is told first.
const FASTEST_ROUTE: Record<DocumentId, 'online' | 'inPerson'> = {
  'uittreksel-strafregister': 'online',
  'attest-woonst': 'online',
  'attest-gezinssamenstelling': 'online',
  'attest-leven': 'online',
  'attest-nationaliteit': 'online',
  'akte-geboorte': 'online',
  'akte-huwelijk': 'online',
  'akte-overlijden': 'online',
  identiteitskaart: 'inPerson',
  'kids-id': 'inPerson',
  reispas: 'inPerson',
  rijbewijs: 'inPerson',
  'wettiging-handtekening': 'inPerson',
  'eid-pincode': 'inPerson',
};

describe('documentRoute for every contract document', () => {
  it.each([...DOCUMENT_IDS])('%s: fastest route with price and link from the data', (id) => {
    const document = doc(id);
    const route = documentRoute(document);
    expect(route.kind).toBe(FASTEST_ROUTE[id]);
    if (route.kind === 'online') {
      expect(document.online).not.toBeNull();
      expect(route.url).toBe(document.online!.byRequester?.[route.requester]?.url ?? document.online!.url);
      expect(route.price).toBe(document.online!.price);
      expect(route.channels.length).toBeGreaterThan(0);
      expect(route.url).toMatch(/^https:\/\//);
    } else if (route.kind === 'inPerson') {
      expect(route.price).toBe(document.counter.byRequester?.[route.requester]?.price ?? document.counter.price);
      expect(route.appointmentService).toBe(document.counter.appointmentService);
      expect(route.appointmentNeeded).toBe(document.counter.appointmentNeeded);
      expect(route.bring.length).toBeGreaterThan(0);
    }
  });

  it.each([...DOCUMENT_IDS])('%s: every allowed requester gets a route, online exactly when the data allows it', (id) => {
    const document = doc(id);
    const models = document.models?.map((m) => m.id) ?? [undefined];
    for (const model of models) {
      for (const requester of requesterOptions(document, model)) {
        const route = documentRoute(document, { requester, model });
        // requesterOptions already leaves out whom the model excludes.
        const onlineAllowed = document.online?.requesters.includes(requester) ?? false;
        expect(route.kind).toBe(onlineAllowed ? 'online' : 'inPerson');
        expect(route.requester).toBe(requester);
      }
    }
  });

  it('offers the counter as an alternative to the online route', () => {
    const route = documentRoute(doc('attest-woonst'), { requester: 'self' });
    expect(route).toMatchObject({
      kind: 'online',
      inPersonAlternative: { kind: 'inPerson', appointmentService: 'attest-loket', bring: ['eid'] },
    });
  });
});

describe('who asks changes the answer', () => {
  it('charges the child price for a passport for a child', () => {
    expect(documentRoute(doc('reispas'), { requester: 'self' })).toMatchObject({ kind: 'inPerson', price: 90 });
    expect(documentRoute(doc('reispas'), { requester: 'child' })).toMatchObject({
      kind: 'inPerson',
      price: 45,
      bring: expect.arrayContaining(['childPresent', 'parentalConsent']),
    });
  });

  it('sends a parent to the thuisloket only, not Mijn Burgerprofiel, for a child', () => {
    expect(documentRoute(doc('attest-woonst'), { requester: 'self' })).toMatchObject({ channels: ['thuisloket', 'burgerprofiel'] });
    expect(documentRoute(doc('attest-woonst'), { requester: 'child' })).toMatchObject({ kind: 'online', channels: ['thuisloket'] });
  });

  it('sends a relative of a deceased person to the counter for a birth deed', () => {
    expect(documentRoute(doc('akte-geboorte'), { requester: 'deceased' })).toMatchObject({
      kind: 'inPerson',
      bring: ['eid', 'deceasedDetails'],
      appointmentService: 'attest-loket',
    });
  });

  it('asks a proxy of someone who requests for another person', () => {
    expect(documentRoute(doc('attest-leven'), { requester: 'other' })).toMatchObject({
      kind: 'inPerson',
      bring: ['eid', 'proxy', 'requesterEidCopy'],
    });
  });

  it('assumes a deceased relative for a death deed', () => {
    expect(documentRoute(doc('akte-overlijden'))).toMatchObject({ kind: 'online', requester: 'deceased', channels: ['thuisloket'] });
  });

  it('says who may ask when the requester may not', () => {
    expect(documentRoute(doc('rijbewijs'), { requester: 'child' })).toEqual({
      kind: 'notAvailable',
      document: 'rijbewijs',
      requester: 'child',
      allowedRequesters: ['self'],
    });
  });
});

describe('the criminal-record extract', () => {
  const extract = doc('uittreksel-strafregister');

  it('defaults to model 1, online and immediately', () => {
    expect(documentRoute(extract)).toMatchObject({ kind: 'online', model: 'model-1', deliveryDays: 0, price: 0 });
  });

  it('takes longer for model 2 and needs the purpose at the counter', () => {
    const route = documentRoute(extract, { model: 'model-2' });
    expect(route).toMatchObject({ kind: 'online', model: 'model-2', deliveryDays: 5 });
    expect(route.kind === 'online' && route.inPersonAlternative?.bring).toEqual(['eid', 'purpose']);
  });

  it('lets a parent ask model 1 for a child at the counter, but never model 2', () => {
    expect(documentRoute(extract, { model: 'model-1', requester: 'child' })).toMatchObject({
      kind: 'inPerson',
      bring: ['eid', 'childEid'],
    });
    expect(documentRoute(extract, { model: 'model-2', requester: 'child' })).toMatchObject({
      kind: 'notAvailable',
      allowedRequesters: ['self'],
    });
  });

  it('rejects an unknown model', () => {
    expect(() => documentRoute(extract, { model: 'model-9' })).toThrow(RangeError);
  });
});

describe('in-person details', () => {
  it('books the collection of an identity card separately', () => {
    expect(documentRoute(doc('identiteitskaart'))).toMatchObject({
      kind: 'inPerson',
      appointmentService: 'eid-aanvraag',
      collection: { appointmentNeeded: true, appointmentService: 'eid-afhaling' },
      urgentProcedures: [{ id: 'urgent' }, { id: 'veryUrgent' }],
    });
  });

  it('uses the contract appointment service ids', () => {
    const services = new Set(
      data.documents.map((d) => documentRoute(d)).flatMap((r) => (r.kind === 'inPerson' ? [r.appointmentService] : [])),
    );
    expect([...services].sort()).toEqual(['eid-aanvraag', 'eid-pincode', 'kids-id', 'reispas', 'rijbewijs', 'wettiging-handtekening']);
  });
});

describe('questionsFor', () => {
  it('asks nothing when there is one answer', () => {
    expect(questionsFor(doc('kids-id'))).toEqual([]);
    expect(questionsFor(doc('rijbewijs'))).toEqual([]);
    expect(questionsFor(doc('wettiging-handtekening'))).toEqual([]);
  });

  it('asks for whom when the answer depends on it', () => {
    expect(questionsFor(doc('reispas'))).toEqual([{ question: 'requester', options: ['self', 'child', 'other'] }]);
    expect(questionsFor(doc('akte-overlijden'))).toEqual([{ question: 'requester', options: ['deceased', 'other'] }]);
  });

  it('asks the model first for the criminal-record extract, then for whom only if it still matters', () => {
    expect(questionsFor(doc('uittreksel-strafregister'))).toEqual([
      { question: 'model', options: ['model-1', 'model-2'] },
      { question: 'requester', options: ['self', 'child', 'other'] },
    ]);
    expect(questionsFor(doc('uittreksel-strafregister'), { model: 'model-2' })).toEqual([]);
    expect(questionsFor(doc('uittreksel-strafregister'), { model: 'model-1' })).toEqual([
      { question: 'requester', options: ['self', 'child', 'other'] },
    ]);
  });

  it('drops a question that is already answered', () => {
    expect(questionsFor(doc('reispas'), { requester: 'child' })).toEqual([]);
  });
});

// Lines that speak of the resident's own card ("Uw huidige eID", "als u die kreeg"): wrong when the card is another's.
const OWN_CARD_LINES = ['currentEid', 'photo', 'invitationLetter', 'oldPassport'];

describe('what to bring for an identity card asked for someone else', () => {
  it.each(['identiteitskaart', 'kids-id', 'reispas'] as const)(
    "%s for a child or another person names their things, not the resident's own",
    (id) => {
      for (const requester of ['child', 'other'] as const) {
        const route = documentRoute(doc(id), { requester });
        if (route.kind !== 'inPerson') continue;
        // For another adult the resident's own eID is not asked either; for a child the parent shows theirs.
        const own = requester === 'other' ? [...OWN_CARD_LINES, 'eid'] : OWN_CARD_LINES;
        expect(
          route.bring.filter((item) => own.includes(item)),
          `${id} for ${requester}`,
        ).toEqual([]);
      }
    },
  );
});
