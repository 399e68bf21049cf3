import { describe, expect, it } from 'vitest';
import { readMomentWish, type MomentWish } from '../../../dialogs/appointments/momentWish.js';
import { brussels } from '../../support/appointments.js';

/** Wednesday 18 March 2026, 10:00 in Brussels. */
const NOW = brussels('2026-03-18', '10:00');

const period = (from: string, until?: string): MomentWish => ({ vague: { kind: 'period', from, ...(until ? { until } : {}) } });

// Written before the readers were tuned, one table per class of wish the slot question missed.
const CLASSES: Record<string, ReadonlyArray<readonly [string, MomentWish]>> = {
  'a range of days, not one day': [
    ['de eerste week van april', period('2026-04-01', '2026-04-07')],
    ['liefst de tweede week van april', period('2026-04-08', '2026-04-14')],
    ['de laatste week van maart', period('2026-03-25', '2026-03-31')],
    ['in de week van 6 april', period('2026-04-06', '2026-04-12')],
    ['tussen 6 en 10 april', period('2026-04-06', '2026-04-10')],
    ['van 7 tot 10 april', period('2026-04-07', '2026-04-10')],
    ['ergens tussen 23 maart en 3 april', period('2026-03-23', '2026-04-03')],
    ['eind deze maand', period('2026-03-20', '2026-03-31')],
    ['begin volgende maand', period('2026-04-01', '2026-04-10')],
    ['half volgende maand', period('2026-04-10', '2026-04-20')],
    ['nog deze maand', period('2026-03-18', '2026-03-31')],
    ['begin volgende week', period('2026-03-23', '2026-03-25')],
    ['eind volgende week', period('2026-03-26', '2026-03-29')],
    ['na het weekend', period('2026-03-23')],
    ['de komende dagen', period('2026-03-18', '2026-03-22')],
    ['binnen de 14 dagen', period('2026-03-18', '2026-04-01')],
    ['binnen de week', period('2026-03-18', '2026-03-25')],
    ['over een week of twee', period('2026-04-01')],
  ],
  'a deadline: before a day': [
    ['vóór de 20ste', period('2026-03-18', '2026-03-19')],
    ['vóór vrijdag', period('2026-03-18', '2026-03-19')],
    ['ten laatste vrijdag', period('2026-03-18', '2026-03-20')],
    ['uiterlijk 27 maart', period('2026-03-18', '2026-03-27')],
    ['tegen vrijdag', period('2026-03-18', '2026-03-20')],
    ['voor eind maart', period('2026-03-18', '2026-03-31')],
    ['nog voor het weekend', period('2026-03-18', '2026-03-20')],
    ['liefst voor 1 april', period('2026-03-18', '2026-03-31')],
    ['niet later dan dinsdag', period('2026-03-18', '2026-03-24')],
    ['voor de 25ste', period('2026-03-18', '2026-03-24')],
  ],
  'a day of the month by its ordinal': [
    ['de 25ste', { exact: { day: '2026-03-25' } }],
    ['op de 25ste', { exact: { day: '2026-03-25' } }],
    ['den 12e', { exact: { day: '2026-04-12' } }],
    ['op de twintigste', { exact: { day: '2026-03-20' } }],
    ['de 30ste van deze maand', { exact: { day: '2026-03-30' } }],
    ['de 2de van volgende maand', { exact: { day: '2026-04-02' } }],
    ['ten vroegste de 10de', period('2026-04-10')],
    ['na de 20ste', period('2026-03-21')],
    ['de 25ste in de voormiddag', { exact: { day: '2026-03-25', partOfDay: 'morning' } }],
  ],
  'a part of the day refused': [
    ['in de morgen kan ik niet', { exact: { partOfDay: 'afternoon' } }],
    ["'s middags niet", { exact: { partOfDay: 'morning' } }],
    ['niet in de voormiddag', { exact: { partOfDay: 'afternoon' } }],
    ['liever geen namiddag', { exact: { partOfDay: 'morning' } }],
    ['de voormiddag past mij niet', { exact: { partOfDay: 'afternoon' } }],
    ['voormiddag gaat nie', { exact: { partOfDay: 'afternoon' } }],
    ['dinsdag, maar niet in de namiddag', { exact: { day: '2026-03-24', partOfDay: 'morning' } }],
    ["niet 's morgens", { exact: { partOfDay: 'afternoon' } }],
  ],
  'a weekday refused, with typos and Flemish forms': [
    ['niet op dnsdg', { avoid: { weekdays: [2] } }],
    ['nie op woensdag', { avoid: { weekdays: [3] } }],
    ['ni op vrijdag', { avoid: { weekdays: [5] } }],
    ['dondredag gaat nie', { avoid: { weekdays: [4] } }],
    ['niet op maandag of dinsdag', { avoid: { weekdays: [1, 2] } }],
    ['geen dinsdag of woensdag', { avoid: { weekdays: [2, 3] } }],
    ['woensdag en vrijdag kan ik niet', { avoid: { weekdays: [3, 5] } }],
    ['nooit op maandag', { avoid: { weekdays: [1] } }],
    ['den dinsdag nie', { avoid: { weekdays: [2] } }],
  ],
  'a span of hours': [
    ['tussen de middag', { exact: { after: '12:00', before: '14:00' } }],
    ['over de middag', { exact: { after: '12:00', before: '14:00' } }],
    ['tussen 10 en 12 uur', { exact: { after: '10:00', before: '12:00' } }],
    ['tussen 9u en 11u', { exact: { after: '09:00', before: '11:00' } }],
    ['donderdag tussen 14 en 16 uur', { exact: { day: '2026-03-19', after: '14:00', before: '16:00' } }],
  ],
};

describe.each(Object.entries(CLASSES))('the slot question reads %s', (_name, table) => {
  it.each(table)('"%s"', (text, wish) => {
    expect(readMomentWish(text, NOW)).toEqual(wish);
  });
});

describe('what stays no wish', () => {
  it.each(['de eerste', 'de tweede', 'de eerste is goed', 'An Peeters', 'ja dat is goed', 'nee', 'wat moet ik meebrengen?'])(
    '"%s"',
    (text) => {
      expect(readMomentWish(text, NOW)).toBeUndefined();
    },
  );
});
