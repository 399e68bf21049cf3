import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { memoryDocument, type DurableDocument } from '../../../stores/embedded/durableDocument.js';
import { openEmbeddedFiles } from '../../../stores/embedded/embeddedFiles.js';
import {
  createEmbeddedOutcomeStore,
  EMPTY_OUTCOME_COUNTS_DOCUMENT,
  EMPTY_OUTCOME_DOCUMENT,
  memoryOutcomeStore,
  type OpenOutcomeDocument,
} from '../../../stores/survey/embeddedOutcomeStore.js';
import { memorySurveyStore } from '../../../stores/survey/embeddedSurveyStore.js';
import { openEmbeddedSurveyStores } from '../../../stores/survey/openSurveyStores.js';
import { rows } from '../../services/survey/surveyFixtures.js';
import { makeTempDir } from '../embedded/storeTestSupport.js';
import { addDays } from '../../../services/brusselsTime.js';
import { describeSurveyStores } from './surveyStoreContract.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The survey stores on a fresh data directory, closed and removed after the test. */
async function openInDataDir(now: () => Date, dataDir?: string) {
  let dir = dataDir;
  if (dir === undefined) {
    const made = await makeTempDir();
    cleanups.push(made.remove);
    dir = made.dir;
  }
  const files = await openEmbeddedFiles(dir, { logger: createMemoryLogger() });
  const stores = await openEmbeddedSurveyStores(files, { now });
  const close = async () => {
    await stores.close();
    await files.close();
  };
  cleanups.unshift(close);
  return { dir, files, stores, close };
}

/** Every file under the survey tree, relative to it. */
async function surveyFiles(dir: string): Promise<string[]> {
  const root = path.join(dir, 'survey');
  const found: string[] = [];
  for (const month of await readdir(root)) {
    if (month === '.tmp' || month === '.journal') continue;
    for (const name of await readdir(path.join(root, month))) found.push(`${month}/${name}`);
  }
  return found.sort();
}

// The behaviour every survey and outcome store shares is in surveyStoreContract.ts (also run against
// PostgreSQL in test/stores/survey/postgresSurveyStores.test.ts). One process owns a data directory:
// the "twin" of an embedded store is the same store.
describeSurveyStores('embedded survey stores in DATA_DIR', async (now) => {
  const { stores } = await openInDataDir(now);
  return { store: stores, twin: stores };
});

describeSurveyStores('embedded survey stores in memory', async (now) => {
  const stores = { surveyStore: memorySurveyStore({ now }), outcomeStore: memoryOutcomeStore({ now }) };
  return { store: stores, twin: stores };
});

