import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { openStores, type Stores } from '../../../stores/openStores.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { makeTempDir } from './storeTestSupport.js';

/** A data directory written by the first embedded format (whole-state files), by that version's code. */
const FIXTURE = fileURLToPath(new URL('../fixtures/embedded-v1/', import.meta.url));
/** An hour after the fixture's last write. */
const NOW = new Date('2026-01-31T16:00:00Z');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function fixtureCopy(): Promise<string> {
  const { dir, remove } = await makeTempDir();
  cleanups.push(remove);
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

async function open(dataDir: string): Promise<Stores> {
  const stores = await openStores({ storage: 'lowdb', dataDir }, createMemoryLogger(), { now: () => NOW });
  cleanups.unshift(() => stores.close());
  return stores;
}

const STATE_KEYS = ['webchat/conversations/a8f3-conv/', 'webchat/users/user-anna/', 'sms/conversations/+32470123456/', 'sms/users/+32470123456/'];

describe('a data directory of the first embedded format', () => {
  it('is migrated at start-up: every bot-state item keeps its contents and eTag, and the old files are gone', async () => {
    const dataDir = await fixtureCopy();
    const stores = await open(dataDir);
    const items = await stores.state.read(STATE_KEYS);
    expect(Object.keys(items).sort()).toEqual([...STATE_KEYS].sort());
    expect(items['webchat/conversations/a8f3-conv/']).toMatchObject({ misunderstandings: 1, dialogState: { dialogStack: [{ id: 'main', state: { stepIndex: 1 } }] } });
    expect(items['webchat/users/user-anna/']).toMatchObject({ language: 'nl', survey: { lastSurveyDay: '2026-01-28' } });
    expect(items['sms/users/+32470123456/']).toMatchObject({ language: 'en' });
    expect((await readdir(dataDir)).filter((name) => name.startsWith('botState-'))).toEqual([]);

    // A conversation carries on with the eTag it had: nothing to conflict with.
    const conversation = items['webchat/conversations/a8f3-conv/']!;
    await stores.state.write({ 'webchat/conversations/a8f3-conv/': { ...conversation, misunderstandings: 2 } });
  });

  it('keeps the migrated items across another restart, and migrates nothing twice', async () => {
    const dataDir = await fixtureCopy();
    await (await open(dataDir)).close();
    const again = await open(dataDir);
    expect(Object.keys(await again.state.read(STATE_KEYS))).toHaveLength(4);
  });

  it('keeps the expiry the items had: state saved longer ago than its expiry is not brought over', async () => {
    const dataDir = await fixtureCopy();
    const stores = await openStores({ storage: 'lowdb', dataDir }, createMemoryLogger(), { now: () => new Date('2026-02-02T10:00:00Z') });
    cleanups.unshift(() => stores.close());
    // Conversation state lives a day, user state three months.
    expect(Object.keys(await stores.state.read(STATE_KEYS)).sort()).toEqual(['sms/users/+32470123456/', 'webchat/users/user-anna/']);
  });

  it('refuses to start on a corrupt old file, naming it, and leaves it untouched', async () => {
    const dataDir = await fixtureCopy();
    const damaged = path.join(dataDir, 'botState-13.json');
    await writeFile(damaged, '{"items": {"webchat/conv');
    const failure = await openStores({ storage: 'lowdb', dataDir }, createMemoryLogger(), { now: () => NOW }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isStoreError(failure, 'STORE_FILE_CORRUPT')).toBe(true);
    expect((failure as Error).message).toContain('botState-13.json');
    expect(await readdir(dataDir)).toContain('botState-13.json');
    expect(await readFile(damaged, 'utf8')).toBe('{"items": {"webchat/conv');

    // The refused start released the data directory: once the file is repaired, the bot starts.
    await cp(path.join(FIXTURE, 'botState-13.json'), damaged);
    expect(Object.keys(await (await open(dataDir)).state.read(STATE_KEYS))).toHaveLength(4);
  });
});
