import { afterEach, describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../services/municipality/municipalityData.js';
import {
  hoursOnDay,
  isClosedDay,
  nextWorkingDay,
  openingStatus,
  publicHolidayOn,
  type Closures,
} from '../../../services/municipality/openingHours.js';
import { brusselsDateTime } from '../../../services/brusselsTime.js';

// A fixture of its own, so the municipality can change its real hours without breaking these tests.
const HOURS: OpeningHours = {
  loket: {
    monday: [
      ['08:30', '12:00'],
      ['13:30', '16:00'],
    ],
    tuesday: [['08:30', '12:00']],
    wednesday: [
      ['08:30', '12:00'],
      ['13:30', '16:00'],
    ],
    thursday: [
      ['08:30', '12:00'],
      ['16:00', '19:30'],
    ],
    friday: [['08:30', '12:00']],
    saturday: [['09:00', '12:00']],
    sunday: [],
  },
  telefoon: {
    monday: [
      ['08:30', '12:00'],
      ['13:00', '16:30'],
    ],
    tuesday: [
      ['08:30', '12:00'],
      ['13:00', '16:30'],
    ],
    wednesday: [
      ['08:30', '12:00'],
      ['13:00', '16:30'],
    ],
    thursday: [
      ['08:30', '12:00'],
      ['13:00', '19:00'],
    ],
    friday: [
      ['08:30', '12:00'],
      ['13:00', '15:00'],
    ],
    saturday: [],
    sunday: [],
  },
};

const CLOSURES: Closures = {
  holidays: { country: 'BE', region: 'VLG', types: ['public'] },
  closingDays: [
    { yearly: '01-02', reason: { nl: 'de dag na Nieuwjaar', en: "the day after New Year's Day" } },
    { yearly: '12-24', from: '12:00', reason: { nl: 'Kerstavond', en: 'Christmas Eve' } },
    { yearly: '12-26', reason: { nl: 'Tweede Kerstdag', en: 'Boxing Day' } },
    { yearly: '12-31', from: '12:00', reason: { nl: 'Oudejaarsavond', en: "New Year's Eve" } },
    { date: '2026-03-19', until: '10:30', services: ['loket'], reason: { nl: 'een opleiding', en: 'training' } },
    { date: '2026-10-16', reason: { nl: 'de personeelsdag', en: 'the staff day' } },
  ],
};

const at = (iso: string): Date => new Date(iso);
const loketAt = (iso: string) => openingStatus(HOURS, CLOSURES, 'loket', at(iso));

describe('opening status', () => {
  describe('whatever the host time zone is', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it('answers the same on a host set to New York', () => {
      process.env.TZ = 'America/New_York';
      expect(brusselsDateTime(at('2026-03-02T07:30:00Z')).time).toBe('08:30');
      expect(loketAt('2026-03-02T07:30:00Z')).toMatchObject({ open: true, until: '12:00' });
    });
  });
});

describe('openingStatus around closing time', () => {
  it('is closed one minute before opening and says when it opens', () => {
    expect(loketAt('2026-03-02T07:29:00Z')).toMatchObject({ open: false, reason: null, next: { date: '2026-03-02', time: '08:30' } });
  });

  it('is open at opening time until the end of the interval', () => {
    expect(loketAt('2026-03-02T07:30:00Z')).toMatchObject({ open: true, until: '12:00' });
  });

  it('is open one minute before closing time', () => {
    expect(loketAt('2026-03-02T10:59:00Z')).toMatchObject({ open: true, until: '12:00' });
  });

  it('is closed at closing time and reopens after the lunch break', () => {
    expect(loketAt('2026-03-02T11:00:00Z')).toMatchObject({
      open: false,
      reason: null,
      next: { date: '2026-03-02', weekday: 'monday', time: '13:30' },
    });
  });

  it('after the last interval points to the next day', () => {
    expect(loketAt('2026-03-03T11:00:00Z')).toMatchObject({
      open: false,
      next: { date: '2026-03-04', weekday: 'wednesday', time: '08:30' },
    });
  });

  it('knows the evening opening on Thursday', () => {
    expect(loketAt('2026-03-05T17:00:00Z')).toMatchObject({ open: true, until: '19:30' });
    expect(loketAt('2026-03-05T18:30:00Z')).toMatchObject({ open: false, next: { date: '2026-03-06', time: '08:30' } });
  });

  it('treats each service separately', () => {
    expect(openingStatus(HOURS, CLOSURES, 'telefoon', at('2026-03-03T12:30:00Z'))).toMatchObject({ open: true, until: '16:30' });
    expect(loketAt('2026-03-03T12:30:00Z')).toMatchObject({ open: false });
  });
});

