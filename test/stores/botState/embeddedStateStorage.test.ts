import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConversationState, TestAdapter, UserState } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStateStorage, openStateCollections, type StateCollections } from '../../../stores/botState/embeddedStateStorage.js';
import { hashedLayout } from '../../../stores/embedded/keyedDocuments.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { makeTempDir } from '../embedded/storeTestSupport.js';
import { describeStateExpiry, describeStateStorage, turnCountingBot } from './stateStorageContract.js';

function numberedETags(): () => string {
  let next = 0;
  return () => `etag-${++next}`;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function closeAll(collections: StateCollections): Promise<void> {
  await Promise.all([collections.conversations.close(), collections.users.close()]);
}

/** A fresh data directory, removed after the test. */
async function dataDir(): Promise<string> {
  const { dir, remove } = await makeTempDir();
  cleanups.push(remove);
  return dir;
}

async function open(dir: string, options: Parameters<typeof openStateCollections>[1] = {}) {
  const collections = await openStateCollections(dir, options);
  cleanups.unshift(() => closeAll(collections));
  return collections;
}

async function storage(): Promise<EmbeddedStateStorage> {
  return new EmbeddedStateStorage(await open(await dataDir()), numberedETags());
}

async function conflictOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'no error',
    (caught: unknown) => caught,
  );
}

/** Every entry file under the tree, relative to it. */
async function entryFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const group of await readdir(root)) {
    if (group === '.tmp' || group === '.journal') continue;
    for (const name of await readdir(path.join(root, group))) found.push(path.join(group, name));
  }
  return found.sort();
}

// The Storage contract (stateStorageContract.ts) runs against this storage here too; what follows is the embedded store's own.
describeStateStorage('EmbeddedStateStorage on keyed documents', async () => new EmbeddedStateStorage(await open(await dataDir())));

describe('EmbeddedStateStorage', () => {
  it('stamps writes with the eTags of the eTag source it is given', async () => {
    const store = await storage();
    await store.write({ a: { step: 1 }, b: { step: 1 } });
    await store.write({ a: { step: 2 } });
    expect(await store.read(['a', 'b', 'missing'])).toEqual({ a: { step: 2, eTag: 'etag-3' }, b: { step: 1, eTag: 'etag-2' } });
  });

  it('keeps conversation state across a restart', async () => {
    const dir = await dataDir();
    const runBot = async () => {
      const collections = await openStateCollections(dir);
      return { adapter: turnCountingBot(new EmbeddedStateStorage(collections)), collections };
    };

    const first = await runBot();
    await first.adapter.send('hallo').assertReply('turn 1').send('nog eens').assertReply('turn 2');
    await closeAll(first.collections);
    expect(await entryFiles(first.collections.conversations.root)).toHaveLength(1);

    const second = await runBot();
    cleanups.unshift(() => closeAll(second.collections));
    await second.adapter.send('ik ben terug').assertReply('turn 3');
  });
});

