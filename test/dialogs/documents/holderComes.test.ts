import { beforeAll, describe, expect, it } from 'vitest';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { documentRoute } from '../../../services/municipality/documentRoute.js';
import { createConversation, readable, testFacts } from '../../support/conversation.js';

const HOLDER_COMES = '«documents:inPerson.notes.holderComes»';
const CANNOT_COME = '«documents:inPerson.notes.holderCannotCome»';

describe('an identity document for someone else: that person comes in person (data)', () => {
  it.each(['identiteitskaart', 'reispas'] as const)('%s for another person is a counter route with both notes', (id) => {
    const route = documentRoute(testFacts().documentById.get(id)!, { requester: 'other' });
    expect(route.kind).toBe('inPerson');
    expect(route.kind === 'inPerson' ? route.notes : []).toEqual(['holderComes', 'holderCannotCome']);
  });

  it('the resident asking for themselves hears no such note', () => {
    const route = documentRoute(testFacts().documentById.get('identiteitskaart')!, { requester: 'self' });
    expect(route.kind === 'inPerson' ? (route.notes ?? []) : ['not in person']).toEqual([]);
  });
});

describe.each(['webchat', 'sms'])('an eID or passport for an older relative, on %s', (channelId) => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = await createLinearRecognizer();
  });

  it.each([
    'een eID voor ons ma van 82',
    'nieuwe identiteitskaart voor mijn vader, hij is 91',
    'kan ik de reispas van mijn grootmoeder aanvragen',
    'mijn moeder haar identiteitskaart is vervallen, ze is 85 en slecht te been',
  ])('"%s": she must come herself, call if she cannot; the counter route, not "not for that person"', async (text) => {
    const conversation = createConversation({ recognizer, channelId });
    const reply = readable(await conversation.say(text));
    expect(reply).toContain(HOLDER_COMES);
    expect(reply).toContain(CANNOT_COME);
    expect(reply).not.toContain('«documents:notAvailable.requester»');
  });

  it.each([
    'ik wil een afspraak maken voor een nieuwe identiteitskaart voor mijn moeder, ze is 85',
    'ik wil een afspraak maken voor een reispas voor mijn schoonvader',
  ])('"%s" (a booking): the notes before the moments', async (text) => {
    const conversation = createConversation({ recognizer, channelId });
    const reply = readable(await conversation.say(text));
    expect(reply).toContain(HOLDER_COMES);
    expect(reply).toContain('«appointments:slots.earliest»');
    expect(reply.indexOf(HOLDER_COMES)).toBeLessThan(reply.indexOf('«appointments:slots.earliest»'));
  });

  it('an eID booked for oneself says nothing of the kind', async () => {
    const conversation = createConversation({ recognizer, channelId });
    const reply = readable(await conversation.say('afspraak voor mijn identiteitskaart'));
    expect(reply).toContain('«appointments:slots.earliest»');
    expect(reply).not.toContain(HOLDER_COMES);
  });
});
