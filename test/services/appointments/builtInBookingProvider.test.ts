import { describe, expect, it } from 'vitest';
import type { BookRequest } from '../../../services/appointments/bookingProvider.js';
import type { Booking } from '../../../stores/bookings/bookingStore.js';
import { bookingAt, brussels, providerAt } from './fixtures.js';

// Monday 2 March 2026, 07:00 in Brussels.
const NOW = brussels('2026-03-02', '07:00');
const TUESDAY_9 = '2026-03-03T09:00:00+01:00';
const email = { kind: 'email' as const, value: 'An.Janssens@Example.org' };

function request(extra: Partial<BookRequest> = {}): BookRequest {
  return { service: 'rijbewijs', start: TUESDAY_9, name: '  An   Janssens ', contact: email, requestId: 'act-1', ...extra };
}

async function booked(setup: ReturnType<typeof providerAt>, extra: Partial<BookRequest> = {}): Promise<Booking> {
  const result = await setup.provider.book(request(extra));
  if (!result.ok) throw new Error(`booking failed: ${result.failure.code}`);
  return result.booking;
}

describe('book', () => {
  it('books a free slot with a readable code and normalised details', async () => {
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    expect(booking).toMatchObject({
      service: 'rijbewijs',
      counter: 'loket-3',
      start: TUESDAY_9,
      end: '2026-03-03T09:30:00+01:00',
      name: 'An Janssens',
      contact: { kind: 'email', value: 'an.janssens@example.org' },
      status: 'booked',
      requestId: 'act-1',
      revision: 0,
      createdAt: NOW.toISOString(),
    });
    expect(booking.code).toMatch(/^[34679AFHJKMRTUVX]{3}-[34679AFHJKMRTUVX]{3}$/);
    expect(setup.document.read().bookings).toHaveLength(1);
  });

  it('stores the start in Brussels time whatever offset the caller used', async () => {
    const booking = await booked(providerAt(NOW), { start: '2026-03-03T08:00:00Z' });
    expect(booking.start).toBe(TUESDAY_9);
  });

  it('lets exactly one of 50 simultaneous residents take the last place', async () => {
    const setup = providerAt(NOW);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        setup.provider.book(request({ requestId: `act-${i}`, contact: { kind: 'phone', value: `+3247000${String(i).padStart(4, '0')}` } })),
      ),
    );
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    const losers = results.filter((result) => !result.ok);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      expect(loser.ok === false && loser.failure.code).toBe('slotTaken');
      if (!loser.ok && loser.failure.code === 'slotTaken') {
        expect(loser.failure.nextFree.map((slot) => slot.time)).toEqual(['09:30', '09:45', '10:00']);
      }
    }
    const active = setup.document.read().bookings.filter((b) => b.status === 'booked' && b.start === TUESDAY_9);
    expect(active).toHaveLength(1);
  });

  it('books once when the same turn arrives twice, also at the same moment', async () => {
    const setup = providerAt(NOW);
    const [first, second] = await Promise.all([setup.provider.book(request()), setup.provider.book(request())]);
    const third = await setup.provider.book(request({ start: '2026-03-03T10:00:00+01:00' }));
    expect(first.ok && second.ok && third.ok).toBe(true);
    if (first.ok && second.ok && third.ok) {
      expect(second.booking.code).toBe(first.booking.code);
      expect(third.booking).toEqual(first.booking);
    }
    expect(setup.document.read().bookings).toHaveLength(1);
  });

  it('refuses a start that is not a bookable slot, with the next free ones', async () => {
    const setup = providerAt(NOW);
    const result = await setup.provider.book(request({ start: '2026-03-03T12:00:00+01:00' }));
    expect(result).toMatchObject({ ok: false, failure: { code: 'notBookable', reason: { code: 'outsideHours' } } });
    if (!result.ok && result.failure.code === 'notBookable') expect(result.failure.nextFree).toHaveLength(3);
    expect(await setup.provider.book(request({ start: '2026-04-06T09:00:00+02:00', requestId: 'x' }))).toMatchObject({
      failure: { code: 'notBookable', reason: { code: 'closedDay', day: '2026-04-06' } },
    });
    expect(await setup.provider.book(request({ service: 'parking', requestId: 'y' }))).toEqual({
      ok: false,
      failure: { code: 'unknownService' },
    });
    expect(setup.document.read().bookings).toHaveLength(0);
  });

  it('refuses a phone number that is not in E.164', async () => {
    await expect(providerAt(NOW).provider.book(request({ contact: { kind: 'phone', value: '0470 12 34 56' } }))).rejects.toThrow(/E\.164/);
  });
});

