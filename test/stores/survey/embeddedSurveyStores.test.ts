import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import { openEmbeddedFiles } from '../../../stores/embedded/embeddedFiles.js';
import { createEmbeddedOutcomeStore, EMPTY_OUTCOME_DOCUMENT } from '../../../stores/survey/embeddedOutcomeStore.js';
import { createEmbeddedSurveyStore, EMPTY_SURVEY_DOCUMENT } from '../../../stores/survey/embeddedSurveyStore.js';
import { openEmbeddedSurveyStores } from '../../../stores/survey/openSurveyStores.js';
import { rows } from '../../services/survey/surveyFixtures.js';
import { describeSurveyStores } from './surveyStoreContract.js';

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

// The behaviour every survey and outcome store shares is in surveyStoreContract.ts (also run against
// PostgreSQL in test/stores/survey/postgresSurveyStores.test.ts); here only what the embedded
// documents hold and their files.
describeSurveyStores('embedded survey stores in memory', async (now) => {
  const surveyDocument = memoryDocument(EMPTY_SURVEY_DOCUMENT);
  const outcomeDocument = memoryDocument(EMPTY_OUTCOME_DOCUMENT);
  // One process owns the documents: a "twin" is a second pair of store objects on them.
  const open = () => ({
    surveyStore: createEmbeddedSurveyStore(surveyDocument, { now }),
    outcomeStore: createEmbeddedOutcomeStore(outcomeDocument, { now }),
  });
  return { store: open(), twin: open() };
});

describe('embedded survey store', () => {
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
});

describe('embedded outcome store', () => {
  const mark = (conversationKey: string, day = '2026-03-10', channel = 'webchat') => ({ conversationKey, day, channel });

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
