import { describe, expect, it } from 'vitest';
import { DOCUMENT_IDS, type DocumentId } from '../../../domain/nluContract.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { documentRoute, type RouteRequest } from '../../../services/municipality/documentRoute.js';
import { createConversation, readable, testFacts } from '../../support/conversation.js';

// The recognizer's part (intent and document) is given; for whom and which model the dialog reads itself.
const SAID: Record<string, DocumentId> = {};
const recognizer: Recognizer = {
  async recognize(text) {
    const document = SAID[text];
    return document ? { intent: 'document.request', score: 1, entities: { document } } : { intent: 'none', score: 1, entities: {} };
  },
};
const facts = testFacts();
const CHANNELS = ['webchat', 'sms'] as const;
const REQUESTER_QUESTION = '«documents:questions.requester.ask»';
const MODEL_QUESTION = '«documents:questions.model.ask»';

/** Every document, with a first message as residents type it that says for whom (and the model), and what that means. */
const FIRST_MESSAGES: Array<{ say: string; document: DocumentId; request: RouteRequest }> = [
  {
    say: 'uittreksel strafregister model 1 voor mijn zoon van 16',
    document: 'uittreksel-strafregister',
    request: { model: 'model-1', requester: 'child' },
  },
  {
    say: 'bewijs van goed gedrag model 2 voor de jeugdbeweging',
    document: 'uittreksel-strafregister',
    request: { model: 'model-2', requester: 'self' },
  },
  { say: 'bewijs van woonst voor ons dochter', document: 'attest-woonst', request: { requester: 'child' } },
  { say: 'gezinssamenstelling voor mijn vader aub', document: 'attest-gezinssamenstelling', request: { requester: 'other' } },
  { say: 'een levensbewijs voor mezelf', document: 'attest-leven', request: { requester: 'self' } },
  { say: 'nationaliteitsbewijs voor de kleine', document: 'attest-nationaliteit', request: { requester: 'child' } },
  { say: 'geboorteakte van wijlen mijn man', document: 'akte-geboorte', request: { requester: 'deceased' } },
  { say: 'huwelijksakte van mijn overleden ouders', document: 'akte-huwelijk', request: { requester: 'deceased' } },
  { say: 'overlijdensakte van ons pa', document: 'akte-overlijden', request: { requester: 'deceased' } },
  { say: 'mijn identiteitskaart is vervallen', document: 'identiteitskaart', request: { requester: 'self' } },
  { say: 'kids-id voor mijne zoon', document: 'kids-id', request: { requester: 'child' } },
  { say: "reispas voor m'n dochter van 15", document: 'reispas', request: { requester: 'child' } },
  { say: 'my passport expired', document: 'reispas', request: { requester: 'self' } },
  { say: 'mijn rijbewijs is verlopen', document: 'rijbewijs', request: { requester: 'self' } },
  { say: 'ik wil mijn handtekening laten wettigen', document: 'wettiging-handtekening', request: { requester: 'self' } },
  { say: 'ik ben de pincode van mijn e-id vergeten', document: 'eid-pincode', request: { requester: 'self' } },
];
for (const { say, document } of FIRST_MESSAGES) SAID[say] = document;

/** The keys that only the route for this requester (and model) carries, from the data. */
function routeKeys(document: DocumentId, request: RouteRequest): string[] {
  const route = documentRoute(facts.documentById.get(document)!, request);
  if (route.kind === 'online') {
    return [
      '«documents:online.canOnline»',
      ...(route.requester === 'child' ? ['«documents:online.forChild»'] : []),
      ...(route.requester === 'deceased' ? ['«documents:online.forDeceased»'] : []),
      route.deliveryDays === 0 ? `«documents:online.delivery.${route.deliveryForm}.now»` : `count=${route.deliveryDays}`,
    ];
  }
  if (route.kind === 'inPerson') return route.bring.map((item) => `«documents:inPerson.bring.${item}»`);
  return ['«documents:notAvailable.requester»'];
}

describe('every document is in the table', () => {
  it('has a first message for each document id', () => {
    expect(new Set(FIRST_MESSAGES.map((row) => row.document))).toEqual(new Set(DOCUMENT_IDS));
  });
});

describe.each(CHANNELS)('what the first message said fills the questions (%s)', (channelId) => {
  it.each(FIRST_MESSAGES)('$say → $request.requester', async ({ say, document, request }) => {
    const reply = readable(await createConversation({ recognizer, channelId }).say(say));
    expect(reply).not.toContain(REQUESTER_QUESTION);
    expect(reply).not.toContain(MODEL_QUESTION);
    for (const key of routeKeys(document, request)) expect(reply).toContain(key);
  });

  it('a model read from "voor mijn werk" explains model 1, says where model 2 is for, and still asks for whom', async () => {
    SAID['ik heb een bewijs van goed gedrag nodig voor mijn werk'] = 'uittreksel-strafregister';
    const reply = readable(
      await createConversation({ recognizer, channelId }).say('ik heb een bewijs van goed gedrag nodig voor mijn werk'),
    );
    expect(reply).toContain('«documents:models.model-1»');
    expect(reply).not.toContain('«documents:models.model-2»');
    expect(reply).toContain('«documents:models.model-2-hint»');
    expect(reply).not.toContain(MODEL_QUESTION);
    expect(reply).toContain(REQUESTER_QUESTION);
  });

  it('what is said in the answer to the group question is used too: no "voor wie" after "een akte, van mijn overleden vader"', async () => {
    const conversation = createConversation({
      recognizer: {
        recognize: async (text) =>
          text === 'ik heb een document nodig' ? { intent: 'document.request', score: 1, entities: {} } : recognizer.recognize(text, 'nl'),
      },
      channelId,
    });
    expect(readable(await conversation.say('ik heb een document nodig'))).toContain('«documents:choose.groupAsk»');
    expect(readable(await conversation.say('«documents:choose.groups.deed», van mijn overleden vader'))).toContain(
      '«documents:choose.documentAsk»',
    );
    const reply = readable(await conversation.say('Geboorteakte'));
    expect(reply).not.toContain(REQUESTER_QUESTION);
    for (const key of routeKeys('akte-geboorte', { requester: 'deceased' })) expect(reply).toContain(key);
  });

  it('"ik heb geen computer" at "voor wie?": for herself, the phone and the counter first, not the question again', async () => {
    SAID['ik heb een bewijs van woonst nodig'] = 'attest-woonst';
    const conversation = createConversation({ recognizer, channelId });
    expect(readable(await conversation.say('ik heb een bewijs van woonst nodig'))).toContain(REQUESTER_QUESTION);
    const reply = readable(await conversation.say('ik heb geen computer en ook geen kaartlezer'));
    expect(reply).not.toContain('«common:choice.retry»');
    expect(reply).toContain(`«documents:noComputer.first» phone=${facts.municipality.phone.display}`);
    expect(reply).toContain('«documents:inPerson.appointment.offer»');
    expect(reply).not.toContain('«documents:online.canOnline»');
  });

  it('nothing said about whom: the question is asked', async () => {
    SAID['ik heb een reispas nodig'] = 'reispas';
    expect(readable(await createConversation({ recognizer, channelId }).say('ik heb een reispas nodig'))).toContain(REQUESTER_QUESTION);
  });
});
