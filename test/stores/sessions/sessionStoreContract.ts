import { describe, expect, it } from 'vitest';
import type { SessionStore } from '../../../stores/sessions/sessionStore.js';

export interface SessionStores {
  store: SessionStore;
  /** A second instance on the same data (another process on the same database, or the same document). */
  twin: SessionStore;
}

const T0 = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const HOUR = 60 * 60_000;

/** The SessionStore contract, run against every implementation; `make` gives stores on fresh, empty data. */
export function describeSessionStore(name: string, make: () => Promise<SessionStores>): void {
  describe(`${name} (SessionStore contract)`, () => {
    it('a session made at one instance is found at the other until it has been idle for its ttl', async () => {
      const { store, twin } = await make();
      await store.create({ key: 'k-an', subject: 'staff:an', ttlMs: HOUR }, T0);
      expect(await twin.touch('k-an', at(50))).toEqual({ subject: 'staff:an', expiresAt: at(110) });
      // Sliding: used at 50 minutes, so still open at 100, at either instance.
      expect((await store.touch('k-an', at(100)))?.subject).toBe('staff:an');
      expect(await twin.touch('k-an', at(161))).toBeUndefined();
      expect(await store.touch('k-an', at(161))).toBeUndefined();
    });

    it('an ended session stays ended: touching it later does not bring it back', async () => {
      const { store } = await make();
      await store.create({ key: 'k-bo', subject: 'staff:bo', ttlMs: HOUR }, T0);
      expect(await store.touch('k-bo', at(61))).toBeUndefined();
      expect(await store.touch('k-bo', at(62))).toBeUndefined();
    });

    it('destroy at one instance signs out at the other; unknown keys are nobody', async () => {
      const { store, twin } = await make();
      await store.create({ key: 'k-an', subject: 'staff:an', ttlMs: HOUR }, T0);
      await store.create({ key: 'k-dash', subject: 'reports', ttlMs: 8 * HOUR }, T0);
      await twin.destroy('k-an');
      expect(await store.touch('k-an', at(1))).toBeUndefined();
      expect((await store.touch('k-dash', at(1)))?.subject).toBe('reports');
      expect(await store.touch('never-made', at(1))).toBeUndefined();
      await store.destroy('never-made');
    });

    it('keeps each session its own ttl', async () => {
      const { store } = await make();
      await store.create({ key: 'short', subject: 'staff:an', ttlMs: 10 * 60_000 }, T0);
      await store.create({ key: 'long', subject: 'reports', ttlMs: 8 * HOUR }, T0);
      expect(await store.touch('short', at(11))).toBeUndefined();
      expect((await store.touch('long', at(11)))?.expiresAt).toEqual(at(11 + 8 * 60));
    });

    it('moves the end in steps: a touch within a minute may keep the earlier end, never an earlier one than that', async () => {
      const { store } = await make();
      await store.create({ key: 'k', subject: 'staff:an', ttlMs: HOUR }, T0);
      const first = await store.touch('k', new Date(T0.getTime() + 30_000));
      expect(first!.expiresAt.getTime()).toBeGreaterThanOrEqual(at(60).getTime());
      expect(first!.expiresAt.getTime()).toBeLessThanOrEqual(at(60.5).getTime());
    });
  });
}
