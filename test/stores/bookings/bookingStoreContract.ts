import { describe, expect, it } from 'vitest';
import type { Booking, BookingStore, MoveRequest, NewBooking, RoomRule } from '../../../stores/bookings/bookingStore.js';

export interface BookingStores {
  store: BookingStore;
  /** A second instance on the same data (another process on the same database, or the same document). */
  twin: BookingStore;
}

/** Two counters; at most two residents of this type at once. */
export const ID_CARD: RoomRule = { service: 'eid', counters: ['loket-1', 'loket-2'], capacity: 2 };
/** Shares loket-2 with ID_CARD, one at a time. */
const DRIVING_LICENCE: RoomRule = { service: 'rijbewijs', counters: ['loket-2'], capacity: 1 };

const NINE = '2026-03-30T09:00:00+02:00';
const NINE_FIFTEEN = '2026-03-30T09:15:00+02:00';
const NINE_THIRTY = '2026-03-30T09:30:00+02:00';
const TEN = '2026-03-30T10:00:00+02:00';
const TEN_FIFTEEN = '2026-03-30T10:15:00+02:00';

export function newBooking(requestId: string, overrides: Partial<NewBooking> = {}): NewBooking {
  return {
    service: 'eid',
    start: NINE,
    end: NINE_FIFTEEN,
    name: 'An Peeters',
    contact: { kind: 'email', value: 'an@example.org' },
    createdAt: '2026-03-02T08:00:00.000Z',
    requestId,
    ...overrides,
  };
}

/** Codes in the order given, then fresh ones. */
function codes(...given: string[]): () => string {
  let serial = 0;
  return () => given.shift() ?? `T${String((serial += 1)).padStart(2, '0')}-${Math.random().toString(36).slice(2, 5).toUpperCase()}`;
}

async function book(store: BookingStore, requestId: string, overrides: Partial<NewBooking> = {}, room = ID_CARD, code?: string) {
  const outcome = await store.insertIfRoom(newBooking(requestId, overrides), room, codes(...(code ? [code] : [])));
  if (outcome.kind !== 'inserted') throw new Error(`expected a booking, got ${outcome.kind}`);
  return outcome.booking;
}

/** Cancels `booking` on 3 March 2026 (the resident's request); throws when it was not active. */
async function cancelOn3March(store: BookingStore, booking: Booking): Promise<void> {
  const outcome = await store.cancelActive({
    code: booking.code,
    expectedStart: booking.start,
    requestId: `cancel-${booking.requestId}`,
    cancelledAt: '2026-03-03T08:00:00.000Z',
  });
  if (outcome.kind !== 'cancelled') throw new Error(`expected a cancellation, got ${outcome.kind}`);
}

/** The resident's move of booking `code` on 5 March 2026, from nine to ten unless `overrides` say otherwise. */
function moveToTen(code: string, requestId: string, overrides: Partial<MoveRequest> = {}): MoveRequest {
  return {
    code,
    expectedStart: NINE,
    newStart: TEN,
    newEnd: TEN_FIFTEEN,
    requestId,
    movedAt: '2026-03-05T08:00:00.000Z',
    room: ID_CARD,
    ...overrides,
  };
}

