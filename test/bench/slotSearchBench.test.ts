import { describe, expect, it } from 'vitest';
import { benchSlotSearch, syntheticBookings } from '../../bench/slotSearchBench.js';
import { seededRandom } from '../../services/seededRandom.js';

// The bench's own code on small inputs; its timings are read in `npm run bench`, never asserted here.
describe('benchSlotSearch', () => {
  it('runs the requested searches over the requested bookings and finds slots', async () => {
    const result = await benchSlotSearch({ bookings: 300, searches: 12 });
    expect(result).toMatchObject({ bookings: 300, horizonDays: 42, searches: 12 });
    expect(result.slotsFound).toBeGreaterThan(0);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
  });
});

describe('syntheticBookings', () => {
  it('puts each booking on its own counter and quarter, inside opening hours', () => {
    const bookings = syntheticBookings(seededRandom(7), 500);
    expect(bookings).toHaveLength(500);
    const places = new Set(bookings.map((booking) => `${booking.counter}@${booking.start}`));
    expect(places.size).toBe(500);
    for (const booking of bookings) {
      const time = booking.start.slice(11, 16);
      expect(time >= '08:00' && time < '18:00', booking.start).toBe(true);
      expect(time >= '12:00' && time < '13:00', booking.start).toBe(false);
    }
  });

  it('refuses more bookings than the horizon has places', () => {
    expect(() => syntheticBookings(seededRandom(7), 1_000_000)).toThrow(RangeError);
  });
});