describe('weekends', () => {
  it('opens the counter on Saturday morning only', () => {
    expect(loketAt('2026-03-07T08:00:00Z')).toMatchObject({ open: true, until: '12:00' });
    expect(loketAt('2026-03-07T11:00:00Z')).toMatchObject({
      open: false,
      reason: null,
      next: { date: '2026-03-09', weekday: 'monday', time: '08:30' },
    });
  });

  it('sends phone callers from Friday afternoon to Monday', () => {
    expect(openingStatus(HOURS, CLOSURES, 'telefoon', at('2026-03-06T14:00:00Z'))).toMatchObject({
      open: false,
      next: { date: '2026-03-09', time: '08:30' },
    });
  });

  it('is closed on Sunday without a special reason', () => {
    const status = loketAt('2026-03-08T10:00:00Z');
    expect(status).toMatchObject({ open: false, reason: null, next: { date: '2026-03-09' } });
    expect(hoursOnDay(HOURS, CLOSURES, 'loket', '2026-03-08')).toMatchObject({
      open: false,
      reason: { kind: 'notOpenOnWeekday', weekday: 'sunday' },
    });
  });
});

describe('public holidays', () => {
  it('closes on Easter Monday and names it in Dutch and English', () => {
    expect(hoursOnDay(HOURS, CLOSURES, 'loket', '2026-04-06')).toEqual({
      open: false,
      date: '2026-04-06',
      weekday: 'monday',
      reason: { kind: 'publicHoliday', name: { nl: 'Paasmaandag', en: 'Easter Monday' } },
    });
    expect(loketAt('2026-04-06T08:00:00Z')).toMatchObject({
      open: false,
      reason: { kind: 'publicHoliday', name: { nl: 'Paasmaandag' } },
      next: { date: '2026-04-07', weekday: 'tuesday', time: '08:30' },
    });
  });

  it('closes on the national holiday of 21 July and on Ascension Day', () => {
    expect(publicHolidayOn(CLOSURES.holidays, '2026-07-21')?.nl).toBe('Nationale feestdag');
    expect(publicHolidayOn(CLOSURES.holidays, '2026-05-14')?.nl).toBe('Hemelvaartsdag');
    expect(isClosedDay(HOURS, CLOSURES, 'telefoon', '2026-05-14')).toBe(true);
  });

  it('stays open on observances unless the data asks for them', () => {
    expect(isClosedDay(HOURS, CLOSURES, 'loket', '2026-11-02')).toBe(false);
    expect(publicHolidayOn(CLOSURES.holidays, '2026-07-11')).toBeNull();
    const withObservances: Closures = { ...CLOSURES, holidays: { country: 'BE', region: 'VLG', types: ['public', 'observance'] } };
    expect(publicHolidayOn(withObservances.holidays, '2026-07-11')?.nl).toBe('Feestdag van de Vlaamse Gemeenschap');
  });

  it('is an ordinary day the day before and after', () => {
    expect(isClosedDay(HOURS, CLOSURES, 'loket', '2026-07-20')).toBe(false);
    expect(isClosedDay(HOURS, CLOSURES, 'loket', '2026-07-22')).toBe(false);
  });
});

describe("the municipality's own closing days", () => {
  it('closes every year on a yearly closing day', () => {
    expect(hoursOnDay(HOURS, CLOSURES, 'loket', '2026-01-02')).toMatchObject({
      open: false,
      reason: { kind: 'closingDay', reason: { nl: 'de dag na Nieuwjaar' } },
    });
    expect(isClosedDay(HOURS, CLOSURES, 'loket', '2029-01-02')).toBe(true);
  });

  it('closes a one-off day only in its own year', () => {
    expect(isClosedDay(HOURS, CLOSURES, 'loket', '2026-10-16')).toBe(true);
    expect(isClosedDay(HOURS, CLOSURES, 'loket', '2031-10-16')).toBe(false);
  });

  it('shortens Christmas Eve to the morning and says why after noon', () => {
    expect(hoursOnDay(HOURS, CLOSURES, 'loket', '2026-12-24')).toEqual({
      open: true,
      date: '2026-12-24',
      weekday: 'thursday',
      intervals: [['08:30', '12:00']],
      shortened: { from: '12:00', reason: { nl: 'Kerstavond', en: 'Christmas Eve' } },
    });
    expect(loketAt('2026-12-24T10:59:00Z')).toMatchObject({ open: true, until: '12:00' });
    expect(loketAt('2026-12-24T11:00:00Z')).toMatchObject({
      open: false,
      reason: { kind: 'closingDay', reason: { nl: 'Kerstavond' } },
      // 25th Christmas, 26th Boxing Day (closing day on a Saturday), 27th Sunday.
      next: { date: '2026-12-28', weekday: 'monday', time: '08:30' },
    });
  });

  it('cuts an interval in two when closing falls inside it', () => {
    const closures: Closures = { ...CLOSURES, closingDays: [{ date: '2026-03-02', from: '10:00', reason: { nl: 'x', en: 'x' } }] };
    expect(hoursOnDay(HOURS, closures, 'loket', '2026-03-02')).toMatchObject({ open: true, intervals: [['08:30', '10:00']] });
  });

  it('changes nothing when the early closing is after the regular hours', () => {
    // 31 December 2030 is a Tuesday: the counter closes at noon anyway.
    expect(hoursOnDay(HOURS, CLOSURES, 'loket', '2030-12-31')).toEqual({
      open: true,
      date: '2030-12-31',
      weekday: 'tuesday',
      intervals: [['08:30', '12:00']],
    });
  });

  it('opens late for the counter only and says why before it opens', () => {
    expect(loketAt('2026-03-19T09:00:00Z')).toMatchObject({
      open: false,
      reason: { kind: 'closingDay', reason: { nl: 'een opleiding' } },
      next: { date: '2026-03-19', time: '10:30' },
    });
    expect(loketAt('2026-03-19T09:30:00Z')).toMatchObject({ open: true, until: '12:00' });
    expect(openingStatus(HOURS, CLOSURES, 'telefoon', at('2026-03-19T09:00:00Z'))).toMatchObject({ open: true });
  });

  it('turns a partial closing that leaves nothing into a closed day with its reason', () => {
    const closures: Closures = { ...CLOSURES, closingDays: [{ date: '2026-03-03', from: '08:00', reason: { nl: 'x', en: 'y' } }] };
    expect(hoursOnDay(HOURS, closures, 'loket', '2026-03-03')).toMatchObject({
      open: false,
      reason: { kind: 'closingDay', reason: { en: 'y' } },
    });
  });
});

