import { describe, expect, it } from 'vitest';
import type { AttemptStore } from '../../../stores/attempts/attemptStore.js';

export interface AttemptStores {
  store: AttemptStore;
  /** A second instance on the same data (another process on the same database, or the same memory). */
  twin: AttemptStore;
}

const T0 = new Date('2026-03-02T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const WINDOW = 15 * 60_000;

/** The AttemptStore contract, run against every implementation; `make` gives stores on fresh, empty data. */
export function describeAttemptStore(name: string, make: () => Promise<AttemptStores>): void {
  describe(`${name} (AttemptStore contract)`, () => {
    it('counts the attempts of both instances together, newest first', async () => {
      const { store, twin } = await make();
      await store.record('k', at(1), WINDOW);
      await twin.record('k', at(2), WINDOW);
      await store.record('k', at(3), WINDOW);
      expect(await twin.recent('k', T0, 10)).toEqual([at(3), at(2), at(1)]);
      expect(await store.recent('k', T0, 2)).toEqual([at(3), at(2)]);
    });

    it('gives only attempts after `since`, and keeps keys apart', async () => {
      const { store } = await make();
      await store.record('k', at(10), WINDOW);
      await store.record('k', at(20), WINDOW);
      await store.record('other', at(15), WINDOW);
      expect(await store.recent('k', at(10), 10)).toEqual([at(20)]);
      expect(await store.recent('nobody', T0, 10)).toEqual([]);
    });

    it('counts as many attempts made at once at both instances as were made', async () => {
      const { store, twin } = await make();
      await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 ? store : twin).record('flood', at(index + 1), WINDOW)));
      expect(await store.recent('flood', T0, 100)).toHaveLength(20);
    });

    it('reset at one instance forgets the key at both', async () => {
      const { store, twin } = await make();
      await store.record('k', at(1), WINDOW);
      await twin.reset('k');
      expect(await store.recent('k', T0, 10)).toEqual([]);
    });
  });
}
