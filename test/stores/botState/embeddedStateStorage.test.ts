import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConversationState, TestAdapter, UserState } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import { EmbeddedStateStorage, emptyStateItems, ShardedStateStorage } from '../../../stores/botState/embeddedStateStorage.js';
import { openJsonFileDocument } from '../../../stores/embedded/jsonFileDocument.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { gatedFileSystem, makeTempDir } from '../embedded/storeTestSupport.js';

function numberedETags(): () => string {
  let next = 0;
  return () => `etag-${++next}`;
}

function storage(): EmbeddedStateStorage {
  return new EmbeddedStateStorage(memoryDocument(emptyStateItems()), numberedETags());
}

async function conflictOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => 'no error', (caught: unknown) => caught);
}

describe('EmbeddedStateStorage', () => {
  it('reads only the keys that exist', async () => {
    const store = storage();
    await store.write({ a: { step: 1 } });
    expect(await store.read(['a', 'missing'])).toEqual({ a: { step: 1, eTag: 'etag-1' } });
    expect(await store.read([])).toEqual({});
  });

  it('gives every write a new eTag', async () => {
    const store = new EmbeddedStateStorage(memoryDocument(emptyStateItems()));
    await store.write({ a: { step: 1 } });
    const first = (await store.read(['a'])).a.eTag as string;
    await store.write({ a: { step: 2 } });
    const second = (await store.read(['a'])).a.eTag as string;
    expect(typeof first).toBe('string');
    expect(first.length).toBeGreaterThan(0);
    expect(second).not.toBe(first);
  });

  it('copies items in and out: neither the writer nor a reader shares objects with the store', async () => {
    const store = storage();
    const item = { dialog: { stack: ['start'] } };
    await store.write({ a: item });
    item.dialog.stack.push('changed by writer');
    expect(item).not.toHaveProperty('eTag');

    const read = await store.read(['a']);
    read.a.dialog.stack.push('changed by reader');
    expect((await store.read(['a'])).a.dialog.stack).toEqual(['start']);
  });

  it('accepts a write with the stored eTag, and refuses a stale one with ETAG_CONFLICT leaving the item as it was', async () => {
    const store = storage();
    await store.write({ a: { step: 1 } });
    const { a } = await store.read(['a']);
    await store.write({ a: { ...a, step: 2 } });

    const error = await conflictOf(store.write({ a: { ...a, step: 3 } }));
    expect(isStoreError(error, 'ETAG_CONFLICT')).toBe(true);
    expect((error as Error).message).not.toContain('"a"');
    expect(await store.read(['a'])).toEqual({ a: { step: 2, eTag: 'etag-2' } });
  });

  it("overwrites regardless of the stored eTag when the write carries '*' or no eTag", async () => {
    const store = storage();
    await store.write({ a: { step: 1 } });
    await store.write({ a: { step: 2, eTag: '*' } });
    await store.write({ a: { step: 3 } });
    expect(await store.read(['a'])).toEqual({ a: { step: 3, eTag: 'etag-3' } });
  });

  it('treats an eTag for an item that no longer exists as a conflict', async () => {
    const store = storage();
    await store.write({ a: { step: 1 } });
    const { a } = await store.read(['a']);
    await store.delete(['a']);
    expect(isStoreError(await conflictOf(store.write({ a })), 'ETAG_CONFLICT')).toBe(true);
    expect(await store.read(['a'])).toEqual({});
  });

  it('writes a batch with one conflict not at all', async () => {
    const store = storage();
    await store.write({ a: { step: 1 }, b: { step: 1 } });
    const error = await conflictOf(store.write({ a: { step: 2 }, b: { step: 2, eTag: 'stale' } }));
    expect(isStoreError(error, 'ETAG_CONFLICT')).toBe(true);
    expect(await store.read(['a', 'b'])).toEqual({
      a: { step: 1, eTag: 'etag-1' },
      b: { step: 1, eTag: 'etag-2' },
    });
  });

  it('deletes the given keys and ignores keys that do not exist', async () => {
    const store = storage();
    await store.write({ a: { step: 1 }, b: { step: 1 } });
    await store.delete(['a', 'missing']);
    expect(await store.read(['a', 'b'])).toEqual({ b: { step: 1, eTag: 'etag-2' } });
  });

  it('stores a key named like an Object.prototype member as an ordinary item', async () => {
    const store = storage();
    await store.write({ ['__proto__']: { step: 1 }, constructor: { step: 2 } });
    const read = await store.read(['__proto__', 'constructor', 'toString']);
    expect(Object.keys(read).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
  });

  it('refuses items that are not objects', async () => {
    const store = storage();
    await expect(store.write({ a: 5 })).rejects.toThrow(TypeError);
    expect(await store.read(['a'])).toEqual({});
  });

  it('keeps conversation state across a restart when backed by a JSON file', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      const file = path.join(dir, 'botState.json');
      const runBot = async () => {
        const document = await openJsonFileDocument(file, emptyStateItems());
        const conversationState = new ConversationState(new EmbeddedStateStorage(document));
        const turns = conversationState.createProperty<number>('turns');
        const adapter = new TestAdapter(async (context) => {
          const count = (await turns.get(context, 0)) + 1;
          await turns.set(context, count);
          await conversationState.saveChanges(context);
          await context.sendActivity(`turn ${count}`);
        });
        return { adapter, document };
      };

      const first = await runBot();
      await first.adapter.send('hallo').assertReply('turn 1').send('nog eens').assertReply('turn 2');
      await first.document.close();
      expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).items)).toHaveLength(1);

      const second = await runBot();
      await second.adapter.send('ik ben terug').assertReply('turn 3');
    } finally {
      await remove();
    }
  });
});