describe('days when the clocks change', () => {
  it('opens at 08:30 local time on the Monday after summer time starts (06:30 UTC)', () => {
    expect(loketAt('2026-03-30T06:29:00Z')).toMatchObject({ open: false, next: { date: '2026-03-30', time: '08:30' } });
    expect(loketAt('2026-03-30T06:30:00Z')).toMatchObject({ open: true, until: '12:00' });
  });

  it('opens at 08:30 local time on the Monday after winter time starts (07:30 UTC)', () => {
    expect(loketAt('2026-10-26T07:29:00Z')).toMatchObject({ open: false, next: { date: '2026-10-26', time: '08:30' } });
    expect(loketAt('2026-10-26T07:30:00Z')).toMatchObject({ open: true });
  });

  it('reads the night of the change correctly', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST. 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(brusselsDateTime(at('2026-03-29T00:59:00Z')).time).toBe('01:59');
    expect(brusselsDateTime(at('2026-03-29T01:00:00Z')).time).toBe('03:00');
    expect(brusselsDateTime(at('2026-10-25T00:30:00Z')).time).toBe('02:30');
    expect(brusselsDateTime(at('2026-10-25T01:30:00Z')).time).toBe('02:30');
  });

  it('points from the Sunday of the change to Monday', () => {
    expect(loketAt('2026-03-29T10:00:00Z')).toMatchObject({ open: false, next: { date: '2026-03-30', time: '08:30' } });
    expect(loketAt('2026-10-25T10:00:00Z')).toMatchObject({ open: false, next: { date: '2026-10-26', time: '08:30' } });
  });

  it('closes Saturday at noon local time on both sides of the change', () => {
    expect(loketAt('2026-03-28T10:59:00Z')).toMatchObject({ open: true });
    expect(loketAt('2026-03-28T11:00:00Z')).toMatchObject({ open: false });
    expect(loketAt('2026-10-24T09:59:00Z')).toMatchObject({ open: true });
    expect(loketAt('2026-10-24T10:00:00Z')).toMatchObject({ open: false });
  });
});

describe('isClosedDay and nextWorkingDay', () => {
  it('counts a shortened day as a working day', () => {
    expect(isClosedDay(HOURS, CLOSURES, 'loket', '2026-12-24')).toBe(false);
    expect(isClosedDay(HOURS, CLOSURES, 'loket', '2026-12-25')).toBe(true);
  });

  it('skips holidays, closing days and weekends', () => {
    expect(nextWorkingDay(HOURS, CLOSURES, 'telefoon', '2026-12-24')).toBe('2026-12-28');
    expect(nextWorkingDay(HOURS, CLOSURES, 'telefoon', '2026-04-03')).toBe('2026-04-07');
    expect(nextWorkingDay(HOURS, CLOSURES, 'loket', '2026-04-03')).toBe('2026-04-04');
  });

  it('finds nothing when a service never opens', () => {
    const never: OpeningHours = {
      ...HOURS,
      telefoon: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
    };
    expect(nextWorkingDay(never, CLOSURES, 'telefoon', '2026-03-02')).toBeNull();
    expect(openingStatus(never, CLOSURES, 'telefoon', at('2026-03-02T09:00:00Z'))).toMatchObject({ open: false, next: null });
  });
});
