/**
 * What the appointment dialog needs from an appointment system. The built-in provider keeps
 * bookings in our own store; an external appointment system can implement the same interface.
 * Expected failures are typed results, never exceptions, so the dialog can re-ask or offer a person.
 */
import type { Booking, BookingContact } from '../../stores/bookings/bookingStore.js';
import type { FreeSlot, SlotWish, Unbookable, WishResult } from './slots.js';

interface FreeSlotQuery {
  service: string;
  /** 'YYYY-MM-DD' or an ISO instant. */
  from?: string;
  limit?: number;
}

interface WishQuery {
  service: string;
  wish: SlotWish;
  limit?: number;
  alternatives?: number;
}

export interface BookRequest {
  service: string;
  /** A slot's `start` (ISO 8601). */
  start: string;
  name: string;
  /** E-mail as typed (compared case-insensitively) or a phone number already in E.164. */
  contact: BookingContact;
  /** The activity id of the turn: a retried turn returns the first result and books once. */
  requestId: string;
}

/** Proof that the resident owns a booking: the code plus the contact given when booking. */
export interface BookingAccess {
  /** As the resident typed it: lower case and a missing dash are fine. */
  code: string;
  contact: BookingContact;
  /** Wrong attempts are limited per this key, e.g. the conversation id. */
  attemptKey: string;
}

interface CancelBookingRequest extends BookingAccess {
  requestId: string;
}

interface MoveBookingRequest extends BookingAccess {
  newStart: string;
  requestId: string;
}

/** Wrong code and wrong contact look the same, so a failure reveals nothing about other bookings. */
export type AccessFailure = { code: 'notFound' } | { code: 'tooManyAttempts'; retryAfter: string };

type SlotFailure =
  | { code: 'unknownService' }
  /** The start is not bookable whatever the bookings (past, closed, outside hours, ...). */
  | { code: 'notBookable'; reason: Unbookable; nextFree: FreeSlot[] }
  /** Someone else took the last place first. */
  | { code: 'slotTaken'; nextFree: FreeSlot[] };

/** Correct code and contact, but nothing left to change. */
export type ClosedBookingFailure = { code: 'alreadyCancelled' } | { code: 'alreadyStarted' };

export type BookResult = { ok: true; booking: Booking } | { ok: false; failure: SlotFailure };
export type LookupResult = { ok: true; booking: Booking } | { ok: false; failure: AccessFailure };
export type CancelResult = { ok: true; booking: Booking } | { ok: false; failure: AccessFailure | ClosedBookingFailure };
export type MoveResult =
  { ok: true; booking: Booking; previous: Booking } | { ok: false; failure: AccessFailure | ClosedBookingFailure | SlotFailure };

export interface StaffDay {
  day: string;
  /** Every counter, in catalog order, with its active bookings ordered by start. */
  counters: Array<{ counter: string; bookings: Booking[] }>;
}

export interface BookingProvider {
  /** The earliest free slots (default 10). An unknown service id is a caller bug: RangeError. */
  freeSlots(query: FreeSlotQuery): Promise<FreeSlot[]>;
  /** Free slots that fit a wish, or why none does plus the nearest free slots. Unknown service: RangeError. */
  matchWish(query: WishQuery): Promise<WishResult>;
  book(request: BookRequest): Promise<BookResult>;
  /** The current state of a booking (latest revision), after checking code and contact. */
  lookup(access: BookingAccess): Promise<LookupResult>;
  cancel(request: CancelBookingRequest): Promise<CancelResult>;
  /** Takes the new place and frees the old one in one step: on failure the old booking stays. */
  move(request: MoveBookingRequest): Promise<MoveResult>;
  /** One day's active bookings per counter, for the counter staff. */
  findForStaff(day: string): Promise<StaffDay>;
}
