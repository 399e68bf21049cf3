import { describe, expect, it } from 'vitest';
import { counterAddress, counterCalendar, counterClosureOn } from '../../../services/appointments/counterCalendar.js';
import { loadMunicipalityData } from '../../../services/municipality/municipalityData.js';

const { municipality } = loadMunicipalityData();

describe('the counter calendar for booking', () => {
  it('takes the weekly hours of the counter', () => {
    expect(counterCalendar(municipality).weeklyHours).toBe(municipality.openingHours.loket);
  });

  it.each([
    ['2026-04-06', { kind: 'publicHoliday', name: { nl: 'Paasmaandag', en: 'Easter Monday' } }],
    ['2026-10-16', { kind: 'closingDay', reason: { nl: 'de personeelsdag', en: 'the staff day' } }],
    ['2026-03-08', { kind: 'notOpenOnWeekday' }],
  ])('closes %s for booking', (day, closure) => {
    expect(counterClosureOn(municipality, day)).toEqual(closure);
    expect(counterCalendar(municipality).isClosed(day)).toBe(true);
  });

  it('offers only the open part of a partly closed day, and says why the rest is closed', () => {
    // data/municipality.json: closed until 10:30 on 19 March 2026 for staff training.
    const calendar = counterCalendar(municipality);
    expect(calendar.isClosed('2026-03-19')).toBe(false);
    const [firstOpen, ...rest] = municipality.openingHours.loket.thursday;
    expect(calendar.shortenedHours('2026-03-19')).toEqual([['10:30', firstOpen![1]], ...rest]);
    expect(calendar.shortenedHours('2026-03-12')).toBeUndefined();
    expect(counterClosureOn(municipality, '2026-03-19')).toEqual({
      kind: 'closingDay',
      reason: { nl: 'een opleiding voor het personeel', en: 'staff training' },
    });
  });

  it('keeps an ordinary weekday open', () => {
    expect(counterClosureOn(municipality, '2026-03-05')).toBeUndefined();
    expect(counterCalendar(municipality).isClosed('2026-03-05')).toBe(false);
  });

  it('writes the address on one line', () => {
    expect(counterAddress(municipality)).toBe('Gemeentehuis, Marktplein 1, 9999 Wilgenbeke');
  });
});
