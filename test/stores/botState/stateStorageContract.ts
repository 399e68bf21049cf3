import { ConversationState, TestAdapter, type Storage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../stores/storeErrors.js';

/** What a promise settled with: its value, or the error it rejected with. */
async function settle(promise: Promise<unknown>): Promise<{ ok: boolean; error?: unknown }> {
  return promise.then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function eTagOf(item: unknown): string {
  const eTag = (item as { eTag?: unknown }).eTag;
  if (typeof eTag !== 'string') throw new Error(`item has no string eTag: ${JSON.stringify(item)}`);
  return eTag;
}

/** A bot that counts its turns in conversation state on `storage` and answers `turn <n>`. */
export function turnCountingBot(storage: Storage): TestAdapter {
  const conversationState = new ConversationState(storage);
  const turns = conversationState.createProperty<number>('turns');
  return new TestAdapter(async (context) => {
    const count = (await turns.get(context, 0)) + 1;
    await turns.set(context, count);
    await conversationState.saveChanges(context);
    await context.sendActivity(`turn ${count}`);
  });
}

/**
 * The contract every botbuilder Storage of ours keeps, run against each implementation.
 * `makeStorage` returns a storage on fresh, empty data for each test.
 */
export function describeStateStorage(name: string, makeStorage: () => Promise<Storage> | Storage): void {
  describe(`${name} (Storage contract)`, () => {
    it('reads back what was written, with an eTag, and leaves out keys that do not exist', async () => {
      const store = await makeStorage();
      const item = { dialogState: { stack: [{ id: 'main', state: { step: 2 } }] }, taal: 'nl', naam: 'Zoë 🏛️' };
      await store.write({ 'webchat/conversations/c1': item });
      const read = await store.read(['webchat/conversations/c1', 'missing']);
      expect(Object.keys(read)).toEqual(['webchat/conversations/c1']);
      const { eTag, ...rest } = read['webchat/conversations/c1'];
      expect(rest).toEqual(item);
      expect(eTagOf({ eTag }).length).toBeGreaterThan(0);
      expect(await store.read([])).toEqual({});
    });

    it('gives every write a new eTag', async () => {
      const store = await makeStorage();
      await store.write({ a: { step: 1 } });
      const first = eTagOf((await store.read(['a'])).a);
      await store.write({ a: { step: 2 } });
      expect(eTagOf((await store.read(['a'])).a)).not.toBe(first);
    });

    it('shares no objects with writers or readers', async () => {
      const store = await makeStorage();
      const item = { stack: ['start'] };
      await store.write({ a: item });
      item.stack.push('changed by writer');
      expect(item).not.toHaveProperty('eTag');
      const read = await store.read(['a']);
      read.a.stack.push('changed by reader');
      expect((await store.read(['a'])).a.stack).toEqual(['start']);
    });

    it('accepts the stored eTag and refuses a stale one with ETAG_CONFLICT, keeping the item', async () => {
      const store = await makeStorage();
      await store.write({ a: { step: 1 } });
      const { a } = await store.read(['a']);
      await store.write({ a: { ...a, step: 2 } });
      const stale = await settle(store.write({ a: { ...a, step: 3 } }));
      expect(stale.ok).toBe(false);
      expect(isStoreError(stale.error, 'ETAG_CONFLICT')).toBe(true);
      // The key is a channel's user or conversation id: not in a message that may reach the logs.
      expect((stale.error as Error).message).not.toContain('"a"');
      expect((await store.read(['a'])).a.step).toBe(2);
    });

    it("overwrites whatever is stored when the write carries '*' or no eTag", async () => {
      const store = await makeStorage();
      await store.write({ a: { step: 1 } });
      await store.write({ a: { step: 2, eTag: '*' } });
      expect((await store.read(['a'])).a.step).toBe(2);
      await store.write({ a: { step: 3 } });
      expect((await store.read(['a'])).a.step).toBe(3);
    });

    it('treats an eTag for an item that does not exist (any more) as a conflict', async () => {
      const store = await makeStorage();
      await store.write({ a: { step: 1 } });
      const { a } = await store.read(['a']);
      await store.delete(['a']);
      expect(isStoreError((await settle(store.write({ a }))).error, 'ETAG_CONFLICT')).toBe(true);
      expect(isStoreError((await settle(store.write({ b: { step: 1, eTag: 'never-stored' } }))).error, 'ETAG_CONFLICT')).toBe(true);
      expect(await store.read(['a', 'b'])).toEqual({});
    });

    it('writes nothing of a batch that has one conflict', async () => {
      const store = await makeStorage();
      await store.write({ a: { step: 1 }, b: { step: 1 } });
      const result = await settle(store.write({ a: { step: 2 }, b: { step: 2, eTag: 'stale' }, c: { step: 2 } }));
      expect(isStoreError(result.error, 'ETAG_CONFLICT')).toBe(true);
      const read = await store.read(['a', 'b', 'c']);
      expect(Object.keys(read).sort()).toEqual(['a', 'b']);
      expect([read.a.step, read.b.step]).toEqual([1, 1]);
    });

    it('deletes the given keys and ignores keys that do not exist', async () => {
      const store = await makeStorage();
      await store.write({ a: { step: 1 }, b: { step: 1 } });
      await store.delete(['a', 'missing']);
      await store.delete([]);
      expect(Object.keys(await store.read(['a', 'b']))).toEqual(['b']);
    });

    it('stores keys named like Object.prototype members as ordinary items', async () => {
      const store = await makeStorage();
      await store.write({ ['__proto__']: { step: 1 }, constructor: { step: 2 } });
      const read = await store.read(['__proto__', 'constructor', 'toString']);
      expect(Object.keys(read).sort()).toEqual(['__proto__', 'constructor']);
      expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    });

    it('refuses items that are not objects', async () => {
      const store = await makeStorage();
      await expect(store.write({ a: 5 })).rejects.toThrow(TypeError);
      expect(await store.read(['a'])).toEqual({});
    });

    it('lets exactly one of several concurrent writers with the same eTag win', async () => {
      const store = await makeStorage();
      await store.write({ a: { writer: 'none' } });
      const { a } = await store.read(['a']);
      const writers = Array.from({ length: 8 }, (_, index) => `writer-${index}`);
      const results = await Promise.all(writers.map((writer) => settle(store.write({ a: { ...a, writer } }))));
      const winners = writers.filter((_, index) => results[index]!.ok);
      expect(winners).toHaveLength(1);
      for (const result of results.filter((candidate) => !candidate.ok)) {
        expect(isStoreError(result.error, 'ETAG_CONFLICT')).toBe(true);
      }
      expect((await store.read(['a'])).a.writer).toBe(winners[0]);
    });

    it("keeps every concurrent '*' write to different keys", async () => {
      const store = await makeStorage();
      const keys = Array.from({ length: 12 }, (_, index) => `user-${index}`);
      await Promise.all(keys.map((key) => store.write({ [key]: { owner: key } })));
      const read = await store.read(keys);
      expect(keys.map((key) => read[key]?.owner)).toEqual(keys);
    });

    it('carries conversation state from turn to turn through botbuilder', async () => {
      const adapter = turnCountingBot(await makeStorage());
      await adapter.send('hallo').assertReply('turn 1').send('nog eens').assertReply('turn 2').send('en nog eens').assertReply('turn 3');
    });
  });
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Expiry, the same in every Storage of ours (stores/botState/stateExpiry.ts): conversation state is
 * gone a day after its last save and user state three months after, by key, whether or not its data
 * was deleted yet. `makeStorage(now)` returns a storage on fresh, empty data whose clock is `now`.
 */
export function describeStateExpiry(name: string, makeStorage: (now: () => Date) => Promise<Storage> | Storage): void {
  describe(`${name} (expiry contract)`, () => {
    const conversationKey = 'webchat/conversations/c-1/';
    const userKey = 'webchat/users/u-1/';

    it('treats conversation state as gone a day and user state three months after their last save', async () => {
      let now = Date.parse('2026-03-02T10:00:00Z');
      const store = await makeStorage(() => new Date(now));
      await store.write({ [conversationKey]: { step: 1 } });
      await store.write({ [userKey]: { language: 'nl' } });
      const { [conversationKey]: saved } = await store.read([conversationKey]);

      now += DAY;
      expect(Object.keys(await store.read([conversationKey, userKey]))).toEqual([conversationKey, userKey]);
      now += 60_000;
      expect(Object.keys(await store.read([conversationKey, userKey]))).toEqual([userKey]);
      // A write with the expired item's eTag conflicts: the item is gone.
      const stale = await settle(store.write({ [conversationKey]: { step: 2, eTag: eTagOf(saved) } }));
      expect(isStoreError(stale.error, 'ETAG_CONFLICT')).toBe(true);
      // A '*' write starts it again.
      await store.write({ [conversationKey]: { step: 3 } });
      expect((await store.read([conversationKey]))[conversationKey]).toMatchObject({ step: 3 });

      now += 92 * DAY;
      expect(await store.read([userKey])).toEqual({});
    });

    it('keeps state that is saved again before it expires', async () => {
      let now = Date.parse('2026-03-02T10:00:00Z');
      const store = await makeStorage(() => new Date(now));
      await store.write({ [conversationKey]: { step: 1 } });
      now += DAY - 60_000;
      const { [conversationKey]: saved } = await store.read([conversationKey]);
      await store.write({ [conversationKey]: { ...saved, step: 2 } });
      now += DAY - 60_000;
      expect((await store.read([conversationKey]))[conversationKey]).toMatchObject({ step: 2 });
    });
  });
}