describe('embedded survey store files', () => {
  it('keeps rows in small documents per day, and neither the request id nor the order of arrival', async () => {
    const { dir, stores, files } = await openInDataDir(() => new Date('2026-03-10T10:00:00Z'));
    const today = rows(12, '2026-03-10', { satisfaction: 5 });
    for (const [index, row] of today.entries()) await stores.surveyStore.add(row, `webchat|conv-${index}|act-${index}`);
    await stores.surveyStore.addSynthetic(
      rows(5, '2026-02-03', { awareness: 'used' }).map((row) => ({ ...row, synthetic: true as const })),
    );

    const names = await surveyFiles(dir);
    expect(names.every((name) => /^2026-0[23]\/2026-0(3-10|2-03)-[0-9a-f]\.json$/.test(name))).toBe(true);
    expect(names.filter((name) => name.includes('2026-03-10')).length).toBeGreaterThan(1);
    let seen = 0;
    for (const name of names) {
      const text = await readFile(path.join(dir, 'survey', name), 'utf8');
      expect(text).not.toContain('conv-');
      expect(text).not.toContain('act-');
      const part = JSON.parse(text).value as { responses: { id: string; day: string }[]; recentRequests: { hashes: string[] }[] };
      // One day per file, rows by id (not by arrival), request hashes sorted.
      expect(new Set(part.responses.map((row) => row.day)).size).toBe(1);
      expect(part.responses.map((row) => row.id)).toEqual(part.responses.map((row) => row.id).sort());
      for (const bucket of part.recentRequests) expect(bucket.hashes).toEqual([...bucket.hashes].sort());
      seen += part.responses.length;
    }
    expect(seen).toBe(17);
    await files.close();
  });

  it('counts a closed day once and keeps its counts; a later write to that day counts it again', async () => {
    let now = new Date('2026-03-10T10:00:00Z');
    const { dir, stores } = await openInDataDir(() => now);
    for (const [index, row] of rows(4, '2026-03-10', { satisfaction: 4 }).entries()) await stores.surveyStore.add(row, `a-${index}`);
    const march = { from: '2026-03-01', to: '2026-03-31' };
    expect((await stores.surveyStore.reportCounts(march)).responses).toBe(4);
    // Still open: no counts kept yet.
    expect(JSON.parse(await readFile(path.join(dir, 'surveyDayCounts.json'), 'utf8')).days).toEqual({});

    now = new Date('2026-03-12T10:00:00Z');
    expect((await stores.surveyStore.reportCounts(march)).satisfaction['4']).toBe(4);
    const kept = JSON.parse(await readFile(path.join(dir, 'surveyDayCounts.json'), 'utf8')).days;
    expect(Object.keys(kept)).toEqual(['2026-03-10']);
    expect(kept['2026-03-10']).toMatchObject({ responses: 4, satisfaction: { '4': 4 } });

    await stores.surveyStore.addSynthetic(rows(2, '2026-03-10', { satisfaction: 1 }).map((row) => ({ ...row, synthetic: true as const })));
    const after = await stores.surveyStore.reportCounts(march);
    expect(after).toMatchObject({ responses: 6, synthetic: 2, satisfaction: { '1': 2, '4': 4 } });
    expect(JSON.parse(await readFile(path.join(dir, 'surveyDayCounts.json'), 'utf8')).days['2026-03-10'].responses).toBe(6);
    expect(await stores.surveyStore.removeSynthetic()).toBe(2);
    expect((await stores.surveyStore.reportCounts(march)).responses).toBe(4);
  });

  it('keeps only recently used day parts in memory, so a year of rows read in bulk does not stay in the heap', async () => {
    const now = () => new Date('2026-03-10T10:00:00Z');
    const first = await openInDataDir(now);
    // One row on each of 100 days: 100 part files, more than the open days' parts the store keeps.
    const spread = Array.from({ length: 100 }, (_unused, index) => rows(1, addDays('2025-06-01', index), { satisfaction: 3 })[0]!);
    await first.stores.surveyStore.addSynthetic(spread.map((row) => ({ ...row, synthetic: true as const })));
    await first.close(); // Checkpoints: every row is in its part's file.

    const { dir, stores } = await openInDataDir(now, first.dir);
    const everyDay = { from: '2025-06-01', to: addDays('2025-06-01', 99) };
    expect(await stores.surveyStore.list(everyDay)).toHaveLength(100);
    // The first day's part, emptied behind the store's back: a store that still held it would list the row.
    const [firstPart] = (await surveyFiles(dir)).filter((name) => name.includes('2025-06-01-'));
    const file = path.join(dir, 'survey', firstPart!);
    const entry = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...entry, value: { ...entry.value, responses: [] } }));
    expect(await stores.surveyStore.list({ from: '2025-06-01', to: '2025-06-01' })).toEqual([]);
  });

  it('keeps rows and counts across a restart', async () => {
    const now = () => new Date('2026-03-12T10:00:00Z');
    const first = await openInDataDir(now);
    const [row] = rows(1, '2026-03-12', { awareness: 'unaware' });
    await first.stores.surveyStore.add(row!, 'r1');
    await first.stores.surveyStore.addSynthetic(rows(3, '2026-03-01', {}).map((synthetic) => ({ ...synthetic, synthetic: true as const })));
    await first.stores.surveyStore.reportCounts({ from: '2026-03-01', to: '2026-03-31' });
    await first.close();

    const second = await openInDataDir(now, first.dir);
    expect(await second.stores.surveyStore.list({ from: '2026-03-12', to: '2026-03-12' })).toEqual([row]);
    expect((await second.stores.surveyStore.reportCounts({ from: '2026-03-01', to: '2026-03-31' })).responses).toBe(4);
  });
});