describe('EmbeddedStateStorage on a JSON file with group commit', () => {
  /** A storage on an existing botState file whose writes are held until the test releases them. */
  async function gatedStorage(dir: string) {
    const file = path.join(dir, 'botState.json');
    await writeFile(file, JSON.stringify(emptyStateItems()));
    const gate = gatedFileSystem();
    const document = await openJsonFileDocument(file, emptyStateItems(), { fileSystem: gate.fileSystem });
    return { file, gate, document, store: new EmbeddedStateStorage(document, numberedETags()) };
  }

  it('writes the conversation state and the user state of a turn in one file write', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      const { file, gate, document, store } = await gatedStorage(dir);
      gate.openGate();
      const conversationState = new ConversationState(store);
      const userState = new UserState(store);
      const step = conversationState.createProperty<number>('step');
      const language = userState.createProperty<string>('language');
      const adapter = new TestAdapter(async (context) => {
        await Promise.all([conversationState.load(context), userState.load(context)]);
        await step.set(context, 1);
        await language.set(context, 'nl');
        await Promise.all([conversationState.saveChanges(context), userState.saveChanges(context)]);
        await context.sendActivity('ok');
      });

      await adapter.send('hallo').assertReply('ok');

      expect(gate.writes).toBe(1);
      const items = (JSON.parse(await readFile(file, 'utf8')) as { items: Record<string, { eTag: string }> }).items;
      expect(Object.keys(items)).toHaveLength(2);
      expect(new Set(Object.values(items).map((item) => item.eTag)).size).toBe(2);
      expect(document.read()).toEqual(JSON.parse(await readFile(file, 'utf8')));
    } finally {
      await remove();
    }
  });

  it('checks eTags in arrival order inside a batch: of two writes with the same eTag, the first wins and the second conflicts alone', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      const { file, gate, store } = await gatedStorage(dir);
      gate.openGate();
      await store.write({ a: { step: 1 }, b: { step: 1 } });
      const { a } = await store.read(['a']);
      const writesBefore = gate.writes;

      const [first, second, other] = await Promise.all([
        conflictOf(store.write({ a: { ...a, step: 2 } })),
        conflictOf(store.write({ a: { ...a, step: 3 } })),
        conflictOf(store.write({ b: { step: 2, eTag: '*' } })),
      ]);

      expect(first).toBe('no error');
      expect(isStoreError(second, 'ETAG_CONFLICT')).toBe(true);
      expect(other).toBe('no error');
      expect(gate.writes - writesBefore).toBe(1);
      const expected = { a: { step: 2, eTag: 'etag-3' }, b: { step: 2, eTag: 'etag-4' } };
      expect(await store.read(['a', 'b'])).toEqual(expected);
      expect(JSON.parse(await readFile(file, 'utf8')).items).toEqual(expected);
    } finally {
      await remove();
    }
  });

  it('accepts a write whose eTag was given by an earlier write of the same batch', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      const { gate, document, store } = await gatedStorage(dir);
      const head = store.write({ other: { step: 1 } }); // etag-1, held in flight
      await gate.writeWaiting();
      const first = store.write({ a: { step: 1 } }); // etag-2, in the next batch
      // Runs in the same batch, after the write above: it sees etag-2 although that is not on disk yet.
      const second = document.update(({ items }) => (items.a as { eTag?: string } | undefined)?.eTag);
      const chained = store.write({ a: { step: 2, eTag: 'etag-2' } });
      gate.openGate();
      await Promise.all([head, first, chained]);
      expect(await second).toBe('etag-2');
      expect(gate.writes).toBe(2);
      expect(await store.read(['a'])).toEqual({ a: { step: 2, eTag: 'etag-3' } });
    } finally {
      await remove();
    }
  });
});

