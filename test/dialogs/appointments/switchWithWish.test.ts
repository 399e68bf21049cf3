/**
 * At the slot question a resident names another document and a moment in one message: the service
 * changes and the moment is read for the new service's slots. Real offline recognizer, on SMS, on
 * Wednesday 18 March 2026.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { brussels } from '../../support/appointments.js';
import { createConversation, readable } from '../../support/conversation.js';
import { offeredSlots } from './support.js';

const NOW = brussels('2026-03-18', '10:00');
let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createLinearRecognizer();
});

async function atSlots(first: string) {
  const talk = createConversation({ recognizer, channelId: 'sms', now: () => NOW });
  talk.appointments.clock.now = NOW;
  expect(readable(await talk.say(first))).toContain('«appointments:slots.earliest»');
  return talk;
}

const CASES: ReadonlyArray<readonly [string, string, string, (slot: string) => boolean]> = [
  [
    'afspraak rijbewijs',
    'liever voor een identiteitskaart, en dan op vrijdag',
    'identiteitskaart',
    (slot) => slot.startsWith('vrijdag 20 maart'),
  ],
  ['afspraak rijbewijs', 'nee sorry het is voor een reispas, liefst in de namiddag', 'reispas', (slot) => / 1[2-7]:\d\d$/.test(slot)],
  [
    'Ik zou graag een afspraak maken voor een reispas',
    'Oei, ik vergis mij: het is voor mijn rijbewijs. Kan dat volgende week?',
    'rijbewijs',
    (slot) => /^\S+ 2[3-9] maart/.test(slot),
  ],
  ['afspraak identiteitskaart', 'nee voor mijn rijbewijs, woensdag niet', 'rijbewijs', (slot) => !slot.startsWith('woensdag')],
  [
    'afspraak rijbewijs',
    'eigenlijk voor mijn eid, donderdag in de voormiddag',
    'identiteitskaart',
    (slot) => /^donderdag 19 maart (8|9|10|11):/.test(slot),
  ],
];

describe('another document and a moment in one message at the slot question', () => {
  it.each(CASES)('after "%s": "%s" switches to the %s service and offers the slots said', async (first, said, _service, fits) => {
    const talk = await atSlots(first);
    const replies = await talk.say(said);
    expect(readable(replies)).toContain('«appointments:service.switched»');
    const slots = offeredSlots(replies);
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) expect(fits(slot), slot).toBe(true);
  });

  it('books the new service at the moment chosen', async () => {
    const talk = await atSlots('afspraak rijbewijs');
    await talk.say('liever voor een identiteitskaart, en dan op vrijdag');
    await talk.say('1');
    await talk.say('An Peeters');
    const summary = readable(await talk.say('0470 12 34 56'));
    expect(summary).toMatch(/«appointments:summary.what» service=.*identiteitskaart/i);
    expect(summary).toContain('day=vrijdag 20 maart');
  });
});
