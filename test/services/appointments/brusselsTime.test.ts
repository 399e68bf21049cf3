import { describe, expect, it } from 'vitest';
import { addDays, brusselsInstant, brusselsIso, parseInstant, toBrussels, weekdayOf } from '../../../services/appointments/brusselsTime.js';

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
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 15 * 60_000) {
      const iso = brusselsIso(ms);
      expect(parseInstant(iso)).toBe(ms);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('Brussels wall-clock time', () => {
  it('knows winter and summer offsets', () => {
    expect(brusselsIso(Date.UTC(2026, 0, 15, 8, 0))).toBe('2026-01-15T09:00:00+01:00');
    expect(brusselsIso(Date.UTC(2026, 6, 15, 8, 0))).toBe('2026-07-15T10:00:00+02:00');
  });

  it('round-trips day and minutes through an instant', () => {
    for (const [day, minutes] of [
      ['2026-03-29', 180],
      ['2026-10-25', 90],
      ['2026-10-25', 180],
      ['2026-06-01', 0],
    ] as const) {
      expect(toBrussels(brusselsInstant(day, minutes))).toEqual({ day, minutes });
    }
  });

  it('counts days and weekdays on the calendar', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(weekdayOf('2026-03-02')).toBe('monday');
    expect(weekdayOf('2026-03-08')).toBe('sunday');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
