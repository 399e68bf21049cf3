import { describe, expect, it } from 'vitest';
import { parseDutchDateTime } from '../../nlu/dutchDateTime.js';

// Thursday 26 November 2026, 09:00 in Brussels (UTC+1).
const NOW = new Date('2026-11-26T08:00:00Z');

describe('parseDutchDateTime', () => {
  it.each([
    ['morgen om 10 uur', { day: '2026-11-27', time: '10:00' }],
    ['volgende dinsdag', { day: '2026-12-01' }],
    ['donderdagnamiddag', { day: '2026-11-26', partOfDay: 'afternoon' }],
    ['morgen in de namiddag', { day: '2026-11-27', partOfDay: 'afternoon' }],
    ['donderdag na 16 uur', { day: '2026-11-26', after: '16:00' }],
    ['3/12', { day: '2026-12-03' }],
    ['3/12/2026', { day: '2026-12-03' }],
    ['vandaag', { day: '2026-11-26' }],
    ['overmorgen', { day: '2026-11-28' }],
    ['maandagvoormiddag', { day: '2026-11-30', partOfDay: 'morning' }],
    ['om half 3', { time: '14:30' }],
    ['dinsdag om 14u30', { day: '2026-12-01', time: '14:30' }],
    ['vrijdag 10:30', { day: '2026-11-27', time: '10:30' }],
    ['morgenvroeg', { day: '2026-11-27', partOfDay: 'morning' }],
    ["'s morgens", { partOfDay: 'morning' }],
    ['vanmiddag', { day: '2026-11-26', partOfDay: 'afternoon' }],
    ['voor 11 uur', { before: '11:00' }],
    ['ten laatste om 11u', { before: '11:00' }],
    ['dinsdag vanaf 14u', { day: '2026-12-01', after: '14:00' }],
    ['om drie uur', { time: '15:00' }],
    ['kwart voor 4', { time: '15:45' }],
    ['vrijdagmorgen om 9 uur', { day: '2026-11-27', time: '09:00', partOfDay: 'morning' }],
    ['op 12 januari om 9u', { day: '2027-01-12', time: '09:00' }],
    ['de 3de', { day: '2026-12-03' }],
    ['op de dertigste', { day: '2026-11-30' }],
    ['den 27e van volgende maand', { day: '2026-12-27' }],
    ['tussen de middag', { after: '12:00', before: '14:00' }],
    ['tussen 10 en 12 uur', { after: '10:00', before: '12:00' }],
    ['tussen 2 en 4', { after: '14:00', before: '16:00' }],
    ['goeiemiddag, vrijdag graag', { day: '2026-11-27' }],
  ])('reads %j', (text, expected) => {
    expect(parseDutchDateTime(text, NOW)).toEqual(expected);
  });

  it.each(['ik wil een afspraak', 'een afspraak voor een paspoort', '2', 'ergens volgende week', 'hallo', 'goede morgen', 'de tweede'])(
    'finds no wish in %j',
    (text) => {
      expect(parseDutchDateTime(text, NOW)).toBeUndefined();
    },
  );

  it('reads 3/12 as day/month, also early in the year', () => {
    expect(parseDutchDateTime('3/12', new Date('2026-02-01T10:00:00Z'))?.day).toBe('2026-12-03');
    expect(parseDutchDateTime('12/3', new Date('2026-02-01T10:00:00Z'))?.day).toBe('2026-03-12');
  });

  it('counts days in Brussels, not in UTC', () => {
    // 23:30 UTC on 26 November is already 27 November in Brussels.
    const lateEvening = new Date('2026-11-26T23:30:00Z');
    expect(parseDutchDateTime('vandaag', lateEvening)).toEqual({ day: '2026-11-27' });
    expect(parseDutchDateTime('overmorgen', new Date('2026-12-30T23:30:00Z'))).toEqual({ day: '2027-01-02' });
  });

  it('reads an early hour as afternoon unless the resident says morning', () => {
    expect(parseDutchDateTime('om 2 uur', NOW)).toEqual({ time: '14:00' });
    expect(parseDutchDateTime('in de voormiddag om 9 uur', NOW)).toEqual({ time: '09:00', partOfDay: 'morning' });
  });
});