/** The BookingStore contract, run against every implementation; `make` returns stores on fresh, empty data. */
export function describeBookingStore(name: string, make: () => Promise<BookingStores>): void {
  describe(`${name} (BookingStore contract)`, () => {
    it('deletes records the retention period past their appointment, cancellation or move, and keeps the rest', async () => {
      const { store } = await make();
      // Appointments on 30 March 2026 (09:00-09:15 Brussels = 07:15 UTC end).
      const attended = await book(store, 'attended');
      const cancelled = await book(store, 'cancelled', { start: NINE_THIRTY, end: TEN });
      await cancelOn3March(store, cancelled);
      const later = await book(store, 'later', { start: '2026-05-04T09:00:00+02:00', end: '2026-05-04T09:15:00+02:00' });

      // 30 days after the cancellation (3 March) but not yet after the appointment (30 March).
      expect(await store.deleteExpired(new Date('2026-04-02T09:00:00Z'), 30)).toBe(1);
      expect(await store.findByCode(cancelled.code)).toEqual([]);
      expect(await store.findByCode(attended.code)).toHaveLength(1);

      // One minute before 30 days after the appointment ended: kept; one minute after: deleted.
      expect(await store.deleteExpired(new Date('2026-04-29T07:14:00Z'), 30)).toBe(0);
      expect(await store.deleteExpired(new Date('2026-04-29T07:16:00Z'), 30)).toBe(1);
      expect(await store.findByRequestId('attended')).toBeUndefined();
      expect(await store.findByCode(later.code)).toHaveLength(1);
    });

    it('books the first counter with room, with a fresh code, revision 0, and finds it again', async () => {
      const { store } = await make();
      const outcome = await store.insertIfRoom(newBooking('r1'), ID_CARD, codes('K7M-4QT'));
      const expected: Booking = { ...newBooking('r1'), code: 'K7M-4QT', counter: 'loket-1', status: 'booked', revision: 0 };
      expect(outcome).toEqual({ kind: 'inserted', booking: expected });
      expect(await store.findByRequestId('r1')).toEqual(expected);
      expect(await store.findByRequestId('other')).toBeUndefined();
      expect(await store.findByCode('K7M-4QT')).toEqual([expected]);
      expect(await store.findByCode('XXX-XXX')).toEqual([]);
    });

    it('returns the first record for a request id it has seen, and writes nothing', async () => {
      const { store } = await make();
      const first = await book(store, 'r1');
      const again = await store.insertIfRoom(newBooking('r1', { start: TEN, end: TEN_FIFTEEN }), ID_CARD, codes());
      expect(again).toEqual({ kind: 'replayed', booking: first });
      expect(await store.activeBetween(NINE, TEN_FIFTEEN)).toEqual([first]);
    });

    it('draws another code when the first one is taken', async () => {
      const { store } = await make();
      await book(store, 'r1', {}, ID_CARD, 'AAA-333');
      const outcome = await store.insertIfRoom(newBooking('r2'), ID_CARD, codes('AAA-333', 'AAA-333', 'FFF-444'));
      expect(outcome).toMatchObject({ kind: 'inserted', booking: { code: 'FFF-444' } });
    });

    it('keeps to the capacity and to one resident per counter, across appointment types', async () => {
      const { store } = await make();
      expect((await book(store, 'a')).counter).toBe('loket-1');
      expect((await book(store, 'b')).counter).toBe('loket-2');
      expect(await store.insertIfRoom(newBooking('c'), ID_CARD, codes())).toEqual({ kind: 'full' });
      // loket-2 is busy with an ID card from 9:00 to 9:15; from 9:15 it is free.
      expect(await store.insertIfRoom(newBooking('d', { service: 'rijbewijs' }), DRIVING_LICENCE, codes())).toEqual({ kind: 'full' });
      expect((await book(store, 'e', { service: 'rijbewijs', start: NINE_FIFTEEN, end: NINE_THIRTY }, DRIVING_LICENCE)).counter).toBe(
        'loket-2',
      );
      // Capacity 2 of ID cards at 9:15: loket-1 free, loket-2 taken by the driving licence.
      expect((await book(store, 'f', { start: NINE_FIFTEEN, end: NINE_THIRTY })).counter).toBe('loket-1');
      expect(await store.insertIfRoom(newBooking('g', { start: NINE_FIFTEEN, end: NINE_THIRTY }), ID_CARD, codes())).toEqual({
        kind: 'full',
      });
    });

    it('lets exactly one of 20 residents at two instances take the last place', async () => {
      const { store, twin } = await make();
      await book(store, 'first');
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? store : twin).insertIfRoom(newBooking(`race-${index}`), ID_CARD, codes()),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.kind === 'inserted')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.kind === 'full')).toHaveLength(19);
      expect(await store.occupiedBetween(NINE, NINE_FIFTEEN)).toHaveLength(2);
    });

    it('stores one record when the same request arrives at both instances at once', async () => {
      const { store, twin } = await make();
      const outcomes = await Promise.all([
        store.insertIfRoom(newBooking('retried'), ID_CARD, codes()),
        twin.insertIfRoom(newBooking('retried'), ID_CARD, codes()),
        store.insertIfRoom(newBooking('retried'), ID_CARD, codes()),
      ]);
      expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['inserted', 'replayed', 'replayed']);
      const codesSeen = new Set(outcomes.map((outcome) => (outcome.kind === 'full' ? undefined : outcome.booking.code)));
      expect(codesSeen.size).toBe(1);
      expect(await store.activeBetween(NINE, NINE_FIFTEEN)).toHaveLength(1);
    });

    it('lists active records overlapping a window by start, and the places they take without personal data', async () => {
      const { store } = await make();
      const ten = await book(store, 'ten', { start: TEN, end: TEN_FIFTEEN });
      const nine = await book(store, 'nine');
      const cancelled = await book(store, 'cancelled', { start: NINE_FIFTEEN, end: NINE_THIRTY });
      await cancelOn3March(store, cancelled);
      expect(await store.activeBetween(NINE, '2026-03-30T11:00:00+02:00')).toEqual([nine, ten]);
      expect(await store.activeBetween(NINE_FIFTEEN, TEN)).toEqual([]);
      // The end is exclusive, the start inclusive; instants compare whatever offset they are written in.
      expect(await store.activeBetween('2026-03-30T07:14:59Z', '2026-03-30T07:15:01Z')).toEqual([nine]);
      const occupied = await store.occupiedBetween(NINE, '2026-03-30T11:00:00+02:00');
      expect(occupied.sort((a, b) => a.start.localeCompare(b.start))).toEqual([
        { service: 'eid', counter: 'loket-1', start: NINE, end: NINE_FIFTEEN, status: 'booked' },
        { service: 'eid', counter: 'loket-1', start: TEN, end: TEN_FIFTEEN, status: 'booked' },
      ]);
    });

    it('moves to a new time in one step: the old record becomes moved, a new revision keeps the code', async () => {
      const { store } = await make();
      const original = await book(store, 'book', {}, ID_CARD, 'K7M-4QT');
      const move = moveToTen('K7M-4QT', 'move');
      const outcome = await store.moveIfRoom(move);
      const previous: Booking = { ...original, status: 'moved', closedByRequestId: 'move', closedAt: '2026-03-05T08:00:00.000Z' };
      const next: Booking = {
        ...original,
        start: TEN,
        end: TEN_FIFTEEN,
        counter: 'loket-1',
        createdAt: '2026-03-05T08:00:00.000Z',
        requestId: 'move',
        revision: 1,
      };
      expect(outcome).toEqual({ kind: 'moved', previous, booking: next });
      expect(await store.findByCode('K7M-4QT')).toEqual([previous, next]);
      expect(await store.occupiedBetween(NINE, NINE_FIFTEEN)).toEqual([]);
      // The same move again (a retried turn) changes nothing.
      expect(await store.moveIfRoom(move)).toEqual({ kind: 'replayed', previous, booking: next });
      expect(await store.findByCode('K7M-4QT')).toHaveLength(2);
    });

    it('may move into its own old place, and keeps the booking when the new time is full or it changed meanwhile', async () => {
      const { store } = await make();
      await book(store, 'a', {}, ID_CARD, 'AAA-333');
      await book(store, 'b', {}, ID_CARD, 'FFF-444');
      const overlapping = moveToTen('AAA-333', 'm1', { newStart: '2026-03-30T09:05:00+02:00', newEnd: '2026-03-30T09:20:00+02:00' });
      expect(await store.moveIfRoom(overlapping)).toMatchObject({ kind: 'moved', booking: { counter: 'loket-1', revision: 1 } });
      await book(store, 'c', { start: TEN, end: TEN_FIFTEEN });
      await book(store, 'd', { start: TEN, end: TEN_FIFTEEN });
      const toFull = moveToTen('FFF-444', 'm2');
      expect(await store.moveIfRoom(toFull)).toEqual({ kind: 'full' });
      expect(await store.findByCode('FFF-444')).toMatchObject([{ status: 'booked', start: NINE }]);
      expect(await store.moveIfRoom({ ...toFull, expectedStart: TEN, requestId: 'm3' })).toEqual({ kind: 'notActive' });
      expect(await store.moveIfRoom({ ...toFull, code: 'XXX-XXX', requestId: 'm4' })).toEqual({ kind: 'notActive' });
    });

    it('cancels the active record once; a retried cancel returns it, a stale one finds nothing', async () => {
      const { store } = await make();
      const booked = await book(store, 'book', {}, ID_CARD, 'K7M-4QT');
      const cancel = { code: 'K7M-4QT', expectedStart: NINE, requestId: 'cancel', cancelledAt: '2026-03-03T08:00:00.000Z' };
      const cancelled: Booking = { ...booked, status: 'cancelled', closedByRequestId: 'cancel', closedAt: '2026-03-03T08:00:00.000Z' };
      expect(await store.cancelActive(cancel)).toEqual({ kind: 'cancelled', booking: cancelled });
      expect(await store.cancelActive(cancel)).toEqual({ kind: 'replayed', booking: cancelled });
      expect(await store.cancelActive({ ...cancel, requestId: 'other' })).toEqual({ kind: 'notActive' });
      expect(await store.occupiedBetween(NINE, NINE_FIFTEEN)).toEqual([]);
      expect(await store.findByRequestId('book')).toEqual(cancelled);
    });

    it('leaves exactly one active record when two moves and a cancel of one booking race at two instances', async () => {
      const { store, twin } = await make();
      await book(store, 'book', {}, ID_CARD, 'K7M-4QT');
      const outcomes = await Promise.all([
        store.moveIfRoom(moveToTen('K7M-4QT', 'move-a')),
        twin.moveIfRoom(moveToTen('K7M-4QT', 'move-b', { newStart: NINE_THIRTY, newEnd: TEN })),
        twin.cancelActive({ code: 'K7M-4QT', expectedStart: NINE, requestId: 'cancel', cancelledAt: '2026-03-05T08:00:00.000Z' }),
      ]);
      const won = outcomes.filter((outcome) => outcome.kind === 'moved' || outcome.kind === 'cancelled');
      expect(won).toHaveLength(1);
      const records = await store.findByCode('K7M-4QT');
      expect(records.filter((record) => record.status === 'booked')).toHaveLength(won[0]!.kind === 'moved' ? 1 : 0);
      expect(records).toHaveLength(won[0]!.kind === 'moved' ? 2 : 1);
    });

    it('lets exactly one of a move and 10 new bookings at two instances take the last place', async () => {
      const { store, twin } = await make();
      await book(store, 'moving', {}, ID_CARD, 'K7M-4QT');
      await book(store, 'ten', { start: TEN, end: TEN_FIFTEEN });
      const outcomes = await Promise.all([
        twin.moveIfRoom(moveToTen('K7M-4QT', 'move')),
        ...Array.from({ length: 10 }, (_, index) =>
          (index % 2 === 0 ? store : twin).insertIfRoom(newBooking(`new-${index}`, { start: TEN, end: TEN_FIFTEEN }), ID_CARD, codes()),
        ),
      ]);
      expect(outcomes.filter((outcome) => outcome.kind === 'moved' || outcome.kind === 'inserted')).toHaveLength(1);
      expect(await store.occupiedBetween(TEN, TEN_FIFTEEN)).toHaveLength(2);
    });

    it('shares no objects with callers', async () => {
      const { store } = await make();
      const booked = await book(store, 'r1', {}, ID_CARD, 'K7M-4QT');
      booked.contact.value = 'changed@example.org';
      const [found] = await store.findByCode('K7M-4QT');
      expect(found!.contact.value).toBe('an@example.org');
      found!.contact.value = 'changed@example.org';
      expect((await store.findByRequestId('r1'))!.contact.value).toBe('an@example.org');
    });
  });
}
