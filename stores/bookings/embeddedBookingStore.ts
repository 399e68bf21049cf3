/**
 * BookingStore on one DurableDocument (lowdb in production, memoryDocument in tests).
 * Every check-then-write runs inside one synchronous `update`, so within the single process
 * that owns the file no two requests can take the same last place.
 */
import type { DurableDocument } from '../embedded/durableDocument.js';
import type {
  Booking,
  BookingStore,
  CancelOutcome,
  CancelRequest,
  InsertOutcome,
  MoveOutcome,
  MoveRequest,
  NewBooking,
  OccupiedTime,
  RoomRule,
} from './bookingStore.js';
import { countersWithRoom, type OccupiedPlace } from '../../services/appointments/slots.js';
import { isBookingExpired } from '../../services/appointments/bookingRetention.js';
import { parseInstant } from '../../services/brusselsTime.js';

export interface BookingDocument {
  bookings: Booking[];
}

/** Fresh codes collide about once in millions; give up loudly rather than loop forever. */
const CODE_ATTEMPTS = 20;

export function createEmbeddedBookingStore(document: DurableDocument<BookingDocument>): BookingStore {
  return {
    deleteExpired(now, retentionDays) {
      return document.update((draft) => {
        const before = draft.bookings.length;
        draft.bookings = draft.bookings.filter((booking) => !isBookingExpired(booking, now, retentionDays));
        return before - draft.bookings.length;
      });
    },

    async findByRequestId(requestId) {
      return copy(document.read().bookings.find((booking) => booking.requestId === requestId));
    },

    async findByCode(code) {
      return document
        .read()
        .bookings.filter((booking) => booking.code === code)
        .sort((a, b) => a.revision - b.revision)
        .map((booking) => structuredClone(booking));
    },

    async activeBetween(from, to) {
      const fromMs = parseInstant(from);
      const toMs = parseInstant(to);
      const found: Array<{ startMs: number; booking: Booking }> = [];
      for (const booking of document.read().bookings) {
        if (booking.status !== 'booked') continue;
        const startMs = parseInstant(booking.start);
        if (startMs < toMs && parseInstant(booking.end) > fromMs) found.push({ startMs, booking });
      }
      found.sort((a, b) => a.startMs - b.startMs);
      return found.map(({ booking }) => ({ ...booking, contact: { ...booking.contact } }));
    },

    async occupiedBetween(from, to) {
      const fromMs = parseInstant(from);
      const toMs = parseInstant(to);
      const found: OccupiedTime[] = [];
      for (const { service, counter, start, end, status } of document.read().bookings) {
        if (status === 'booked' && parseInstant(start) < toMs && parseInstant(end) > fromMs) {
          found.push({ service, counter, start, end, status });
        }
      }
      return found;
    },

    insertIfRoom(booking, room, newCode) {
      return document.update((draft): InsertOutcome => {
        const existing = draft.bookings.find((record) => record.requestId === booking.requestId);
        if (existing) return { kind: 'replayed', booking: structuredClone(existing) };
        const counter = firstCounterWithRoom(draft.bookings, booking, room);
        if (counter === undefined) return { kind: 'full' };
        const record: Booking = {
          ...structuredClone(booking),
          code: uniqueCode(draft.bookings, newCode),
          counter,
          status: 'booked',
          revision: 0,
        };
        draft.bookings.push(record);
        return { kind: 'inserted', booking: structuredClone(record) };
      });
    },

    moveIfRoom(request: MoveRequest) {
      return document.update((draft): MoveOutcome => {
        const replay = draft.bookings.find((record) => record.requestId === request.requestId);
        if (replay) {
          const previous = draft.bookings.find((record) => record.code === replay.code && record.closedByRequestId === request.requestId);
          if (previous) return { kind: 'replayed', previous: structuredClone(previous), booking: structuredClone(replay) };
        }
        const current = draft.bookings.find(
          (record) => record.code === request.code && record.status === 'booked' && record.start === request.expectedStart,
        );
        if (!current) return { kind: 'notActive' };
        const others = draft.bookings.filter((record) => record !== current);
        const counter = firstCounterWithRoom(others, { start: request.newStart, end: request.newEnd }, request.room);
        if (counter === undefined) return { kind: 'full' };
        current.status = 'moved';
        current.closedByRequestId = request.requestId;
        current.closedAt = request.movedAt;
        const next: Booking = {
          code: current.code,
          service: current.service,
          counter,
          start: request.newStart,
          end: request.newEnd,
          name: current.name,
          contact: { ...current.contact },
          status: 'booked',
          createdAt: request.movedAt,
          requestId: request.requestId,
          revision: current.revision + 1,
        };
        draft.bookings.push(next);
        return { kind: 'moved', previous: structuredClone(current), booking: structuredClone(next) };
      });
    },

    cancelActive(request: CancelRequest) {
      return document.update((draft): CancelOutcome => {
        const replay = draft.bookings.find((record) => record.code === request.code && record.closedByRequestId === request.requestId);
        if (replay?.status === 'cancelled') return { kind: 'replayed', booking: structuredClone(replay) };
        const current = draft.bookings.find(
          (record) => record.code === request.code && record.status === 'booked' && record.start === request.expectedStart,
        );
        if (!current) return { kind: 'notActive' };
        current.status = 'cancelled';
        current.closedByRequestId = request.requestId;
        current.closedAt = request.cancelledAt;
        return { kind: 'cancelled', booking: structuredClone(current) };
      });
    },
  };
}

function firstCounterWithRoom(bookings: readonly Booking[], wanted: Pick<NewBooking, 'start' | 'end'>, room: RoomRule): string | undefined {
  const startMs = parseInstant(wanted.start);
  const endMs = parseInstant(wanted.end);
  return countersWithRoom(activePlaces(bookings), startMs, endMs, room)[0];
}

function activePlaces(bookings: readonly Booking[]): OccupiedPlace[] {
  const places: OccupiedPlace[] = [];
  for (const booking of bookings) {
    if (booking.status !== 'booked') continue;
    places.push({
      service: booking.service,
      counter: booking.counter,
      startMs: parseInstant(booking.start),
      endMs: parseInstant(booking.end),
    });
  }
  return places;
}

function uniqueCode(bookings: readonly Booking[], newCode: () => string): string {
  const taken = new Set(bookings.map((booking) => booking.code));
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
    const code = newCode();
    if (!taken.has(code)) return code;
  }
  throw new Error(`no free booking code after ${CODE_ATTEMPTS} attempts`);
}

function copy(booking: Booking | undefined): Booking | undefined {
  return booking === undefined ? undefined : structuredClone(booking);
}
