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
    // Closed until 10:30 for staff training: no appointments that day.
    ['2026-03-19', { kind: 'closingDay', reason: { nl: 'een opleiding voor het personeel', en: 'staff training' } }],
    ['2026-03-08', { kind: 'notOpenOnWeekday' }],
  ])('closes %s for booking', (day, closure) => {
    expect(counterClosureOn(municipality, day)).toEqual(closure);
    expect(counterCalendar(municipality).isClosed(day)).toBe(true);
  });

  it('keeps an ordinary weekday open', () => {
    expect(counterClosureOn(municipality, '2026-03-05')).toBeUndefined();
    expect(counterCalendar(municipality).isClosed('2026-03-05')).toBe(false);
  });

  it('writes the address on one line', () => {
    expect(counterAddress(municipality)).toBe('Gemeentehuis, Marktplein 1, 9999 Wilgenbeke');
  });
});
