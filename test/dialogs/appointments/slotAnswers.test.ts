import { beforeAll, describe, expect, it } from 'vitest';
import { readSlotAnswer } from '../../../dialogs/appointments/slotAnswer.js';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import type { FreeSlot } from '../../../services/appointments/slots.js';
import { brussels } from '../../support/appointments.js';
import { createConversation, readable } from '../../support/conversation.js';

/** Monday 2 March 2026, 07:00 in Brussels: the test appointments' default clock. */
const NOW = brussels('2026-03-02', '07:00');

function slot(day: string, time: string): FreeSlot {
  return { service: 'rijbewijs', day, time, endTime: time, start: `${day}T${time}:00+01:00`, end: `${day}T${time}:00+01:00`, places: 1 };
}

describe('reading an answer against the offered slots', () => {
  const offered = [slot('2026-03-02', '09:00'), slot('2026-03-02', '09:15'), slot('2026-03-03', '09:30'), slot('2026-03-04', '14:00')];

  it.each([
    ['de eerste is goed, dank u wel', 0],
    ['doe maar de tweede', 1],
    ['de 2e', 1],
    ['3e aub', 2],
    ['nummer 4', 3],
    ['de laatste graag', 3],
    ['die van half 10', 2],
    ['om 9u15 graag', 1],
    ['maandag om 9 uur is goed', 0],
    ['die van 14u', 3],
    ['om 2 uur', 3],
    ['dinsdag is goed', 2],
    ['die van woensdag', 3],
    ['the first one please', 0],
  ])('"%s" picks slot %i', (text, index) => {
    expect(readSlotAnswer(text, offered, NOW, 'nl')).toEqual({ kind: 'pick', slot: offered[index] });
  });

  it.each(['ja dat is goed', 'ok', 'oké, prima', 'is goed hoor'])('"%s" agrees without choosing among several', (text) => {
    expect(readSlotAnswer(text, offered, NOW, 'nl')).toEqual({ kind: 'agree' });
  });

  it('takes agreement to a single slot as choosing it', () => {
    expect(readSlotAnswer('ja dat is goed', [offered[2]!], NOW, 'nl')).toEqual({ kind: 'pick', slot: offered[2] });
  });

  it.each([
    'de eerste of de tweede',
    'de eerste week van april',
    'woensdag',
    'dinsdag om 9u is goed',
    'dinsdag is niet goed',
    'die van kwart voor 10',
    'liever om 10 uur',
    'na 9 uur',
    'nee',
    'de vijfde',
  ])('"%s" picks none of them', (text) => {
    expect(readSlotAnswer(text, offered, NOW, 'nl')).toBeUndefined();
  });
});

describe.each(['webchat', 'sms'])('answering the slot question in words, on %s', (channelId) => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    // The recognizer the bot runs (nlu/createRecognizer.ts); nlp.js is kept only to compare.
    recognizer = await createLinearRecognizer();
  });

  async function atSlotQuestion() {
    const conversation = createConversation({ recognizer, channelId });
    expect(readable(await conversation.say('afspraak rijbewijs'))).toContain('«appointments:slots.earliest»');
    // At 07:00 with two hours' lead time: the first four slots of Monday 2 March.
    const offered = await conversation.appointments.provider.freeSlots({ service: 'rijbewijs', limit: 4 });
    return { conversation, offered };
  }

  /** Books with a name and an e-mail address and returns the start of what was stored. */
  async function bookedStart(conversation: ReturnType<typeof createConversation>): Promise<string | undefined> {
    expect(readable(await conversation.say('An Peeters'))).toContain('«appointments:contact.question»');
    expect(readable(await conversation.say('an@voorbeeld.be'))).toContain('«appointments:confirm.question»');
    expect(readable(await conversation.say('ja'))).toContain('«appointments:booked.title»');
    return conversation.appointments.document.read().bookings[0]?.start;
  }

  it.each([
    ['de eerste is goed, dank u wel', 0],
    ['doe maar de tweede', 1],
    ['de 2e', 1],
    ['nummer 3 aub', 2],
    ['de laatste graag', 3],
    ['die van half 10', 2],
    ['om 9u15 graag', 1],
    ['maandag om 9 uur is goed', 0],
    ['die van kwart voor 10', 3],
  ])('"%s" books offered slot %i', async (text, index) => {
    const { conversation, offered } = await atSlotQuestion();
    const reply = readable(await conversation.say(text));
    expect(reply).toContain('«appointments:name.question»');
    expect(await bookedStart(conversation)).toBe(offered[index]!.start);
  });

  it.each(['ja dat is goed', 'ok', 'oké, prima'])(
    '"%s" asks which moment suits, with the same slots, never "not understood"',
    async (text) => {
      const { conversation, offered } = await atSlotQuestion();
      const reply = readable(await conversation.say(text));
      expect(reply).toContain('«appointments:slots.whichOne»');
      expect(reply).not.toContain('«appointments:slots.wishNotUnderstood»');
      expect(reply).not.toContain('«common:notUnderstood»');
      expect(readable(await conversation.say('2'))).toContain('«appointments:name.question»');
      expect(await bookedStart(conversation)).toBe(offered[1]!.start);
    },
  );

  it.each(['laat maar, eender wanneer', 'maakt mij niet uit', 'om het even'])(
    '"%s" means any time: the earliest slots, not stop',
    async (text) => {
      const { conversation } = await atSlotQuestion();
      const reply = readable(await conversation.say(text));
      expect(reply).toContain('«appointments:slots.earliest»');
      expect(reply).not.toContain('«common:cancel.done»');
    },
  );
});
