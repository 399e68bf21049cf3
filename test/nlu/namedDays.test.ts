import { describe, expect, it } from 'vitest';
import { namedDayIn, parseDutchDateTime } from '../../nlu/dutchDateTime.js';

// Wednesday 2 December 2026, 11:00 in Brussels.
const NOW = new Date('2026-12-02T10:00:00Z');

describe('named days', () => {
  it.each([
    ['en op kerstavond?', '2026-12-24'],
    ['zijn jullie open met kerstmis', '2026-12-25'],
    ['op tweede kerstdag', '2026-12-26'],
    ['oudejaarsavond', '2026-12-31'],
    ['op nieuwjaar', '2027-01-01'],
    ['met pasen', '2027-03-28'],
    ['paasmaandag', '2027-03-29'],
    ['op hemelvaartsdag', '2027-05-06'],
    ['pinkstermaandag', '2027-05-17'],
    ['allerheiligen', '2027-11-01'],
    ['wapenstilstand', '2027-11-11'],
    ['op sinterklaas', '2026-12-06'],
    ['on christmas eve', '2026-12-24'],
  ])('reads %j as %s', (text, day) => {
    expect(parseDutchDateTime(text, NOW)?.day).toBe(day);
  });

  it('takes the next occurrence, today included', () => {
    expect(namedDayIn('kerstavond', '2026-12-24')?.day).toBe('2026-12-24');
    expect(namedDayIn('kerstavond', '2026-12-25')?.day).toBe('2027-12-24');
  });

  it('keeps the time said with the day', () => {
    expect(parseDutchDateTime('kerstavond om 10 uur', NOW)).toEqual({ day: '2026-12-24', time: '10:00' });
  });

  it.each(['tijdens de kerstvakantie', 'ik wil een afspraak', 'paspoort'])('finds no named day in %j', (text) => {
    expect(namedDayIn(text, '2026-12-02')).toBeUndefined();
  });

  it.each([
    ['pasen', '2024-01-01', '2024-03-31'],
    ['pasen', '2025-01-01', '2025-04-20'],
    ['paasmaandag', '2026-01-01', '2026-04-06'],
    ['hemelvaart', '2038-01-01', '2038-06-03'],
    ['pinksteren', '2038-01-01', '2038-06-13'],
  ])('knows the movable day %j in the year from %s', (text, today, day) => {
    expect(namedDayIn(text, today)?.day).toBe(day);
  });

  it("takes next year's Easter once this year's has passed", () => {
    expect(namedDayIn('pasen', '2026-04-06')?.day).toBe('2027-03-28');
  });
});
