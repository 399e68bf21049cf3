/**
 * Where bookings are kept. Written as operations (not as one document) so that a PostgreSQL
 * store can implement each one as a single transaction, e.g. `insertIfRoom` as
 * BEGIN; lock the day; SELECT overlapping; INSERT; COMMIT.
 */

export type BookingStatus = 'booked' | 'cancelled' | 'moved';

export interface BookingContact {
  kind: 'email' | 'phone';
  /** Normalised: e-mail trimmed and lower case, phone in E.164. */
  value: string;
}

/**
 * One appointment record. Moving an appointment closes the record as `moved` and adds a
 * new record with the same code and `revision + 1`, so the resident keeps the code and the
 * calendar entry (same UID, higher SEQUENCE) is updated instead of duplicated.
 */
export interface Booking {
  /** Formatted booking code, e.g. K7M-4QT. Unique among active bookings; shared by the revisions of one appointment. */
  code: string;
  service: string;
  counter: string;
  /** ISO 8601 with Brussels' offset, e.g. 2026-03-30T09:00:00+02:00. */
  start: string;
  end: string;
  name: string;
  contact: BookingContact;
  status: BookingStatus;
  /** ISO 8601 (UTC). */
  createdAt: string;
  /** The activity id that created this record (idempotency of retried turns). */
  requestId: string;
  /** 0 for the first booking, +1 for each move. */
  revision: number;
  /** The activity id that cancelled or moved this record away, once it is no longer `booked`. */
  closedByRequestId?: string;
  closedAt?: string;
}

export type OccupiedTime = Pick<Booking, 'service' | 'counter' | 'start' | 'end' | 'status'>;

/** Which places a booking may take: the capacity rule of one appointment type. */
export interface RoomRule {
  service: string;
  /** In order of preference. */
  counters: readonly string[];
  capacity: number;
}

export interface NewBooking {
  service: string;
  start: string;
  end: string;
  name: string;
  contact: BookingContact;
  createdAt: string;
  requestId: string;
}

export type InsertOutcome =
  | { kind: 'inserted'; booking: Booking }
  /** A record with this requestId already exists: nothing was written. */
  | { kind: 'replayed'; booking: Booking }
  | { kind: 'full' };

export interface MoveRequest {
  code: string;
  /** The active record's start as the caller saw it: the move fails if the booking changed since. */
  expectedStart: string;
  newStart: string;
  newEnd: string;
  requestId: string;
  movedAt: string;
  room: RoomRule;
}

export type MoveOutcome =
  | { kind: 'moved'; previous: Booking; booking: Booking }
  | { kind: 'replayed'; previous: Booking; booking: Booking }
  | { kind: 'full' }
  /** No active record with that code and start (cancelled or moved meanwhile). */
  | { kind: 'notActive' };

export interface CancelRequest {
  code: string;
  expectedStart: string;
  requestId: string;
  cancelledAt: string;
}

export type CancelOutcome = { kind: 'cancelled'; booking: Booking } | { kind: 'replayed'; booking: Booking } | { kind: 'notActive' };

export interface BookingStore {
  /** The record created by this request (booking or move), if any. */
  findByRequestId(requestId: string): Promise<Booking | undefined>;
  /** All records with this (formatted) code, oldest revision first. */
  findByCode(code: string): Promise<Booking[]>;
  /** Active (`booked`) records overlapping [from, to), both ISO instants, ordered by start (staff view). */
  activeBetween(from: string, to: string): Promise<Booking[]>;
  /**
   * The places active bookings take in [from, to), in any order: what slot search needs, without
   * personal data and cheap to produce (SQL: SELECT service, counter, start, end ... WHERE status = 'booked').
   */
  occupiedBetween(from: string, to: string): Promise<OccupiedTime[]>;
  /**
   * In one transaction: if a record with `booking.requestId` exists, return it; otherwise find a
   * counter with room under `room` and insert with a fresh code from `newCode` (retried on collision).
   */
  insertIfRoom(booking: NewBooking, room: RoomRule, newCode: () => string): Promise<InsertOutcome>;
  /**
   * In one transaction: the active record with `code` and `expectedStart` becomes `moved` and a
   * new revision takes a place at the new time. The old place does not count against the new one.
   */
  moveIfRoom(request: MoveRequest): Promise<MoveOutcome>;
  /** In one transaction: the active record with `code` and `expectedStart` becomes `cancelled`. */
  cancelActive(request: CancelRequest): Promise<CancelOutcome>;
  /**
   * Deletes the records `retentionDays` past their appointment, or past their cancellation or move
   * (services/appointments/bookingRetention.ts); returns how many.
   */
  deleteExpired(now: Date, retentionDays: number): Promise<number>;
}
