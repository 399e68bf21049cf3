import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { memoryDocument } from '../../../bot/stores/durableDocument.js';
import { openEmbeddedFiles } from '../../../bot/stores/embeddedFiles.js';
import { createEmbeddedOutcomeStore, EMPTY_OUTCOME_DOCUMENT } from '../../../services/survey/embeddedOutcomeStore.js';
import { createEmbeddedSurveyStore, EMPTY_SURVEY_DOCUMENT } from '../../../services/survey/embeddedSurveyStore.js';
import { openEmbeddedSurveyStores } from '../../../services/survey/openSurveyStores.js';
import { InvalidSurveyRowError, type SurveyResponse } from '../../../services/survey/surveyResponse.js';
import { generateSyntheticSurveyRows } from '../../../services/survey/syntheticSurvey.js';
import { rows } from './surveyFixtures.js';

function surveyStoreAt(iso: string) {
  let now = new Date(iso);
  const document = memoryDocument(EMPTY_SURVEY_DOCUMENT);
  return { document, store: createEmbeddedSurveyStore(document, { now: () => now }), setNow: (next: string) => (now = new Date(next)) };
}

function outcomeStoreAt(iso: string) {
  let now = new Date(iso);
  const document = memoryDocument(EMPTY_OUTCOME_DOCUMENT);
  return { document, store: createEmbeddedOutcomeStore(document, { now: () => now }), setNow: (next: string) => (now = new Date(next)) };
}

