import { afterEach, describe, expect, it } from 'vitest';
import {
  checkBookableStart,
  countersWithRoom,
  freeSlots,
  generateFreeSlots,
  indexBookingsByDay,
  matchWish,
  type FreeSlot,
} from '../../../services/appointments/slots.js';
import { bookingAt, brussels, LOKET_HOURS, searchFor, storedBooking } from './fixtures.js';
import { brusselsInstant, brusselsIso } from '../../../services/brusselsTime.js';

// Monday 2 March 2026, 07:00 in Brussels (winter time, UTC+1). Lead time 2 h, horizon 42 days.
const MONDAY_7 = brussels('2026-03-02', '07:00');

const times = (slots: FreeSlot[]) => slots.map((slot) => `${slot.day} ${slot.time}`);

describe('freeSlots', () => {
  it('starts after the lead time and on the slot grid', () => {
    const slots = freeSlots(searchFor('eid-aanvraag', MONDAY_7, { limit: 3 }));
    expect(times(slots)).toEqual(['2026-03-02 09:00', '2026-03-02 09:15', '2026-03-02 09:30']);
    expect(slots[0]).toMatchObject({
      start: '2026-03-02T09:00:00+01:00',
      end: '2026-03-02T09:15:00+01:00',
      endTime: '09:15',
      places: 3,
      service: 'eid-aanvraag',
    });
  });

  it('ends every slot by closing time and skips the lunch break', () => {
    // A 30-minute passport appointment: the last morning slot is 11:30, the afternoon opens at 13:30.
    const slots = freeSlots(searchFor('reispas', MONDAY_7, { from: '2026-03-03', limit: 20 }));
    const tuesday = times(slots).filter((slot) => slot.startsWith('2026-03-03'));
    expect(tuesday).toContain('2026-03-03 11:30');
    expect(tuesday).not.toContain('2026-03-03 11:45');
    expect(tuesday[tuesday.indexOf('2026-03-03 11:30') + 1]).toBe('2026-03-03 13:30');
    const lastOfDay = [...generateFreeSlots(searchFor('reispas', MONDAY_7, { from: '2026-03-03' }))]
      .filter((slot) => slot.day === '2026-03-03')
      .at(-1);
    expect(lastOfDay).toMatchObject({ time: '15:30', endTime: '16:00' });
  });

  it('honours a lead time that ends after the morning closes', () => {
    const slots = freeSlots(searchFor('eid-aanvraag', brussels('2026-03-02', '10:05'), { limit: 1 }));
    expect(times(slots)).toEqual(['2026-03-02 13:30']);
  });

  it('skips a holiday and Sundays', () => {
    // Saturday 4 April: morning only; Sunday closed; Easter Monday 6 April closed.
    const slots = [...generateFreeSlots(searchFor('eid-aanvraag', MONDAY_7, { from: '2026-04-04' }))];
    const days = new Set(slots.map((slot) => slot.day));
    expect(days.has('2026-04-04')).toBe(true);
    expect(days.has('2026-04-05')).toBe(false);
    expect(days.has('2026-04-06')).toBe(false);
    expect(slots.find((slot) => slot.day > '2026-04-04')?.day).toBe('2026-04-07');
  });

  it('stops at the booking horizon', () => {
    const all = [...generateFreeSlots(searchFor('eid-aanvraag', MONDAY_7))];
    // Today + 42 days = Monday 13 April.
    expect(all.at(-1)).toMatchObject({ day: '2026-04-13', time: '15:45' });
    expect(freeSlots(searchFor('eid-aanvraag', MONDAY_7, { from: '2026-04-14' }))).toEqual([]);
  });

  it('counts overlapping active bookings against capacity and counters', () => {
    const bookings = [
      // The only driving-licence counter is busy 09:00-09:30.
      bookingAt('rijbewijs', 'loket-3', '2026-03-03', '09:00', '09:30'),
      // Another service takes loket-3 at 10:00: the counter is still busy for driving licences.
      bookingAt('eid-afhaling', 'loket-3', '2026-03-03', '10:00', '10:15'),
      // Cancelled and other-counter bookings do not take the place.
      bookingAt('rijbewijs', 'loket-3', '2026-03-03', '11:00', '11:30', { status: 'cancelled' }),
      bookingAt('eid-aanvraag', 'loket-1', '2026-03-03', '11:00', '11:15'),
    ];
    const slots = [...generateFreeSlots(searchFor('rijbewijs', MONDAY_7, { from: '2026-03-03', bookings }))]
      .filter((slot) => slot.day === '2026-03-03' && slot.time < '12:00')
      .map((slot) => slot.time);
    expect(slots.slice(0, 4)).toEqual(['08:30', '09:30', '10:15', '10:30']);
    expect(slots).toContain('11:00');
  });

  it('limits a service to its capacity even when a counter is still free', () => {
    // attest-loket: capacity 2 over three counters.
    const at = (counter: string) => bookingAt('attest-loket', counter, '2026-03-03', '10:00', '10:15');
    const one = freeSlots(searchFor('attest-loket', MONDAY_7, { from: '2026-03-03T10:00:00+01:00', limit: 1, bookings: [at('loket-2')] }));
    expect(one[0]).toMatchObject({ time: '10:00', places: 1 });
    const two = freeSlots(
      searchFor('attest-loket', MONDAY_7, { from: '2026-03-03T10:00:00+01:00', limit: 1, bookings: [at('loket-2'), at('loket-3')] }),
    );
    expect(two[0]?.time).toBe('10:15');
  });

  it('gives the same answer from a prebuilt day index', () => {
    const bookings = [bookingAt('rijbewijs', 'loket-3', '2026-03-03', '09:00', '09:30')];
    const fromList = freeSlots(searchFor('rijbewijs', MONDAY_7, { from: '2026-03-03', bookings, limit: 5 }));
    const fromIndex = freeSlots(searchFor('rijbewijs', MONDAY_7, { from: '2026-03-03', bookings: indexBookingsByDay(bookings), limit: 5 }));
    expect(fromIndex).toEqual(fromList);
    expect(fromIndex.map((slot) => slot.time)).toEqual(['08:30', '09:30', '09:45', '10:00', '10:15']);
  });

  it('agrees with a plain scan of every booking on a busy random calendar', () => {
    // Seeded pseudo-random bookings of 15 to 60 minutes over two weeks and three counters.
    let state = 42;
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const services = ['eid-aanvraag', 'reispas', 'attest-loket', 'rijbewijs'];
    const bookings = Array.from({ length: 600 }, () => {
      const day = `2026-03-${String(3 + Math.floor(random() * 14)).padStart(2, '0')}`;
      const startMs = brusselsInstant(day, 8 * 60 + 30 + 15 * Math.floor(random() * 28));
      return storedBooking({
        service: services[Math.floor(random() * services.length)]!,
        counter: `loket-${1 + Math.floor(random() * 3)}`,
        start: brusselsIso(startMs),
        end: brusselsIso(startMs + 15 * 60_000 * (1 + Math.floor(random() * 4))),
        status: random() < 0.1 ? 'cancelled' : 'booked',
      });
    });
    const places = bookings
      .filter((booking) => booking.status === 'booked')
      .map((booking) => ({ ...booking, startMs: Date.parse(booking.start), endMs: Date.parse(booking.end) }));
    for (const id of ['attest-loket', 'reispas', 'rijbewijs']) {
      const search = searchFor(id, MONDAY_7, { bookings });
      const room = { service: id, counters: search.service.counters, capacity: search.service.capacity };
      const everyStart = [...generateFreeSlots({ ...search, bookings: [] })];
      const expected = everyStart.flatMap((slot) => {
        const counters = countersWithRoom(places, Date.parse(slot.start), Date.parse(slot.end), room);
        return counters.length === 0 ? [] : [{ ...slot, places: counters.length }];
      });
      const actual = [...generateFreeSlots(search)];
      expect(actual).toEqual(expected);
      expect(actual.length).toBeLessThan(everyStart.length);
    }
  });

  describe('daylight saving time', () => {
    const savedTz = process.env.TZ;
    afterEach(() => {
      process.env.TZ = savedTz;
    });

    it('uses +02:00 after the spring change and +01:00 before it', () => {
      const friday = brussels('2026-03-27', '07:00');
      const slots = [...generateFreeSlots(searchFor('eid-aanvraag', friday))];
      expect(slots.find((slot) => slot.day === '2026-03-27')?.start).toBe('2026-03-27T09:00:00+01:00');
      const monday = slots.find((slot) => slot.day === '2026-03-30');
      expect(monday).toMatchObject({ time: '08:30', start: '2026-03-30T08:30:00+02:00' });
      expect(new Date(monday!.start).toISOString()).toBe('2026-03-30T06:30:00.000Z');
    });

    it('skips the hour the clocks jump over and keeps the repeated hour once', () => {
      const night = { ...LOKET_HOURS, sunday: [['01:00', '04:00']] as const };
      const spring = [...generateFreeSlots(searchFor('eid-aanvraag', brussels('2026-03-27', '07:00'), { weeklyHours: night }))]
        .filter((slot) => slot.day === '2026-03-29')
        .map((slot) => slot.time);
      expect(spring).toEqual(['01:00', '01:15', '01:30', '01:45', '03:00', '03:15', '03:30', '03:45']);
      const autumn = [...generateFreeSlots(searchFor('eid-aanvraag', brussels('2026-10-23', '07:00'), { weeklyHours: night }))].filter(
        (slot) => slot.day === '2026-10-25',
      );
      expect(autumn.map((slot) => slot.time)).toEqual([
        '01:00',
        '01:15',
        '01:30',
        '01:45',
        '02:00',
        '02:15',
        '02:30',
        '02:45',
        '03:00',
        '03:15',
        '03:30',
        '03:45',
      ]);
      expect(autumn.find((slot) => slot.time === '03:00')?.start).toBe('2026-10-25T03:00:00+01:00');
    });

    it('does not depend on the host time zone', () => {
      const search = () => freeSlots(searchFor('reispas', brussels('2026-03-27', '15:00'), { limit: 4 }));
      process.env.TZ = 'UTC';
      const inUtc = search();
      process.env.TZ = 'America/New_York';
      const inNewYork = search();
      process.env.TZ = 'Pacific/Kiritimati';
      expect(search()).toEqual(inUtc);
      expect(inNewYork).toEqual(inUtc);
      expect(times(inUtc)).toEqual(['2026-03-28 09:00', '2026-03-28 09:15', '2026-03-28 09:30', '2026-03-28 09:45']);
    });
  });
});