describe('freeSlots and matchWish', () => {
  it('leave out taken places', async () => {
    const setup = providerAt(NOW);
    await booked(setup);
    const slots = await setup.provider.freeSlots({ service: 'rijbewijs', from: '2026-03-03', limit: 3 });
    expect(slots.map((slot) => slot.time)).toEqual(['08:30', '09:30', '09:45']);
    const wish = await setup.provider.matchWish({ service: 'rijbewijs', wish: { day: '2026-03-03', time: '09:00' } });
    expect(wish).toMatchObject({ kind: 'noMatch', reason: { code: 'full' } });
  });
});

describe('cancel', () => {
  it('cancels with the code in any form and the contact in any case', async () => {
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    const typed = booking.code.toLowerCase().replace('-', '');
    const result = await setup.provider.cancel({
      code: typed,
      contact: { kind: 'email', value: 'AN.JANSSENS@example.ORG ' },
      attemptKey: 'conv-1',
      requestId: 'act-2',
    });
    expect(result).toMatchObject({ ok: true, booking: { code: booking.code, status: 'cancelled', closedByRequestId: 'act-2' } });
    const slots = await setup.provider.freeSlots({ service: 'rijbewijs', from: '2026-03-03', limit: 2 });
    expect(slots.map((slot) => slot.time)).toEqual(['08:30', '08:45']);
    // The same turn again: same answer. A new turn: already cancelled.
    expect(await setup.provider.cancel({ code: typed, contact: email, attemptKey: 'conv-1', requestId: 'act-2' })).toEqual(result);
    expect(await setup.provider.cancel({ code: typed, contact: email, attemptKey: 'conv-1', requestId: 'act-3' })).toEqual({
      ok: false,
      failure: { code: 'alreadyCancelled' },
    });
  });

  it('answers a wrong code and a wrong contact in the same way', async () => {
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    const otherCode = booking.code === 'AAA-AAA' ? 'AAA-AAF' : 'AAA-AAA';
    const wrongCode = await setup.provider.cancel({ code: otherCode, contact: email, attemptKey: 'c', requestId: 'r1' });
    const wrongContact = await setup.provider.cancel({
      code: booking.code,
      contact: { kind: 'email', value: 'someone@example.org' },
      attemptKey: 'c',
      requestId: 'r2',
    });
    const wrongKind = await setup.provider.cancel({
      code: booking.code,
      contact: { kind: 'phone', value: '+32470123456' },
      attemptKey: 'c',
      requestId: 'r3',
    });
    const unreadable = await setup.provider.cancel({ code: 'hello', contact: email, attemptKey: 'c', requestId: 'r4' });
    for (const result of [wrongCode, wrongContact, wrongKind, unreadable])
      expect(result).toEqual({ ok: false, failure: { code: 'notFound' } });
    expect(setup.document.read().bookings[0]!.status).toBe('booked');
  });

  it('blocks a key after five wrong attempts for fifteen minutes, even with the right code', async () => {
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    const wrong = { code: booking.code, contact: { kind: 'email' as const, value: 'guess@example.org' }, attemptKey: 'conv-x' };
    for (let i = 0; i < 5; i += 1) {
      expect(await setup.provider.cancel({ ...wrong, requestId: `w${i}` })).toMatchObject({ failure: { code: 'notFound' } });
    }
    const right = { code: booking.code, contact: email, attemptKey: 'conv-x', requestId: 'right' };
    const blocked = await setup.provider.cancel(right);
    expect(blocked).toEqual({
      ok: false,
      failure: { code: 'tooManyAttempts', retryAfter: new Date(NOW.getTime() + 15 * 60_000).toISOString() },
    });
    expect(await setup.provider.move({ ...right, newStart: '2026-03-03T10:00:00+01:00' })).toMatchObject({
      failure: { code: 'tooManyAttempts' },
    });
    expect(await setup.provider.lookup(right)).toMatchObject({ failure: { code: 'tooManyAttempts' } });
    // Another conversation is not blocked.
    expect(await setup.provider.lookup({ ...right, attemptKey: 'conv-y' })).toMatchObject({ ok: true, booking: { code: booking.code } });
    setup.clock.now = new Date(NOW.getTime() + 15 * 60_000 + 1);
    expect(await setup.provider.cancel(right)).toMatchObject({ ok: true });
  });

  it('does not cancel an appointment that has started', async () => {
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    setup.clock.now = new Date(TUESDAY_9);
    expect(await setup.provider.cancel({ code: booking.code, contact: email, attemptKey: 'c', requestId: 'late' })).toEqual({
      ok: false,
      failure: { code: 'alreadyStarted' },
    });
  });
});