describe('embedded survey store', () => {
  it('stores a row once per request id, and replaces a row with the same id for a new request', async () => {
    const { store } = surveyStoreAt('2026-03-10T10:00:00Z');
    const [row] = rows(1, '2026-03-10', { awareness: 'used' });
    expect(await store.add(row!, 'webchat|c1|a1')).toEqual({ stored: true });
    // A retry of the same request with other content changes nothing.
    expect(await store.add({ ...row!, answers: { awareness: 'unaware' } }, 'webchat|c1|a1')).toEqual({ stored: false });
    expect(await store.add({ ...row!, answers: { awareness: 'used', satisfaction: 4 } }, 'webchat|c1|a2')).toEqual({ stored: true });
    const listed = await store.list({ from: '2026-03-01', to: '2026-03-31' });
    expect(listed).toEqual([{ ...row!, answers: { awareness: 'used', satisfaction: 4 } }]);
  });

  it('keeps neither the request id nor its position: only sorted salted hashes, dropped after a day', async () => {
    const { store, document, setNow } = surveyStoreAt('2026-03-10T10:00:00Z');
    for (const [index, row] of rows(3, '2026-03-10', { satisfaction: 5 }).entries()) await store.add(row, `webchat|conv-${index}|act-${index}`);
    const text = JSON.stringify(document.read());
    expect(text).not.toContain('conv-');
    expect(text).not.toContain('act-');
    const hashes = document.read().recentRequests[0]!.hashes;
    expect(hashes).toEqual([...hashes].sort());

    setNow('2026-03-12T10:00:00Z');
    await store.add(rows(1, '2026-03-12', { satisfaction: 1 })[0]!, 'webchat|later|x');
    expect(document.read().recentRequests.map((bucket) => bucket.day)).toEqual(['2026-03-12']);
  });

  it('lists rows inside the range only, ordered by day', async () => {
    const { store } = surveyStoreAt('2026-03-10T10:00:00Z');
    const all = [...rows(1, '2026-03-02', { awareness: 'used' }), ...rows(1, '2026-02-28', {}), ...rows(1, '2026-03-01', {}), ...rows(1, '2026-04-01', {})];
    for (const [index, row] of all.entries()) await store.add(row, `r${index}`);
    expect((await store.list({ from: '2026-03-01', to: '2026-03-31' })).map((row) => row.day)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('refuses rows with extra fields or free text', async () => {
    const { store, document } = surveyStoreAt('2026-03-10T10:00:00Z');
    const [row] = rows(1, '2026-03-10', {});
    await expect(store.add({ ...row!, userId: 'u-1' } as SurveyResponse, 'r1')).rejects.toBeInstanceOf(InvalidSurveyRowError);
    await expect(store.add({ ...row!, answers: { satisfaction: 'heel goed' } } as unknown as SurveyResponse, 'r2')).rejects.toBeInstanceOf(InvalidSurveyRowError);
    expect(document.read().responses).toEqual([]);
  });

  it('adds synthetic rows in one go and removes only those', async () => {
    const { store } = surveyStoreAt('2026-03-10T10:00:00Z');
    const real = rows(2, '2026-03-10', { awareness: 'used' });
    for (const [index, row] of real.entries()) await store.add(row, `real-${index}`);
    const synthetic = generateSyntheticSurveyRows({ count: 50, from: '2026-01-01', seed: 7 });
    expect(await store.addSynthetic(synthetic)).toBe(50);
    expect(await store.addSynthetic(synthetic)).toBe(0); // same seed, same ids: nothing twice
    expect(await store.list({ from: '2026-01-01', to: '2026-12-31' })).toHaveLength(52);
    await expect(store.addSynthetic(real)).rejects.toThrow('synthetic');
    expect(await store.removeSynthetic()).toBe(50);
    expect(await store.list({ from: '2026-01-01', to: '2026-12-31' })).toEqual(real.sort((a, b) => (a.id < b.id ? -1 : 1)));
  });
});

describe('embedded outcome store', () => {
  const mark = (conversationKey: string, day = '2026-03-10', channel = 'webchat') => ({ conversationKey, day, channel });

  it('counts each conversation once with its final outcome; started-only ones as abandoned once the day is closed', async () => {
    const { store, setNow } = outcomeStoreAt('2026-03-10T10:00:00Z');
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
    setNow('2026-03-11T23:00:00Z'); // 00:00 on the 12th in Brussels
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
  });

  it('finds a conversation that started yesterday, so it counts on its first day only', async () => {
    const { store, setNow } = outcomeStoreAt('2026-03-10T22:50:00Z'); // 23:50 in Brussels
    await store.start(mark('late', '2026-03-10'));
    setNow('2026-03-10T23:10:00Z');
    await store.record({ ...mark('late', '2026-03-11'), outcome: 'resolved' });
    setNow('2026-03-13T10:00:00Z');
    expect(await store.counts({ from: '2026-03-01', to: '2026-03-31' })).toEqual([{ day: '2026-03-10', channel: 'webchat', outcome: 'resolved', count: 1 }]);
  });

  it('keeps no conversation key, and drops the markers and their salt when the day is closed', async () => {
    const { store, document, setNow } = outcomeStoreAt('2026-03-10T10:00:00Z');
    await store.start(mark('webchat|conversation-secret-42'));
    expect(JSON.stringify(document.read())).not.toContain('conversation-secret-42');
    expect(document.read().openDays).toHaveLength(1);
    setNow('2026-03-12T10:00:00Z');
    await store.counts({ from: '2026-03-01', to: '2026-03-31' });
    expect(document.read().openDays).toEqual([]);
    expect(document.read().counts).toEqual([{ day: '2026-03-10', channel: 'webchat', outcome: 'abandoned', count: 1 }]);
  });

  it('refuses a channel that is not a channel id', async () => {
    const { store } = outcomeStoreAt('2026-03-10T10:00:00Z');
    await expect(store.start(mark('x', '2026-03-10', 'Jan Peeters'))).rejects.toBeInstanceOf(InvalidSurveyRowError);
  });
});

describe('survey stores in the embedded files', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps survey rows and outcome counts in their own files, across a restart', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'survey-stores-'));
    const now = () => new Date('2026-03-10T10:00:00Z');
    let files = await openEmbeddedFiles(dir, { logger: createMemoryLogger() });
    let stores = await openEmbeddedSurveyStores(files, { now });
    const [row] = rows(1, '2026-03-10', { awareness: 'unaware' });
    await stores.surveyStore.add(row!, 'r1');
    await stores.outcomeStore.start({ day: '2026-03-10', channel: 'webchat', conversationKey: 'k' });
    await files.close();

    expect(JSON.parse(await readFile(path.join(dir, 'surveyResponses.json'), 'utf8')).responses).toEqual([row]);
    expect(JSON.parse(await readFile(path.join(dir, 'conversationOutcomes.json'), 'utf8')).openDays).toHaveLength(1);

    files = await openEmbeddedFiles(dir, { logger: createMemoryLogger() });
    stores = await openEmbeddedSurveyStores(files, { now });
    expect(await stores.surveyStore.list({ from: '2026-03-10', to: '2026-03-10' })).toEqual([row]);
    await files.close();
  });
});
