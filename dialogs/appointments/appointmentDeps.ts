import type { Language } from '../../bot/i18n.js';
import type { BookingProvider } from '../../services/appointments/bookingProvider.js';
import type { Booking } from '../../stores/bookings/bookingStore.js';
import type { ServiceCatalog } from '../../services/appointments/serviceCatalog.js';
import type { Municipality } from '../../services/municipality/municipalityData.js';
import type { PhoneLine } from '../../services/municipality/phoneLine.js';

/** Makes the link under which a resident downloads an appointment's calendar file. */
export interface CalendarLinks {
  linkFor(booking: Booking, language: Language): string;
}

/** What the appointment dialogs work with; tests hand in an in-memory provider and a fixed clock. */
export interface AppointmentDeps {
  provider: BookingProvider;
  catalog: ServiceCatalog;
  municipality: Municipality;
  calendarLinks: CalendarLinks;
  phone: PhoneLine;
  /** "Now" for reading date wishes such as "morgen"; the provider has its own clock. */
  clock: () => Date;
}
