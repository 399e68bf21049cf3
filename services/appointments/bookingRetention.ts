/**
 * How long a booking record (with the resident's name and e-mail or phone) is kept: until
 * BOOKING_RETENTION_DAYS after the appointment, or after it was cancelled or moved away. Pure;
 * every booking store deletes by `bookingRetentionCutoff` against `retentionStartOf`
 * (PostgreSQL: `coalesce(closed_at, end_at)`, as closed_at is set exactly when a record is no longer booked).
 */
import type { Booking } from '../../stores/bookings/bookingStore.js';
import { parseInstant } from '../brusselsTime.js';

export const DEFAULT_BOOKING_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment a record's retention period starts: when it was closed (cancelled, moved), else the end of the appointment. */
function retentionStartOf(booking: Pick<Booking, 'end' | 'closedAt'>): number {
  return parseInstant(booking.closedAt ?? booking.end);
}

/** Records whose retention started before this moment are deleted. */
export function bookingRetentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export function isBookingExpired(booking: Pick<Booking, 'end' | 'closedAt'>, now: Date, retentionDays: number): boolean {
  return retentionStartOf(booking) < bookingRetentionCutoff(now, retentionDays).getTime();
}