describe('EmbeddedStateStorage expiry', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const conversationKey = 'webchat/conversations/c-1/';
  const userKey = 'webchat/users/u-1/';

  it('drops conversation state a day and user state three months after their last save, on a later write', async () => {
    let now = Date.parse('2026-03-02T10:00:00Z');
    const document = memoryDocument(emptyStateItems());
    const store = new EmbeddedStateStorage(document, numberedETags(), { now: () => new Date(now), conversationDays: 1, userDays: 92 });
    await store.write({ [conversationKey]: { step: 1 }, [userKey]: { language: 'nl' } });

    now += DAY + 60_000;
    await store.write({ 'webchat/conversations/c-2/': { step: 1 } });
    expect(Object.keys(await store.read([conversationKey, userKey]))).toEqual([userKey]);
    expect(document.read().savedAt?.[conversationKey]).toBeUndefined();

    now += 92 * DAY;
    await store.write({ 'webchat/conversations/c-3/': { step: 1 } });
    expect(await store.read([userKey])).toEqual({});
  });

  it('keeps state that is saved again before it expires', async () => {
    let now = Date.parse('2026-03-02T10:00:00Z');
    const store = new EmbeddedStateStorage(memoryDocument(emptyStateItems()), numberedETags(), { now: () => new Date(now), conversationDays: 1, userDays: 92 });
    await store.write({ [conversationKey]: { step: 1 } });
    now += DAY - 60_000;
    await store.write({ [conversationKey]: { step: 2 } });
    now += DAY - 60_000;
    await store.write({ 'webchat/conversations/other/': { step: 1 } });
    expect((await store.read([conversationKey]))[conversationKey]).toMatchObject({ step: 2 });
  });
});

describe('ShardedStateStorage', () => {
  it('spreads keys over its shards and finds each again', async () => {
    const shards = Array.from({ length: 4 }, () => memoryDocument(emptyStateItems()));
    const store = new ShardedStateStorage(shards.map((shard) => new EmbeddedStateStorage(shard)));
    const keys = Array.from({ length: 40 }, (_, i) => `webchat/conversations/c-${i}/`);
    await store.write(Object.fromEntries(keys.map((key, i) => [key, { step: i }])));
    const perShard = shards.map((shard) => Object.keys(shard.read().items).length);
    expect(perShard.reduce((a, b) => a + b, 0)).toBe(40);
    expect(Math.min(...perShard)).toBeGreaterThan(0);
    expect(Object.keys(await store.read(keys))).toHaveLength(40);
  });
});
