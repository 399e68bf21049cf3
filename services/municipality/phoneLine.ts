import { createPhoneAvailability, type PhoneAvailability } from '../callback/phoneAvailability.js';
import type { Municipality } from './municipalityData.js';
import { closuresOf, hoursOnDay } from './openingHours.js';

/** The municipality's phone line as residents dial it. */
export interface PhoneLine {
  display: string;
  e164: string;
}

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
