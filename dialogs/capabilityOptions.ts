import type { DocumentId } from '../domain/nluContract.js';
import type { Recognition } from '../nlu/recognizer.js';
import type { VisitWhen } from './appointments/firstMessageWish.js';
import type { Intent } from '../domain/nluContract.js';

/**
 * What a capability dialog may end with to pass the resident on to another capability, e.g. a
 * document that needs a visit hands over to `appointment.book` with the service already chosen.
 */
export interface HandOver {
  handOver: { intent: Intent; options?: object };
}

/** What the main dialog gives a capability it starts on an intent: the meaning of the message that started it. */
export interface CapabilityOptions {
  recognition?: Recognition | null;
}

/** The result that passes the resident on to booking, with the service chosen and what was said about when, where known. */
export function handOverToBooking(service?: string, when?: VisitWhen): HandOver {
  return { handOver: { intent: 'appointment.book', options: { ...(service ? { service } : {}), ...(when ? { when } : {}) } } };
}

/** The result that passes the resident on to the route of one document (what to do, then booking). */
export function handOverToDocument(document: DocumentId): HandOver {
  return { handOver: { intent: 'document.request', options: { document } } };
}