describe('move', () => {
  const access = (code: string, requestId = 'move-1') => ({ code, contact: email, attemptKey: 'conv-1', requestId });

  it('moves to a new time, keeps the code and frees the old place', async () => {
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    const result = await setup.provider.move({ ...access(booking.code), newStart: '2026-03-04T14:00:00+01:00' });
    expect(result).toMatchObject({
      ok: true,
      previous: { code: booking.code, start: TUESDAY_9, status: 'moved', closedByRequestId: 'move-1' },
      booking: { code: booking.code, start: '2026-03-04T14:00:00+01:00', status: 'booked', revision: 1, name: 'An Janssens' },
    });
    const slots = await setup.provider.freeSlots({ service: 'rijbewijs', from: TUESDAY_9, limit: 1 });
    expect(slots[0]?.start).toBe(TUESDAY_9);
    expect(await setup.provider.lookup(access(booking.code))).toMatchObject({ booking: { revision: 1, status: 'booked' } });
    // The retried turn gets the same answer and nothing moves twice.
    expect(await setup.provider.move({ ...access(booking.code), newStart: '2026-03-04T14:00:00+01:00' })).toEqual(result);
    expect(setup.document.read().bookings).toHaveLength(2);
  });

  it('keeps the old appointment when the new time is taken', async () => {
    const taken = bookingAt('eid-afhaling', 'loket-3', '2026-03-04', '10:00', '10:15');
    const setup = providerAt(NOW, [taken]);
    const booking = await booked(setup);
    const result = await setup.provider.move({ ...access(booking.code), newStart: '2026-03-04T10:00:00+01:00' });
    expect(result).toMatchObject({ ok: false, failure: { code: 'slotTaken' } });
    if (!result.ok && result.failure.code === 'slotTaken') {
      expect(result.failure.nextFree.map((slot) => slot.start)).toEqual([
        '2026-03-04T10:15:00+01:00',
        '2026-03-04T10:30:00+01:00',
        '2026-03-04T10:45:00+01:00',
      ]);
    }
    const mine = setup.document.read().bookings.filter((b) => b.code === booking.code);
    expect(mine).toEqual([booking]);
  });

  it('may overlap its own old place', async () => {
    // One driving-licence counter: 09:00-09:30 → 09:15-09:45 only fits if the old place does not count.
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    const result = await setup.provider.move({ ...access(booking.code), newStart: '2026-03-03T09:15:00+01:00' });
    expect(result).toMatchObject({ ok: true, booking: { start: '2026-03-03T09:15:00+01:00' } });
  });

  it('refuses a closed day and keeps the booking', async () => {
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    const result = await setup.provider.move({ ...access(booking.code), newStart: '2026-03-08T10:00:00+01:00' });
    expect(result).toMatchObject({ ok: false, failure: { code: 'notBookable', reason: { code: 'closedDay' } } });
    expect(setup.document.read().bookings).toEqual([booking]);
  });

  it('answers a wrong contact with notFound and counts it', async () => {
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    const wrong = { ...access(booking.code), contact: { kind: 'email' as const, value: 'x@example.org' } };
    for (let i = 0; i < 5; i += 1) {
      expect(await setup.provider.move({ ...wrong, requestId: `m${i}`, newStart: '2026-03-04T10:00:00+01:00' })).toEqual({
        ok: false,
        failure: { code: 'notFound' },
      });
    }
    expect(await setup.provider.move({ ...access(booking.code), newStart: '2026-03-04T10:00:00+01:00' })).toMatchObject({
      failure: { code: 'tooManyAttempts' },
    });
    expect(setup.document.read().bookings).toEqual([booking]);
  });

  it('leaves exactly one active appointment when two moves and a cancel race', async () => {
    const setup = providerAt(NOW);
    const booking = await booked(setup);
    const results = await Promise.all([
      setup.provider.move({ ...access(booking.code, 'a'), newStart: '2026-03-04T09:00:00+01:00' }),
      setup.provider.move({ ...access(booking.code, 'b'), newStart: '2026-03-05T09:00:00+01:00' }),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const active = setup.document.read().bookings.filter((b) => b.code === booking.code && b.status === 'booked');
    expect(active).toHaveLength(1);
    expect(active[0]!.revision).toBe(2);

    const [cancelled, moved] = await Promise.all([
      setup.provider.cancel(access(booking.code, 'c')),
      setup.provider.move({ ...access(booking.code, 'd'), newStart: '2026-03-06T09:00:00+01:00' }),
    ]);
    expect(cancelled.ok).toBe(true);
    expect(moved).toEqual({ ok: false, failure: { code: 'alreadyCancelled' } });
    expect(setup.document.read().bookings.filter((b) => b.code === booking.code && b.status === 'booked')).toHaveLength(0);
  });
});

describe('findForStaff', () => {
  it('lists the day per counter, in order, without cancelled or other days', async () => {
    const seed = [
      bookingAt('reispas', 'loket-1', '2026-03-03', '11:00', '11:30'),
      bookingAt('eid-aanvraag', 'loket-1', '2026-03-03', '09:00', '09:15'),
      bookingAt('attest-loket', 'loket-2', '2026-03-03', '10:00', '10:15', { status: 'cancelled' }),
      bookingAt('attest-loket', 'loket-2', '2026-03-04', '10:00', '10:15'),
      bookingAt('rijbewijs', 'loket-3', '2026-03-03', '15:30', '16:00'),
    ];
    const { provider } = providerAt(NOW, seed);
    const day = await provider.findForStaff('2026-03-03');
    expect(day.day).toBe('2026-03-03');
    expect(day.counters.map((c) => [c.counter, c.bookings.map((b) => b.start.slice(11, 16))])).toEqual([
      ['loket-1', ['09:00', '11:00']],
      ['loket-2', []],
      ['loket-3', ['15:30']],
    ]);
    await expect(provider.findForStaff('3 maart')).rejects.toThrow(RangeError);
  });
});

describe('unknown appointment types', () => {
  it('are a caller bug when searching', async () => {
    const { provider } = providerAt(NOW);
    await expect(provider.freeSlots({ service: 'parking' })).rejects.toThrow(RangeError);
    await expect(provider.matchWish({ service: 'parking', wish: {} })).rejects.toThrow(RangeError);
  });
});
