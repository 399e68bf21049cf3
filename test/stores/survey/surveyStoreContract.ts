import { describe, expect, it } from 'vitest';
import type { SurveyStores } from '../../../stores/survey/openSurveyStores.js';
import { countSurveyRows } from '../../../services/survey/surveyCounts.js';
import { InvalidSurveyRowError, type SurveyResponse } from '../../../services/survey/surveyResponse.js';
import { generateSyntheticSurveyRows } from '../../../services/survey/syntheticSurvey.js';
import { rows } from '../../services/survey/surveyFixtures.js';

export interface SurveyStorePair {
  store: SurveyStores;
  /** A second instance on the same data (another process on the same database, or the same documents). */
  twin: SurveyStores;
}

/** A clock the test moves: stores read `now()` on every call. */
function movableClock(iso: string) {
  let current = new Date(iso);
  return { now: () => current, set: (next: string) => (current = new Date(next)) };
}

const byId = (a: SurveyResponse, b: SurveyResponse) => (a.id < b.id ? -1 : 1);

/**
 * The SurveyStore and OutcomeStore contract, run against every implementation. `make` returns stores
 * on fresh, empty data that read the time from `now`.
 */
export function describeSurveyStores(name: string, make: (now: () => Date) => Promise<SurveyStorePair>): void {
  describe(`${name} (SurveyStore contract)`, () => {
    it('stores a row once per request id, and replaces a row with the same id for a new request', async () => {
      const {
        store: { surveyStore: store },
      } = await make(movableClock('2026-03-10T10:00:00Z').now);
      const [row] = rows(1, '2026-03-10', { awareness: 'used' });
      expect(await store.add(row!, 'webchat|c1|a1')).toEqual({ stored: true });
      // A retry of the same request with other content changes nothing.
      expect(await store.add({ ...row!, answers: { awareness: 'unaware' } }, 'webchat|c1|a1')).toEqual({ stored: false });
      expect(await store.add({ ...row!, answers: { awareness: 'used', satisfaction: 4 } }, 'webchat|c1|a2')).toEqual({ stored: true });
      expect(await store.list({ from: '2026-03-01', to: '2026-03-31' })).toEqual([
        { ...row!, answers: { awareness: 'used', satisfaction: 4 } },
      ]);
    });

    it('stores a retried request once when it reaches both instances at the same moment', async () => {
      const { now } = movableClock('2026-03-10T10:00:00Z');
      const { store, twin } = await make(now);
      const [row] = rows(1, '2026-03-10', { awareness: 'used' });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? store : twin).surveyStore.add(row!, 'webchat|c1|retried')),
      );
      expect(results.filter((result) => result.stored)).toHaveLength(1);
      expect(await twin.surveyStore.list({ from: '2026-03-10', to: '2026-03-10' })).toEqual([row]);
    });

    it('still knows a request from yesterday, and forgets requests once their day is over by a day', async () => {
      const clock = movableClock('2026-03-10T22:50:00Z'); // 23:50 in Brussels
      const {
        store: { surveyStore: store },
      } = await make(clock.now);
      const [row] = rows(1, '2026-03-10', { awareness: 'used' });
      await store.add(row!, 'late');
      clock.set('2026-03-10T23:10:00Z'); // 00:10 on the 11th
      expect(await store.add({ ...row!, answers: { awareness: 'unaware' } }, 'late')).toEqual({ stored: false });
      clock.set('2026-03-12T10:00:00Z');
      expect(await store.add({ ...row!, answers: { awareness: 'unaware' } }, 'late')).toEqual({ stored: true });
    });

    it('lists rows inside the range only, ordered by day and then id', async () => {
      const {
        store: { surveyStore: store },
      } = await make(movableClock('2026-03-10T10:00:00Z').now);
      const all = [
        ...rows(1, '2026-03-02', { awareness: 'used' }),
        ...rows(1, '2026-02-28', {}),
        ...rows(2, '2026-03-01', { satisfaction: 3 }),
        ...rows(1, '2026-04-01', {}),
      ];
      for (const [index, row] of [...all].reverse().entries()) await store.add(row, `r${index}`);
      const listed = await store.list({ from: '2026-03-01', to: '2026-03-31' });
      expect(listed).toEqual([...all.filter((row) => row.day === '2026-03-01').sort(byId), all[0]]);
    });

    it('refuses rows with extra fields or free text, and stores nothing of them', async () => {
      const {
        store: { surveyStore: store },
      } = await make(movableClock('2026-03-10T10:00:00Z').now);
      const [row] = rows(1, '2026-03-10', {});
      await expect(store.add({ ...row!, userId: 'u-1' } as SurveyResponse, 'r1')).rejects.toBeInstanceOf(InvalidSurveyRowError);
      await expect(
        store.add({ ...row!, answers: { satisfaction: 'heel goed' } } as unknown as SurveyResponse, 'r2'),
      ).rejects.toBeInstanceOf(InvalidSurveyRowError);
      expect(await store.list({ from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
      // The refused request ids were not used up.
      expect(await store.add(row!, 'r1')).toEqual({ stored: true });
    });

    it('adds synthetic rows in one go and removes only those', async () => {
      const {
        store: { surveyStore: store },
      } = await make(movableClock('2026-03-10T10:00:00Z').now);
      const real = rows(2, '2026-03-10', { awareness: 'used' });
      for (const [index, row] of real.entries()) await store.add(row, `real-${index}`);
      const synthetic = generateSyntheticSurveyRows({ count: 50, from: '2026-01-01', seed: 7 });
      expect(await store.addSynthetic(synthetic)).toBe(50);
      expect(await store.addSynthetic(synthetic)).toBe(0); // same seed, same ids: nothing twice
      const listed = await store.list({ from: '2026-01-01', to: '2026-12-31' });
      expect(listed).toHaveLength(52);
      expect(listed.filter((row) => row.synthetic).sort(byId)).toEqual([...synthetic].sort(byId));
      await expect(store.addSynthetic(real)).rejects.toThrow('synthetic');
      expect(await store.removeSynthetic()).toBe(50);
      expect(await store.list({ from: '2026-01-01', to: '2026-12-31' })).toEqual(real.sort(byId));
    });

    it('counts the rows of a range for the report exactly as counting the listed rows does', async () => {
      const {
        store: { surveyStore: store },
      } = await make(movableClock('2026-03-10T10:00:00Z').now);
      await store.addSynthetic(generateSyntheticSurveyRows({ count: 400, from: '2025-11-01', seed: 3 }));
      const real = [
        ...rows(3, '2026-01-31', { awareness: 'unaware', satisfaction: 2, bookingChannel: 'phone', ageBracket: '65+' }),
        ...rows(2, '2026-02-01', { bookingChannel: 'online' }),
        ...rows(1, '2026-02-02', { ageBracket: '18-34', appointmentPreference: 'walkIn' }),
        ...rows(1, '2026-02-03', {}),
      ];
      for (const [index, row] of real.entries()) await store.add(row, `real-${index}`);
      for (const range of [
        { from: '2025-12-15', to: '2026-02-10' },
        { from: '2026-02-01', to: '2026-02-01' },
        { from: '2020-01-01', to: '2020-12-31' },
      ]) {
        const counts = await store.reportCounts(range);
        expect(counts).toEqual(countSurveyRows(await store.list(range), range));
      }
      const counts = await store.reportCounts({ from: '2026-01-31', to: '2026-02-03' });
      expect(counts.bookingChannelByAge['65+'].phone).toBeGreaterThanOrEqual(3);
      expect(counts.months['2026-02']!.responses).toBeGreaterThanOrEqual(4);
    });
  });

  describe(`${name} (OutcomeStore contract)`, () => {
    const mark = (conversationKey: string, day = '2026-03-10', channel = 'webchat') => ({ conversationKey, day, channel });

    it('counts each conversation once with its final outcome; started-only ones as abandoned once the day is closed', async () => {
      const clock = movableClock('2026-03-10T10:00:00Z');
      const {
        store: { outcomeStore: store },
      } = await make(clock.now);
      await store.start(mark('a'));
      await store.start(mark('a'));
      expect(await store.record({ ...mark('a'), outcome: 'resolved' })).toBe('resolved');
      await store.start(mark('b'));
      expect(await store.record({ ...mark('b'), outcome: 'escalated' })).toBe('escalated');
      // Escalated stays escalated when the resident later says goodbye.
      expect(await store.record({ ...mark('b'), outcome: 'resolved' })).toBe('escalated');
      await store.start(mark('c'));
      await store.start(mark('d', '2026-03-10', 'sms'));
      await store.record({ ...mark('e'), outcome: 'resolved' }); // recorded without a start

      // Still open today and tomorrow (a conversation may run past midnight).
      expect(await store.counts({ from: '2026-03-01', to: '2026-03-31' })).toEqual([]);
      clock.set('2026-03-11T23:00:00Z'); // 00:00 on the 12th in Brussels
      const counts = await store.counts({ from: '2026-03-01', to: '2026-03-31' });
      expect(counts).toEqual(
        expect.arrayContaining([
          { day: '2026-03-10', channel: 'webchat', outcome: 'resolved', count: 2 },
          { day: '2026-03-10', channel: 'webchat', outcome: 'escalated', count: 1 },
          { day: '2026-03-10', channel: 'webchat', outcome: 'abandoned', count: 1 },
          { day: '2026-03-10', channel: 'sms', outcome: 'abandoned', count: 1 },
        ]),
      );
      expect(counts).toHaveLength(4);
      expect(await store.counts({ from: '2026-03-11', to: '2026-03-31' })).toEqual([]);
    });

    it('finds a conversation that started yesterday, so it counts on its first day only', async () => {
      const clock = movableClock('2026-03-10T22:50:00Z'); // 23:50 in Brussels
      const {
        store: { outcomeStore: store },
      } = await make(clock.now);
      await store.start(mark('late', '2026-03-10'));
      clock.set('2026-03-10T23:10:00Z');
      await store.record({ ...mark('late', '2026-03-11'), outcome: 'resolved' });
      clock.set('2026-03-13T10:00:00Z');
      expect(await store.counts({ from: '2026-03-01', to: '2026-03-31' })).toEqual([
        { day: '2026-03-10', channel: 'webchat', outcome: 'resolved', count: 1 },
      ]);
    });

    it('counts a conversation marked at both instances at once only once, with the outcome that wins', async () => {
      const clock = movableClock('2026-03-10T10:00:00Z');
      const { store, twin } = await make(clock.now);
      await Promise.all([
        store.outcomeStore.start(mark('x')),
        twin.outcomeStore.record({ ...mark('x'), outcome: 'escalated' }),
        store.outcomeStore.record({ ...mark('x'), outcome: 'resolved' }),
        twin.outcomeStore.start(mark('x')),
      ]);
      clock.set('2026-03-12T10:00:00Z');
      expect(await twin.outcomeStore.counts({ from: '2026-03-10', to: '2026-03-10' })).toEqual([
        { day: '2026-03-10', channel: 'webchat', outcome: 'escalated', count: 1 },
      ]);
      // Closing again (the other instance) adds nothing twice.
      expect(await store.outcomeStore.counts({ from: '2026-03-10', to: '2026-03-10' })).toHaveLength(1);
    });

    it('counts conversations apart by whether they started outside the opening hours; the first mark decides, none is unknown', async () => {
      const clock = movableClock('2026-03-10T10:00:00Z');
      const { store, twin } = await make(clock.now);
      await store.outcomeStore.start({ ...mark('evening'), openingHours: 'outside' });
      // A later mark at another hour does not move the conversation: it started outside.
      expect(await twin.outcomeStore.record({ ...mark('evening'), openingHours: 'inside', outcome: 'resolved' })).toBe('resolved');
      await store.outcomeStore.start({ ...mark('morning'), openingHours: 'inside' });
      await store.outcomeStore.record({ ...mark('sunday'), openingHours: 'outside', outcome: 'escalated' });
      await store.outcomeStore.start(mark('unflagged')); // as marked before the flag existed
      clock.set('2026-03-12T10:00:00Z');
      const counts = await twin.outcomeStore.counts({ from: '2026-03-10', to: '2026-03-10' });
      expect(counts).toEqual(
        expect.arrayContaining([
          { day: '2026-03-10', channel: 'webchat', outcome: 'resolved', count: 1, openingHours: 'outside' },
          { day: '2026-03-10', channel: 'webchat', outcome: 'escalated', count: 1, openingHours: 'outside' },
          { day: '2026-03-10', channel: 'webchat', outcome: 'abandoned', count: 1, openingHours: 'inside' },
          { day: '2026-03-10', channel: 'webchat', outcome: 'abandoned', count: 1 },
        ]),
      );
      expect(counts).toHaveLength(4);
      await expect(store.outcomeStore.start({ ...mark('x'), openingHours: 'evening' as unknown as 'inside' })).rejects.toBeInstanceOf(
        InvalidSurveyRowError,
      );
    });

    it('refuses a channel that is not a channel id, and an empty conversation key', async () => {
      const {
        store: { outcomeStore: store },
      } = await make(movableClock('2026-03-10T10:00:00Z').now);
      await expect(store.start(mark('x', '2026-03-10', 'Jan Peeters'))).rejects.toBeInstanceOf(InvalidSurveyRowError);
      await expect(store.record({ ...mark(''), outcome: 'resolved' })).rejects.toThrow('conversationKey');
    });
  });
}
