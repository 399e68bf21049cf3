import { describe, expect, it } from 'vitest';
import { createWeeklyPhoneAvailability, parseCallbackMoment } from '../../../services/callback/phoneAvailability.js';

const WEEKDAY = [
  { from: '08:30', to: '12:00' },
  { from: '13:00', to: '16:00' },
];
const hours = createWeeklyPhoneAvailability({
  weekly: { 1: WEEKDAY, 2: WEEKDAY, 3: WEEKDAY, 4: WEEKDAY, 5: [{ from: '08:30', to: '12:00' }] },
  closedDays: ['2026-04-06'],
});
const brussels = (local: string, offset = '+01:00') => new Date(`${local}${offset}`);

describe('weekly phone availability', () => {
  it('is staffed inside a period, until its end', () => {
    expect(hours.status(brussels('2026-03-02T10:00'))).toEqual({ staffedNow: true, until: '12:00' });
    expect(hours.status(brussels('2026-03-02T15:59'))).toEqual({ staffedNow: true, until: '16:00' });
  });

  it('gives the next staffed moment: after lunch, the next morning, after the weekend and a holiday', () => {
    expect(hours.status(brussels('2026-03-02T12:30'))).toEqual({ staffedNow: false, next: { day: '2026-03-02', from: '13:00' } });
    expect(hours.status(brussels('2026-03-02T16:00'))).toEqual({ staffedNow: false, next: { day: '2026-03-03', from: '08:30' } });
    expect(hours.status(brussels('2026-03-07T11:00'))).toEqual({ staffedNow: false, next: { day: '2026-03-09', from: '08:30' } });
    expect(hours.status(brussels('2026-04-04T11:00', '+02:00'))).toEqual({ staffedNow: false, next: { day: '2026-04-07', from: '08:30' } });
  });

  it('offers what remains of today and the next working day, morning and afternoon', () => {
    const values = (now: Date) => hours.callbackMoments(now).map((moment) => moment.value);
    expect(values(brussels('2026-03-02T08:00'))).toEqual([
      '2026-03-02.morning',
      '2026-03-02.afternoon',
      '2026-03-03.morning',
      '2026-03-03.afternoon',
    ]);
    expect(values(brussels('2026-03-02T11:45'))).toEqual(['2026-03-02.afternoon', '2026-03-03.morning', '2026-03-03.afternoon']);
    expect(values(brussels('2026-03-02T15:45'))).toEqual(['2026-03-03.morning', '2026-03-03.afternoon']);
    // Friday has only a morning; the next working day after it is Monday.
    expect(values(brussels('2026-03-05T17:00'))).toEqual(['2026-03-06.morning']);
    expect(values(brussels('2026-03-06T13:00'))).toEqual(['2026-03-09.morning', '2026-03-09.afternoon']);
  });

  it('parses moment values', () => {
    expect(parseCallbackMoment('2026-03-02.morning')).toEqual({ day: '2026-03-02', partOfDay: 'morning' });
    expect(parseCallbackMoment('2026-03-02.evening')).toBeUndefined();
  });
});
