import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysBetween, isCalendarDay, monthsCovering } from '../../services/calendarDay.js';

describe('calendar days', () => {
  it('accepts real days only', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-04-31')).toBe(false);
    expect(isCalendarDay('2026-4-03')).toBe(false);
    expect(isCalendarDay('2026-04-03T00:00:00Z')).toBe(false);
    expect(isCalendarDay(20260403)).toBe(false);
  });

  it('counts days across month, leap-day and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // 29 March 2026 is the switch to summer time in Brussels: still one calendar day.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(dayOfWeek('2026-01-01')).toBe(4); // a Thursday
  });

  it('lists the months a range touches', () => {
    expect(monthsCovering('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsCovering('2026-05-10', '2026-05-12')).toEqual(['2026-05']);
    expect(() => monthsCovering('2026-05-32', '2026-06-01')).toThrow(RangeError);
  });
});
