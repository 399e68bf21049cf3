import { describe, expect, it } from 'vitest';
import { benchSlotSearch } from '../../bench/slotSearchBench.js';

describe('benchSlotSearch', () => {
  it('searches a six-week horizon with 10,000 bookings and reports percentiles', async () => {
    const result = await benchSlotSearch();
    expect(result).toMatchObject({ bookings: 10_000, horizonDays: 42 });
    expect(result.searches).toBeGreaterThanOrEqual(100);
    expect(result.p50Ms).toBeGreaterThan(0);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(Number.isFinite(result.p99Ms)).toBe(true);
  });
});
