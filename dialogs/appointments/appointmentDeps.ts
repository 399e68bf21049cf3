import type { TurnContext } from 'botbuilder';
import type { DocumentId } from '../../domain/nluContract.js';
import type { BookingProvider } from '../../services/appointments/bookingProvider.js';
import type { CalendarLinks } from '../../services/appointments/calendarLinks.js';
import type { ServiceCatalog } from '../../services/appointments/serviceCatalog.js';
import type { Municipality, Requester } from '../../services/municipality/municipalityData.js';
import type { DocumentFact } from '../../services/municipality/questionCues.js';
import type { PhoneLine } from '../../services/municipality/phoneLine.js';
import type { BookingsMadeHere } from './bookingsMadeHere.js';

/** Questions about the document of a booking, asked in passing ("wat kost dat eigenlijk?"), answered from data/. */
export interface DocumentFacts {
  /** The facts the message asks about (price, delivery, what to bring, validity); empty when it asks none. */
  asked(text: string | undefined): readonly DocumentFact[];
  /** Sends those facts of the document, for the counter route of this requester (or its fastest route: `route`). */
  answer(
    context: TurnContext,
    document: DocumentId,
    requester: Requester | undefined,
    asked: readonly DocumentFact[],
    route?: 'counter' | 'fastest',
  ): Promise<void>;
  /** What to bring and the price at the counter for a visit for this requester; undefined when there is no counter route for them. */
  atCounterFor(context: TurnContext, document: DocumentId, requester: Requester): CounterVisitLines | undefined;
}

/** The lines a booking's confirmation shows for the person the visit is for, in the resident's language. */
export interface CounterVisitLines {
  /** What to bring to request the document. */
  bring: string[];
  /** What to bring later to collect it; empty when it is handed over at once. */
  collectBring: string[];
  price: string;
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
  /** Without it, a question about the document during a booking is not answered in passing. */
  documentFacts?: DocumentFacts;
  /** The bookings made in this conversation; without it, every cancel or move asks the code. */
  madeHere?: BookingsMadeHere;
}