describe('checkBookableStart', () => {
  const context = () => {
    const { bookings: _unused, ...rest } = searchFor('reispas', MONDAY_7);
    return rest;
  };

  it('accepts a grid start inside the hours', () => {
    expect(checkBookableStart(context(), '2026-03-03T11:30:00+01:00')).toMatchObject({ ok: true });
    expect(checkBookableStart(context(), '2026-03-03T10:30:00Z')).toMatchObject({ ok: true });
  });

  it.each([
    ['2026-03-01T09:00:00+01:00', 'past'],
    ['2026-03-02T08:45:00+01:00', 'tooSoon'],
    ['2026-03-03T11:45:00+01:00', 'outsideHours'],
    ['2026-03-03T09:05:00+01:00', 'outsideHours'],
    ['2026-03-08T10:00:00+01:00', 'closedDay'],
    ['2026-04-06T10:00:00+02:00', 'closedDay'],
    ['2026-04-14T10:00:00+02:00', 'beyondHorizon'],
    ['not a date', 'outsideHours'],
  ])('refuses %s as %s', (start, code) => {
    const result = checkBookableStart(context(), start);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.code).toBe(code);
  });
});

describe('matchWish', () => {
  const search = (extra = {}) => searchFor('eid-aanvraag', MONDAY_7, extra);
  const match = (wish: Parameters<typeof matchWish>[1], extra = {}) => {
    const s = search(extra);
    return matchWish(generateFreeSlots(s), wish, s);
  };

  it('finds slots on the wished day and part of day', () => {
    const result = match({ day: '2026-03-04', partOfDay: 'afternoon' });
    expect(result.kind).toBe('match');
    if (result.kind === 'match')
      expect(times(result.slots)).toEqual([
        '2026-03-04 13:30',
        '2026-03-04 13:45',
        '2026-03-04 14:00',
        '2026-03-04 14:15',
        '2026-03-04 14:30',
      ]);
  });

  it('applies after and before together', () => {
    const result = match({ day: '2026-03-04', after: '10:00', before: '10:30' });
    expect(result.kind === 'match' && times(result.slots)).toEqual(['2026-03-04 10:00', '2026-03-04 10:15']);
  });

  it('matches a time of day without a day at the earliest date', () => {
    const result = match({ after: '17:00' });
    // Only Wednesday stays open until 19:00.
    expect(result.kind === 'match' && result.slots[0]).toMatchObject({ day: '2026-03-04', time: '17:00' });
  });

  it('explains a closed day and offers the nearest open moments', () => {
    const result = match({ day: '2026-04-06', time: '10:00' });
    expect(result).toMatchObject({ kind: 'noMatch', reason: { code: 'closedDay', day: '2026-04-06' } });
    if (result.kind === 'noMatch') expect(times(result.alternatives)).toEqual(['2026-04-07 08:30', '2026-04-07 08:45', '2026-04-07 09:00']);
  });

  it('explains a Sunday as a closed day', () => {
    expect(match({ day: '2026-03-08' })).toMatchObject({ reason: { code: 'closedDay', day: '2026-03-08' } });
  });

  it('explains a past day and offers the earliest slots', () => {
    const result = match({ day: '2026-02-27' });
    expect(result).toMatchObject({ kind: 'noMatch', reason: { code: 'past' } });
    if (result.kind === 'noMatch') expect(times(result.alternatives)).toEqual(['2026-03-02 09:00', '2026-03-02 09:15', '2026-03-02 09:30']);
  });

  it('tells a past time today apart from one inside the lead time', () => {
    const at10 = searchFor('eid-aanvraag', brussels('2026-03-02', '10:00'));
    expect(matchWish(generateFreeSlots(at10), { day: '2026-03-02', time: '09:00' }, at10)).toMatchObject({ reason: { code: 'past' } });
    expect(matchWish(generateFreeSlots(at10), { day: '2026-03-02', time: '11:00' }, at10)).toMatchObject({ reason: { code: 'tooSoon' } });
    expect(matchWish(generateFreeSlots(at10), { day: '2026-03-02', time: '13:30' }, at10)).toMatchObject({ kind: 'match' });
  });

  it('explains a day beyond the horizon and offers the last bookable slots', () => {
    const result = match({ day: '2026-05-20' });
    expect(result).toMatchObject({ reason: { code: 'beyondHorizon', lastDay: '2026-04-13' } });
    if (result.kind === 'noMatch') expect(times(result.alternatives)).toEqual(['2026-04-13 15:15', '2026-04-13 15:30', '2026-04-13 15:45']);
  });

  it('explains a time outside opening hours', () => {
    expect(match({ day: '2026-03-03', time: '18:00' })).toMatchObject({ reason: { code: 'outsideHours' } });
    expect(match({ after: '20:00' })).toMatchObject({ reason: { code: 'outsideHours' } });
  });

  it('explains a full moment and offers the nearest free ones around it', () => {
    const bookings = ['loket-1', 'loket-2', 'loket-3'].map((counter) => bookingAt('eid-aanvraag', counter, '2026-03-03', '10:00', '10:15'));
    const result = match({ day: '2026-03-03', time: '10:00' }, { bookings });
    expect(result).toMatchObject({ kind: 'noMatch', reason: { code: 'full' } });
    if (result.kind === 'noMatch') expect(times(result.alternatives)).toEqual(['2026-03-03 09:45', '2026-03-03 10:15', '2026-03-03 10:30']);
  });

  it('works on a plain list of slots from another system', () => {
    const s = search();
    const list: FreeSlot[] = freeSlots({ ...s, from: '2026-03-05', limit: 4 });
    const result = matchWish(list, { day: '2026-03-05', time: '09:00' }, s);
    expect(result.kind === 'match' && times(result.slots)).toEqual(['2026-03-05 09:00']);
    const missing = matchWish(list, { day: '2026-03-05', time: '09:30' }, s);
    expect(missing).toMatchObject({ reason: { code: 'full' } });
  });
});
