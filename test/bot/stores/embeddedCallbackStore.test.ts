import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import type { NewCallbackRequest } from '../../../bot/stores/callbackStore.js';
import { memoryDocument } from '../../../bot/stores/durableDocument.js';
import { openEmbeddedFiles } from '../../../bot/stores/embeddedFiles.js';
import { CALLBACK_DOCUMENT, createEmbeddedCallbackStore, EMPTY_CALLBACK_DOCUMENT } from '../../../bot/stores/embeddedCallbackStore.js';

const AT = new Date('2026-03-02T09:00:00Z');

function request(requestId: string, overrides: Partial<NewCallbackRequest> = {}): NewCallbackRequest {
  return {
    requestId,
    phone: '+32470123456',
    preferredMoment: { day: '2026-03-02', partOfDay: 'afternoon' },
    topic: { intent: 'document.request', document: 'reispas' },
    excerpt: ['ik wil een reispas'],
    language: 'nl',
    at: AT,
    ...overrides,
  };
}

function store(references?: string[]) {
  const queue = [...(references ?? [])];
  return createEmbeddedCallbackStore(memoryDocument(EMPTY_CALLBACK_DOCUMENT), references ? { newReference: () => queue.shift()! } : {});
}

describe('embedded callback store', () => {
  it('creates a request once per requestId, with an open status in its history', async () => {
    const callbacks = store();
    const first = await callbacks.create(request('webchat:c1:a1'));
    const again = await callbacks.create(request('webchat:c1:a1', { phone: '+3250123456' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ request: first.request, created: false });
    expect(first.request).toMatchObject({ status: 'open', closedAt: null, history: [{ status: 'open', at: AT.toISOString(), staffMember: 'assistant' }] });
    expect(await callbacks.listOpen()).toHaveLength(1);
  });

  it('gives every request a reference no other request has', async () => {
    const callbacks = store(['KDR-482', 'KDR-482', 'KDR-482', 'MNP-234']);
    expect((await callbacks.create(request('a'))).request.reference).toBe('KDR-482');
    expect((await callbacks.create(request('b'))).request.reference).toBe('MNP-234');
  });

  it('lists open requests by preferred day, morning before afternoon, then the oldest first', async () => {
    const callbacks = store(['CCC-222', 'AAA-222', 'BBB-222', 'DDD-222']);
    await callbacks.create(request('1', { preferredMoment: { day: '2026-03-03', partOfDay: 'morning' } }));
    await callbacks.create(request('2', { preferredMoment: { day: '2026-03-02', partOfDay: 'afternoon' }, at: new Date('2026-03-02T08:00:00Z') }));
    await callbacks.create(request('3', { preferredMoment: { day: '2026-03-02', partOfDay: 'afternoon' } }));
    await callbacks.create(request('4', { preferredMoment: { day: '2026-03-02', partOfDay: 'morning' } }));
    expect((await callbacks.listOpen()).map((r) => r.reference)).toEqual(['DDD-222', 'AAA-222', 'BBB-222', 'CCC-222']);
  });

  it('records every status change with time and staff member; notReached stays open, reached and done close', async () => {
    const callbacks = store(['KDR-482', 'MNP-234']);
    await callbacks.create(request('a'));
    await callbacks.create(request('b'));
    await callbacks.setStatus('KDR-482', 'notReached', { at: new Date('2026-03-02T13:00:00Z'), staffMember: 'an' });
    expect((await callbacks.listOpen()).map((r) => r.reference)).toEqual(['KDR-482', 'MNP-234']);
    const reached = await callbacks.setStatus('KDR-482', 'reached', { at: new Date('2026-03-02T14:00:00Z'), staffMember: 'bo' });
    expect(reached.history).toEqual([
      { status: 'open', at: AT.toISOString(), staffMember: 'assistant' },
      { status: 'notReached', at: '2026-03-02T13:00:00.000Z', staffMember: 'an' },
      { status: 'reached', at: '2026-03-02T14:00:00.000Z', staffMember: 'bo' },
    ]);
    expect(reached.closedAt).toBe('2026-03-02T14:00:00.000Z');
    await callbacks.setStatus('MNP-234', 'done', { at: AT, staffMember: 'an' });
    expect(await callbacks.listOpen()).toEqual([]);
  });

  it('refuses a status change for an unknown or closed request', async () => {
    const callbacks = store(['KDR-482']);
    await callbacks.create(request('a'));
    await expect(callbacks.setStatus('XXX-999', 'done', { at: AT, staffMember: 'an' })).rejects.toMatchObject({ code: 'CALLBACK_NOT_FOUND' });
    await callbacks.setStatus('KDR-482', 'done', { at: AT, staffMember: 'an' });
    await expect(callbacks.setStatus('KDR-482', 'reached', { at: AT, staffMember: 'an' })).rejects.toMatchObject({ code: 'CALLBACK_CLOSED' });
  });

  it('lets the resident cancel an open request once', async () => {
    const callbacks = store(['KDR-482']);
    await callbacks.create(request('a'));
    expect(await callbacks.cancelByResident('KDR-482', AT)).toBe('cancelled');
    expect(await callbacks.cancelByResident('KDR-482', AT)).toBe('alreadyClosed');
    expect(await callbacks.cancelByResident('MNP-234', AT)).toBe('notFound');
    expect(await callbacks.get('KDR-482')).toMatchObject({ status: 'cancelledByResident', closedAt: AT.toISOString() });
  });

  it('deletes requests retentionDays after they were closed, and never open ones', async () => {
    const callbacks = store(['OPN-222', 'DNE-222', 'RCN-222', 'CNL-222']);
    for (const id of ['open', 'done', 'recent', 'cancelled']) await callbacks.create(request(id));
    await callbacks.setStatus('DNE-222', 'done', { at: new Date('2026-03-02T10:00:00Z'), staffMember: 'an' });
    await callbacks.cancelByResident('CNL-222', new Date('2026-03-02T10:00:00Z'));
    await callbacks.setStatus('RCN-222', 'reached', { at: new Date('2026-03-20T10:00:00Z'), staffMember: 'an' });
    expect(await callbacks.deleteExpired(new Date('2026-04-01T09:59:00Z'), 30)).toBe(0);
    expect(await callbacks.deleteExpired(new Date('2026-04-01T10:00:00Z'), 30)).toBe(2);
    expect(await callbacks.get('DNE-222')).toBeUndefined();
    expect(await callbacks.get('CNL-222')).toBeUndefined();
    expect(await callbacks.get('RCN-222')).toBeDefined();
    expect(await callbacks.get('OPN-222')).toBeDefined();
    expect(await callbacks.deleteExpired(new Date('2027-01-01T00:00:00Z'), 30)).toBe(1);
    expect(await callbacks.get('OPN-222')).toMatchObject({ status: 'open' });
  });

  it('persists in DATA_DIR/callbackRequests.json through the embedded files', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'callbacks-'));
    try {
      const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
      const callbacks = createEmbeddedCallbackStore(await files.document(CALLBACK_DOCUMENT, EMPTY_CALLBACK_DOCUMENT));
      const { request: stored } = await callbacks.create(request('a'));
      await files.close();
      const onDisk = JSON.parse(await readFile(path.join(dataDir, `${CALLBACK_DOCUMENT}.json`), 'utf8'));
      expect(onDisk.requests).toEqual([stored]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
