import { describe, expect, it } from 'vitest';
import {
  addDays,
  brusselsDateTime,
  brusselsDay,
  brusselsInstant,
  brusselsIso,
  clockLabel,
  dayLabel,
  dayOfWeek,
  daysBetween,
  isCalendarDay,
  monthSlices,
  monthsCovering,
  parseInstant,
  shortDayLabel,
  toBrussels,
  weekdayOf,
  wholeMonths,
} from '../../services/brusselsTime.js';

const HOUR = 3_600_000;

describe('parseInstant', () => {
  it.each([
    '2026-03-30T09:00:00+02:00',
    '2026-02-28T23:59:59-05:30',
    '2024-02-29T12:00:00+01:00',
    '2026-12-31T00:00:00Z',
    '1999-01-01T00:00:00+14:00',
    '2026-03-30T09:00:00.250Z',
  ])('reads %s like Date.parse', (iso) => {
    expect(parseInstant(iso)).toBe(Date.parse(iso));
  });

  it.each(['2026-02-29T12:00:00+01:00', '2026-13-01T00:00:00Z', '2026-03-30T24:00:00+02:00', 'gisteren'])('gives NaN for %s', (iso) => {
    expect(parseInstant(iso)).toBeNaN();
  });

  it('agrees with Date.parse on every quarter hour of a year', () => {
    let checked = 0;
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * HOUR + 15 * 60_000) {
      expect(parseInstant(brusselsIso(ms))).toBe(ms);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('instants in Brussels', () => {
  it('knows winter and summer offsets', () => {
    expect(brusselsIso(Date.UTC(2026, 0, 15, 8, 0))).toBe('2026-01-15T09:00:00+01:00');
    expect(brusselsIso(Date.UTC(2026, 6, 15, 8, 0))).toBe('2026-07-15T10:00:00+02:00');
  });

  it('moves to summer time at 01:00 UTC on the last Sunday of March: 02:00 does not exist', () => {
    expect(brusselsIso(Date.UTC(2026, 2, 29, 0, 59))).toBe('2026-03-29T01:59:00+01:00');
    expect(brusselsIso(Date.UTC(2026, 2, 29, 1, 0))).toBe('2026-03-29T03:00:00+02:00');
    // A skipped wall-clock time resolves to one hour later.
    expect(brusselsIso(brusselsInstant('2026-03-29', 150))).toBe('2026-03-29T03:30:00+02:00');
    // The day has 23 hours.
    expect(brusselsInstant('2026-03-30', 0) - brusselsInstant('2026-03-29', 0)).toBe(23 * HOUR);
  });

  it('moves back to winter time at 01:00 UTC on the last Sunday of October: 02:30 happens twice', () => {
    expect(brusselsIso(Date.UTC(2026, 9, 25, 0, 30))).toBe('2026-10-25T02:30:00+02:00');
    expect(brusselsIso(Date.UTC(2026, 9, 25, 1, 30))).toBe('2026-10-25T02:30:00+01:00');
    // A repeated wall-clock time resolves to its first occurrence.
    expect(brusselsInstant('2026-10-25', 150)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(brusselsInstant('2026-10-26', 0) - brusselsInstant('2026-10-25', 0)).toBe(25 * HOUR);
  });

  it('round-trips day and minutes through an instant, also on DST days', () => {
    for (const [day, minutes] of [
      ['2026-03-29', 180],
      ['2026-10-25', 90],
      ['2026-10-25', 180],
      ['2026-06-01', 0],
      ['2026-12-31', 1439],
    ] as const) {
      expect(toBrussels(brusselsInstant(day, minutes))).toEqual({ day, minutes });
    }
  });

  it('puts late UTC evenings on the next Brussels day, in winter and in summer', () => {
    expect(brusselsDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(brusselsDay(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(brusselsDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(brusselsDay(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });

  it('gives day, time and weekday of a moment', () => {
    expect(brusselsDateTime(new Date('2026-01-15T07:30:00Z'))).toEqual({ date: '2026-01-15', time: '08:30', weekday: 'thursday' });
    expect(brusselsDateTime(new Date('2026-07-15T06:30:00Z'))).toEqual({ date: '2026-07-15', time: '08:30', weekday: 'wednesday' });
  });
});

describe('calendar days', () => {
  it('accepts real days only', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-04-31')).toBe(false);
    expect(isCalendarDay('2026-4-03')).toBe(false);
    expect(isCalendarDay('2026-04-03T00:00:00Z')).toBe(false);
    expect(isCalendarDay(20260403)).toBe(false);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-05-15', 0, '2026-05-15'],
  ] as const)('%s plus %i days is %s', (day, count, expected) => {
    expect(addDays(day, count)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(count);
  });

  it('refuses a day that does not exist', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-01-01', '2026-13-01')).toThrow(RangeError);
  });

  it('counts whole days over a year and across both DST changes', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
  });

  it('names the weekday, by number and by name, for every day of a year', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4); // a Thursday
    expect(weekdayOf('2026-03-02')).toBe('monday');
    expect(weekdayOf('2026-03-29')).toBe('sunday');
    expect(weekdayOf('1969-12-31')).toBe('wednesday');
    const names = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    for (let day = '2026-01-01'; day < '2027-01-01'; day = addDays(day, 1)) {
      expect(dayOfWeek(day)).toBe(new Date(`${day}T12:00:00Z`).getUTCDay());
      expect(weekdayOf(day)).toBe(names[dayOfWeek(day)]);
    }
  });

  it('lists the months a range touches, cut at month ends', () => {
    expect(monthsCovering('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsCovering('2026-05-10', '2026-05-12')).toEqual(['2026-05']);
    expect(() => monthsCovering('2026-05-32', '2026-06-01')).toThrow(RangeError);
    expect(monthSlices('2028-01-31', '2028-03-01')).toEqual([
      { from: '2028-01-31', to: '2028-01-31' },
      { from: '2028-02-01', to: '2028-02-29' },
      { from: '2028-03-01', to: '2028-03-01' },
    ]);
  });

  it('widens a range to whole months, but not past today', () => {
    expect(wholeMonths({ from: '2026-02-10', to: '2026-02-11' }, '2026-12-01')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(wholeMonths({ from: '2026-03-31', to: '2026-04-30' }, '2026-12-01')).toEqual({ from: '2026-03-01', to: '2026-04-30' });
    expect(wholeMonths({ from: '2026-11-02', to: '2026-11-03' }, '2026-11-20')).toEqual({ from: '2026-11-01', to: '2026-11-20' });
  });
});

describe('labels residents read', () => {
  it.each([
    ['08:30', 'nl', '8.30'],
    ['12:00', 'nl', '12'],
    ['08:30', 'en', '8:30'],
    ['12:00', 'en', '12:00'],
  ] as const)('%s in %s reads "%s"', (time, language, expected) => {
    expect(clockLabel(time, language)).toBe(expected);
  });

  it('labels a day the way residents read it, long and short', () => {
    expect(dayLabel('2026-03-30', 'nl')).toBe('maandag 30 maart');
    expect(dayLabel('2026-03-30', 'en')).toBe('Monday 30 March');
    expect(dayLabel('2026-10-25', 'nl')).toBe('zondag 25 oktober');
    expect(shortDayLabel('2026-03-30', 'nl')).toBe('ma 30/3');
    expect(shortDayLabel('2026-03-30', 'en')).toBe('Mon 30/03');
  });
});
