/**
 * Wishes at the slot question that were read in pieces: a refused day next to a wanted one, a span of
 * weekdays that runs past today's weekday, a first or last day with a part of the day, and short
 * words that are no day names ("zo'n", "ons ma"). Written as a 70-year-old, a hurried parent and a
 * teenager on SMS would type them, before the readers were changed.
 */
import { describe, expect, it } from 'vitest';
import { readMomentWish, type MomentWish } from '../../../dialogs/appointments/momentWish.js';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import { parseDutchDateTime } from '../../../nlu/dutchDateTime.js';
import { brussels } from '../../support/appointments.js';
import { createConversation, readable } from '../../support/conversation.js';
import { offeredSlots } from './support.js';

/** Wednesday 18 March 2026, 10:00 in Brussels. */
const NOW = brussels('2026-03-18', '10:00');

const period = (from: string, until?: string, exact?: MomentWish['exact']): MomentWish => ({
  vague: { kind: 'period', from, ...(until ? { until } : {}) },
  ...(exact ? { exact } : {}),
});
const THURSDAY_NOT_WEDNESDAY: MomentWish = { avoid: { weekdays: [3] }, exact: { day: '2026-03-19' } };

const CLASSES: Record<string, ReadonlyArray<readonly [string, MomentWish | undefined]>> = {
  'a refused day next to a wanted one': [
    ['woensdag niet, donderdag wel', THURSDAY_NOT_WEDNESDAY],
    ['woensdag niet maar donderdag wel', THURSDAY_NOT_WEDNESDAY],
    ['Woensdag kan ik helaas niet, maar donderdag wel.', THURSDAY_NOT_WEDNESDAY],
    ['donderdag wel, woensdag niet', THURSDAY_NOT_WEDNESDAY],
    ['donderdag past wel, woensdag niet', THURSDAY_NOT_WEDNESDAY],
    ['woensdag gaat nie, donderdag is goed', THURSDAY_NOT_WEDNESDAY],
    ['wo nie do wel', THURSDAY_NOT_WEDNESDAY],
    ['niet woensdag maar donderdag', THURSDAY_NOT_WEDNESDAY],
    ['maandag of dinsdag, niet woensdag', { avoid: { weekdays: [3] }, exact: { day: '2026-03-23' } }],
    ['ma nie, di wel', { avoid: { weekdays: [1] }, exact: { day: '2026-03-24' } }],
  ],
  'a span of weekdays, also past today': [
    ['van maandag tot woensdag', period('2026-03-23', '2026-03-25')],
    ['van maandag tot en met woensdag', period('2026-03-23', '2026-03-25')],
    ['tussen maandag en woensdag', period('2026-03-23', '2026-03-25')],
    ['maandag tot woensdag', period('2026-03-23', '2026-03-25')],
    ['van ma tot wo', period('2026-03-23', '2026-03-25')],
    ['ergens tussen dinsdag en donderdag', period('2026-03-24', '2026-03-26')],
    ['van vrijdag tot dinsdag', period('2026-03-20', '2026-03-24')],
    ['van woensdag tot vrijdag', period('2026-03-18', '2026-03-20')],
    ['van maandag tot woensdag in de voormiddag', period('2026-03-23', '2026-03-25', { partOfDay: 'morning' })],
  ],
  'a first or last day with a part of the day or an hour': [
    ['na de 15de in de namiddag', period('2026-04-16', undefined, { partOfDay: 'afternoon' })],
    ['vanaf de 25ste, liefst in de namiddag', period('2026-03-25', undefined, { partOfDay: 'afternoon' })],
    ['na 20 maart in de voormiddag', period('2026-03-21', undefined, { partOfDay: 'morning' })],
    ["ten vroegste de 20ste, 's morgens", period('2026-03-20', undefined, { partOfDay: 'morning' })],
    ['ten laatste vrijdag in de voormiddag', period('2026-03-18', '2026-03-20', { partOfDay: 'morning' })],
    ['na de 20ste na 14 uur', period('2026-03-21', undefined, { after: '14:00' })],
    ['volgende week in de namiddag', period('2026-03-23', '2026-03-29', { partOfDay: 'afternoon' })],
    ['begin april in de voormiddag', period('2026-04-01', '2026-04-10', { partOfDay: 'morning' })],
    ['tussen 23 en 27 maart na 14 uur', period('2026-03-23', '2026-03-27', { after: '14:00' })],
    ['volgende week, maar niet in de voormiddag', period('2026-03-23', '2026-03-29', { partOfDay: 'afternoon' })],
  ],
  'short words that are no day': [
    ["zo'n afspraak in de namiddag", { exact: { partOfDay: 'afternoon' } }],
    ['ons ma kan alleen in de namiddag', { exact: { partOfDay: 'afternoon' } }],
    ['ma kan niet op woensdag', { avoid: { weekdays: [3] } }],
    ['ik kom met ons ma', undefined],
    ['zo rond 10 uur', { exact: { time: '10:00' } }],
    ['zo snel het kan', { vague: { kind: 'earliest' } }],
    ['zo vlug als het kan', { vague: { kind: 'earliest' } }],
    ['zsm aub', { vague: { kind: 'earliest' } }],
    ['ik kom zo', undefined],
    ["zo'n moment", undefined],
  ],
  'short day names that are days': [
    ['di', { exact: { day: '2026-03-24' } }],
    ['za', { exact: { day: '2026-03-21' } }],
    ['do is goed', { exact: { day: '2026-03-19' } }],
    ['ma 10u', { exact: { day: '2026-03-23', time: '10:00' } }],
    ['di of do', { exact: { day: '2026-03-24' } }],
  ],
};

describe.each(Object.entries(CLASSES))('the slot question reads %s', (_name, table) => {
  it.each(table)('"%s"', (text, wish) => {
    expect(readMomentWish(text, NOW)).toEqual(wish);
  });
});

describe('the date reader reads no day in short words that are no day names', () => {
  it.each(["zo'n afspraak", 'met ons ma', 'ik kom zo', 'mijn ma en pa', 'do you have time', 'vrij snel'])('"%s"', (text) => {
    expect(parseDutchDateTime(text, NOW)?.day).toBeUndefined();
  });
});

describe('the slots offered for such a wish, on sms', () => {
  const cases: ReadonlyArray<readonly [string, (slot: string) => boolean]> = [
    ['woensdag niet, donderdag wel', (slot) => slot.startsWith('donderdag 19 maart')],
    ['wo nie do wel', (slot) => slot.startsWith('donderdag 19 maart')],
    ['van maandag tot woensdag', (slot) => /^\S+ 2[3-5] maart/.test(slot)],
    ['na de 15de in de namiddag', (slot) => /^\S+ (1[6-9]|2\d|30) april 1[2-7]:/.test(slot)],
    ['volgende week na 14 uur', (slot) => /^\S+ 2[3-9] maart 1[4-7]:/.test(slot)],
    ["zo'n afspraak in de namiddag, kan dat?", (slot) => / 1[2-7]:\d\d$/.test(slot)],
  ];

  it.each(cases)('"%s"', async (text, fits) => {
    const talk = createConversation({ recognizer: await createLinearRecognizer(), channelId: 'sms', now: () => NOW });
    talk.appointments.clock.now = NOW;
    expect(readable(await talk.say('afspraak rijbewijs'))).toContain('«appointments:slots.earliest»');
    const replies = await talk.say(text);
    expect(readable(replies)).toContain('«appointments:slots.matching»');
    const slots = offeredSlots(replies);
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) expect(fits(slot), slot).toBe(true);
  });
});
