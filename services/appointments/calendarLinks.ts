import type { Language } from '../../domain/language.js';
import type { Booking } from '../../stores/bookings/bookingStore.js';

/**
 * Makes the link under which a resident downloads an appointment's calendar file. The dialogs
 * put it in the confirmation; bot/http signs and serves it (createCalendarLinks).
 */
export interface CalendarLinks {
  linkFor(booking: Booking, language: Language): string;
}
