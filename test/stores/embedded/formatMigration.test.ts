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

const STATE_KEYS = [
  'webchat/conversations/a8f3-conv/',
  'webchat/users/user-anna/',
  'sms/conversations/+32470123456/',
  'sms/users/+32470123456/',
];

describe('a data directory of the first embedded format', () => {
  it('is migrated at start-up: every bot-state item keeps its contents and eTag, and the old files are gone', async () => {
    const dataDir = await fixtureCopy();
    const stores = await open(dataDir);
    const items = await stores.state.read(STATE_KEYS);
    expect(Object.keys(items).sort()).toEqual([...STATE_KEYS].sort());
    expect(items['webchat/conversations/a8f3-conv/']).toMatchObject({
      misunderstandings: 1,
      dialogState: { dialogStack: [{ id: 'main', state: { stepIndex: 1 } }] },
    });
    expect(items['webchat/users/user-anna/']).toMatchObject({ language: 'nl', survey: { lastSurveyDay: '2026-01-28' } });
    expect(items['sms/users/+32470123456/']).toMatchObject({ language: 'en' });
    expect((await readdir(dataDir)).filter((name) => name.startsWith('botState-'))).toEqual([]);

    // A conversation carries on with the eTag it had: nothing to conflict with.
    const conversation = items['webchat/conversations/a8f3-conv/']!;
    await stores.state.write({ 'webchat/conversations/a8f3-conv/': { ...conversation, misunderstandings: 2 } });
  });

  it('moves every survey row into the day documents and keeps every outcome count and open day', async () => {
    const dataDir = await fixtureCopy();
    const before = JSON.parse(await readFile(path.join(dataDir, 'surveyResponses.json'), 'utf8')).responses as { id: string }[];
    const closedCounts = JSON.parse(await readFile(path.join(dataDir, 'conversationOutcomes.json'), 'utf8')).counts;
    expect(before).toHaveLength(9);
    expect(closedCounts.length).toBeGreaterThan(0);

    const stores = await open(dataDir);
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const after = await stores.survey.surveyStore.list(year);
    expect(after.map((row: { id: string }) => row.id).sort()).toEqual(before.map((row) => row.id).sort());
    expect(after).toEqual(expect.arrayContaining(before));
    expect((await stores.survey.surveyStore.reportCounts(year)).responses).toBe(9);
    expect(await readdir(dataDir)).not.toContain('surveyResponses.json');

    // The closed day's counts as they were; the open days (30 and 31 January) close later and count then.
    expect(await stores.survey.outcomeStore.counts({ from: '2026-01-25', to: '2026-01-25' })).toEqual(
      [...closedCounts].sort((a: { day: string }, b: { day: string }) => a.day.localeCompare(b.day)),
    );
    const openDocument = JSON.parse(await readFile(path.join(dataDir, 'conversationOutcomes.json'), 'utf8'));
    expect(openDocument.counts).toEqual([]);
    expect(openDocument.openDays.map((day: { day: string }) => day.day)).toEqual(['2026-01-30', '2026-01-31']);
    // A conversation of an open day is still recognised: escalating it does not count it twice.
    expect(
      await stores.survey.outcomeStore.record({
        day: '2026-01-31',
        channel: 'webchat',
        conversationKey: 'webchat:2026-01-31-c0',
        outcome: 'escalated',
      }),
    ).toBe('escalated');
  });

  it('keeps the migrated items across another restart, and migrates nothing twice', async () => {
    const dataDir = await fixtureCopy();
    await (await open(dataDir)).close();
    const again = await open(dataDir);
    expect(Object.keys(await again.state.read(STATE_KEYS))).toHaveLength(4);
    expect(await again.survey.surveyStore.list({ from: '2026-01-01', to: '2026-12-31' })).toHaveLength(9);
    expect(await again.survey.outcomeStore.counts({ from: '2026-01-25', to: '2026-01-25' })).toHaveLength(4);
  });

  it('keeps the expiry the items had: state saved longer ago than its expiry is not brought over', async () => {
    const dataDir = await fixtureCopy();
    const stores = await openStores({ storage: 'lowdb', dataDir }, createMemoryLogger(), { now: () => new Date('2026-02-02T10:00:00Z') });
    cleanups.unshift(() => stores.close());
    // Conversation state lives a day, user state three months.
    expect(Object.keys(await stores.state.read(STATE_KEYS)).sort()).toEqual(['sms/users/+32470123456/', 'webchat/users/user-anna/']);
  });

  it('refuses to start on a corrupt old survey file, and leaves it untouched', async () => {
    const dataDir = await fixtureCopy();
    const damaged = path.join(dataDir, 'surveyResponses.json');
    await writeFile(damaged, '');
    const failure = await openStores({ storage: 'lowdb', dataDir }, createMemoryLogger(), { now: () => NOW }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isStoreError(failure, 'STORE_FILE_CORRUPT')).toBe(true);
    expect((failure as Error).message).toContain('surveyResponses.json');
    expect(await readFile(damaged, 'utf8')).toBe('');
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
