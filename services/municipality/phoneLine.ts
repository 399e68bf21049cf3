import { createPhoneAvailability, type PhoneAvailability } from '../callback/phoneAvailability.js';
import type { Municipality } from './municipalityData.js';
import { closuresOf, hoursOnDay } from './openingHours.js';

/** When the municipality's phone line is staffed: its `telefoon` hours after public holidays and its own closing days. */
export function phoneAvailabilityOf(municipality: Municipality): PhoneAvailability {
  const closures = closuresOf(municipality);
  return createPhoneAvailability({
    periodsOn(day) {
      const hours = hoursOnDay(municipality.openingHours, closures, 'telefoon', day);
      return hours.open ? hours.intervals.map(([from, to]) => ({ from, to })) : [];
    },
  });
}
