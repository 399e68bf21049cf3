import type { DocumentId } from '../domain/nluContract.js';
import type { Requester } from '../services/municipality/municipalityData.js';
import type { Recognition } from '../nlu/recognizer.js';
import type { VisitWhen } from './appointments/firstMessageWish.js';
import type { HandOver } from './mainDialog.js';

/** What the main dialog gives a capability it starts on an intent: the meaning of the message that started it. */
export interface CapabilityOptions {
  recognition?: Recognition | null;
}

/** Who and what a booking is for, where known: the confirmation lists what to bring for that person. */
export interface BookingFor {
  document?: DocumentId;
  requester?: Requester;
}

/** The result that passes the resident on to booking, with the service chosen, what was said about when and for whom, where known. */
export function handOverToBooking(service?: string, when?: VisitWhen, forWhom: BookingFor = {}): HandOver {
  const { document, requester } = forWhom;
  return {
    handOver: {
      intent: 'appointment.book',
      options: {
        ...(service ? { service } : {}),
        ...(when ? { when } : {}),
        ...(document ? { document } : {}),
        ...(requester ? { requester } : {}),
      },
    },
  };
}

/** The result that passes the resident on to the route of one document (what to do, then booking). */
export function handOverToDocument(document: DocumentId): HandOver {
  return { handOver: { intent: 'document.request', options: { document } } };
}