describe('embedded outcome store', () => {
  const mark = (conversationKey: string, day = '2026-03-10', channel = 'webchat') => ({ conversationKey, day, channel });

  it('keeps no conversation key, and drops the markers and their salt when the day is closed', async () => {
    let now = new Date('2026-03-10T10:00:00Z');
    const { dir, stores } = await openInDataDir(() => now);
    await stores.outcomeStore.start(mark('webchat|conversation-secret-42'));
    const open = () => readFile(path.join(dir, 'conversationOutcomes.json'), 'utf8');
    expect(await open()).not.toContain('conversation-secret-42');
    expect(JSON.parse(await open()).openDays).toHaveLength(1);
    const salt = JSON.parse(await open()).openDays[0].salt as string;

    now = new Date('2026-03-12T10:00:00Z');
    expect(await stores.outcomeStore.counts({ from: '2026-03-01', to: '2026-03-31' })).toEqual([
      { day: '2026-03-10', channel: 'webchat', outcome: 'abandoned', count: 1 },
    ]);
    expect(JSON.parse(await open()).openDays).toEqual([]);
    const counts = await readFile(path.join(dir, 'outcomeCounts.json'), 'utf8');
    expect(counts).not.toContain(salt);
  });

  it('counts a day once even when the closing stopped between its two writes', async () => {
    let now = new Date('2026-03-10T10:00:00Z');
    const open = memoryDocument<OpenOutcomeDocument>(EMPTY_OUTCOME_DOCUMENT);
    const counts = memoryDocument(EMPTY_OUTCOME_COUNTS_DOCUMENT);
    const store = createEmbeddedOutcomeStore({ open, counts }, { now: () => now });
    await store.record({ ...mark('a'), outcome: 'resolved' });
    await store.record({ ...mark('b'), outcome: 'escalated' });

    // The open document refuses its next write once, as a crash right after the counts were written would.
    let refuse = true;
    const crashing: DurableDocument<OpenOutcomeDocument> = {
      read: () => open.read(),
      update: (change) => (refuse ? ((refuse = false), Promise.reject(new Error('crash'))) : open.update(change)),
    };
    now = new Date('2026-03-12T10:00:00Z');
    const afterCrash = createEmbeddedOutcomeStore({ open: crashing, counts }, { now: () => now });
    await expect(afterCrash.counts({ from: '2026-03-10', to: '2026-03-10' })).rejects.toThrow('crash');
    const restarted = createEmbeddedOutcomeStore({ open, counts }, { now: () => now });
    expect(await restarted.counts({ from: '2026-03-10', to: '2026-03-10' })).toEqual([
      { day: '2026-03-10', channel: 'webchat', outcome: 'resolved', count: 1 },
      { day: '2026-03-10', channel: 'webchat', outcome: 'escalated', count: 1 },
    ]);
    expect(open.read().openDays).toEqual([]);
  });

  it('writes nothing when a conversation already stands as high as what is marked', async () => {
    const now = new Date('2026-03-10T10:00:00Z');
    const open = memoryDocument<OpenOutcomeDocument>(EMPTY_OUTCOME_DOCUMENT);
    let updates = 0;
    const counted: DurableDocument<OpenOutcomeDocument> = {
      read: () => open.read(),
      update: (change) => ((updates += 1), open.update(change)),
    };
    const store = createEmbeddedOutcomeStore({ open: counted, counts: memoryDocument(EMPTY_OUTCOME_COUNTS_DOCUMENT) }, { now: () => now });
    await store.start(mark('a'));
    await store.start(mark('a'));
    expect(updates).toBe(1);
    expect(await store.record({ ...mark('a'), outcome: 'escalated' })).toBe('escalated');
    expect(updates).toBe(2);
    // Every later request starts it again and a resolved end comes after the escalation: the marker stands.
    await store.start(mark('a'));
    expect(await store.record({ ...mark('a'), outcome: 'resolved' })).toBe('escalated');
    expect(updates).toBe(2);
    await store.start(mark('b'));
    expect(updates).toBe(3);
  });
});