describe('EmbeddedStateStorage files', () => {
  it('keeps each key in its own file under a hash of the key: no key (a channel user id) in a file name', async () => {
    const dir = await dataDir();
    const collections = await open(dir);
    const store = new EmbeddedStateStorage(collections, numberedETags());
    await store.write({ 'sms/conversations/+32470123456/': { step: 1 }, 'sms/users/+32470123456/': { language: 'nl' } });
    await Promise.all([collections.conversations.checkpoint(), collections.users.checkpoint()]);

    const conversations = await entryFiles(collections.conversations.root);
    const users = await entryFiles(collections.users.root);
    expect(conversations).toEqual([hashedLayout.fileOf('sms/conversations/+32470123456/')]);
    expect(users).toEqual([hashedLayout.fileOf('sms/users/+32470123456/')]);
    expect([...conversations, ...users].join(' ')).not.toContain('32470123456');
    const stored = JSON.parse(await readFile(path.join(collections.users.root, users[0]!), 'utf8'));
    expect(stored).toMatchObject({ key: 'sms/users/+32470123456/', value: { language: 'nl', eTag: 'etag-2' } });
  });

  it('writes the conversation and user state of a turn as one small file each, whatever else is stored', async () => {
    const dir = await dataDir();
    const collections = await open(dir);
    const store = new EmbeddedStateStorage(collections, numberedETags());
    const others = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`webchat/conversations/other-${i}/`, { step: i, padding: 'x'.repeat(500) }]),
    );
    await store.write(others);
    await collections.conversations.checkpoint();
    const journal = path.join(collections.conversations.root, '.journal');
    const journalled = async () =>
      (await Promise.all((await readdir(journal)).map((name) => readFile(path.join(journal, name), 'utf8')))).join('');
    expect(await journalled()).toBe('');

    const conversationState = new ConversationState(store);
    const userState = new UserState(store);
    const step = conversationState.createProperty<number>('step');
    const language = userState.createProperty<string>('language');
    const adapter = new TestAdapter(async (context) => {
      await step.set(context, 1);
      await language.set(context, 'nl');
      await Promise.all([conversationState.saveChanges(context), userState.saveChanges(context)]);
      await context.sendActivity('ok');
    });
    await adapter.send('hallo').assertReply('ok');

    // The turn's write is one small journal record: this conversation only, not the 300 others.
    const conversationKey = 'test/conversations/Convo1/';
    const record = await journalled();
    expect(record.length).toBeLessThan(400);
    expect(record).toContain(conversationKey);
    expect(record).not.toContain('other-');

    await Promise.all([collections.conversations.checkpoint(), collections.users.checkpoint()]);
    const file = path.join(collections.conversations.root, hashedLayout.fileOf(conversationKey));
    const text = await readFile(file, 'utf8');
    expect(text.length).toBeLessThan(400);
    expect(JSON.parse(text)).toMatchObject({ key: conversationKey, value: { step: 1 } });
    expect(await entryFiles(collections.conversations.root)).toHaveLength(301);
    expect(await entryFiles(collections.users.root)).toHaveLength(1);
  });

  it('refuses a key whose file is corrupt with STORE_FILE_CORRUPT, and leaves the file as it was', async () => {
    const dir = await dataDir();
    const collections = await open(dir);
    const store = new EmbeddedStateStorage(collections);
    const key = 'webchat/conversations/broken/';
    await store.write({ [key]: { step: 1 }, 'webchat/conversations/fine/': { step: 1 } });
    await closeAll(collections);
    const file = path.join(collections.conversations.root, hashedLayout.fileOf(key));

    for (const damage of [
      '',
      '{"key": "webchat/conv',
      JSON.stringify({ key: 'webchat/conversations/another/', savedAt: '2026-01-01T00:00:00Z', value: {} }),
    ]) {
      await writeFile(file, damage);
      const restarted = await openStateCollections(dir);
      const reopened = new EmbeddedStateStorage(restarted);
      expect(isStoreError(await conflictOf(reopened.read([key])), 'STORE_FILE_CORRUPT')).toBe(true);
      expect(isStoreError(await conflictOf(reopened.write({ [key]: { step: 2 } })), 'STORE_FILE_CORRUPT')).toBe(true);
      // Other residents are not affected.
      expect(Object.keys(await reopened.read(['webchat/conversations/fine/']))).toHaveLength(1);
      await reopened.write({ 'webchat/conversations/fine/': { step: 2 } });
      await closeAll(restarted);
      expect(await readFile(file, 'utf8')).toBe(damage);
    }
  });
});

describeStateExpiry('EmbeddedStateStorage', async (now) => new EmbeddedStateStorage(await open(await dataDir(), { now }), numberedETags()));

describe('EmbeddedStateStorage expiry', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const conversationKey = 'webchat/conversations/c-1/';
  const userKey = 'webchat/users/u-1/';

  it('the sweep removes the files of expired state only', async () => {
    let now = Date.parse('2026-03-02T10:00:00Z');
    const collections = await open(await dataDir(), { now: () => new Date(now) });
    const store = new EmbeddedStateStorage(collections, numberedETags());
    await store.write({ [conversationKey]: { step: 1 } });
    await store.write({ [userKey]: { language: 'nl' } });
    // Into their files while still fresh (a checkpoint removes an entry that expired in the journal itself).
    await Promise.all([collections.conversations.checkpoint(), collections.users.checkpoint()]);
    now += DAY + 60_000;
    await store.write({ 'webchat/conversations/fresh/': { step: 1 } });
    await collections.conversations.checkpoint();
    // File times say when each file was written; make them match the test's clock.
    const written = [conversationKey, userKey];
    for (const key of written) {
      const root = key.includes('/users/') ? collections.users.root : collections.conversations.root;
      const at = new Date(Date.parse('2026-03-02T10:00:00Z'));
      await utimes(path.join(root, hashedLayout.fileOf(key)), at, at);
    }
    const fresh = path.join(collections.conversations.root, hashedLayout.fileOf('webchat/conversations/fresh/'));
    await utimes(fresh, new Date(now), new Date(now));

    expect(await collections.conversations.sweep()).toBe(1);
    expect(await collections.users.sweep()).toBe(0);
    expect(await entryFiles(collections.conversations.root)).toEqual([hashedLayout.fileOf('webchat/conversations/fresh/')]);
    expect(await entryFiles(collections.users.root)).toHaveLength(1);
  });
});
