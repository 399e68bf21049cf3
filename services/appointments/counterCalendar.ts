/**
 * The counter's calendar for booking, from the municipality's facts: weekly hours, and the days on
 * which no appointment can be booked, with the reason residents are told.
 */
import type { Localized, Municipality } from '../municipality/municipalityData.js';
import { closuresOf, hoursOnDay } from '../municipality/openingHours.js';
import type { WeeklyHours } from './slots.js';

/** Why the counter takes no appointments on a day. */
export type CounterClosure =
  { kind: 'publicHoliday'; name: Localized } | { kind: 'closingDay'; reason: Localized } | { kind: 'notOpenOnWeekday' };

export interface CounterCalendar {
  weeklyHours: WeeklyHours;
  isClosed: (day: string) => boolean;
  shortenedHours: (day: string) => readonly (readonly [string, string])[] | undefined;
}

/**
 * Weekly hours, closed days and partly closed days for the booking provider. On a partly closed
 * day (staff training until 10:30, Christmas Eve from noon) only the open part is offered.
 */
export function counterCalendar(municipality: Municipality): CounterCalendar {
  const closures = closuresOf(municipality);
  const hoursOn = (day: string) => hoursOnDay(municipality.openingHours, closures, 'loket', day);
  return {
    weeklyHours: municipality.openingHours.loket,
    isClosed: (day) => !hoursOn(day).open,
    shortenedHours: (day) => {
      const hours = hoursOn(day);
      return hours.open && hours.shortened ? hours.intervals : undefined;
    },
  };
}

/** Why no appointment can be booked on `day` ('YYYY-MM-DD'), or undefined when the counter takes appointments. */
export function counterClosureOn(municipality: Municipality, day: string): CounterClosure | undefined {
  const hours = hoursOnDay(municipality.openingHours, closuresOf(municipality), 'loket', day);
  if (hours.open) return hours.shortened ? { kind: 'closingDay', reason: hours.shortened.reason } : undefined;
  if (hours.reason.kind === 'publicHoliday') return { kind: 'publicHoliday', name: hours.reason.name };
  if (hours.reason.kind === 'closingDay') return { kind: 'closingDay', reason: hours.reason.reason };
  return { kind: 'notOpenOnWeekday' };
}

/** Where the counter is, on one line: "Gemeentehuis, Marktplein 1, 9999 Wilgenbeke". */
export function counterAddress(municipality: Municipality): string {
  const { building, street, number, postalCode, city } = municipality.address;
  return [building, `${street} ${number}`, `${postalCode} ${city}`].filter(Boolean).join(', ');
}
