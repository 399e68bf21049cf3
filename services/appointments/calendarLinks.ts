import type { Language } from '../../domain/language.js';
import type { Booking } from '../../stores/bookings/bookingStore.js';

/**
 * Makes the link under which a resident downloads an appointment's calendar file. The dialogs
 * put it in the confirmation; bot/http signs it (calendarLink.ts) and serves it (appointmentRoutes.ts).
 */
export interface CalendarLinks {
  linkFor(booking: Booking, language: Language): string;
}
