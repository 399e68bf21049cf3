import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import { openEmbeddedFiles } from '../../../stores/embedded/embeddedFiles.js';
import {
  CALLBACK_DOCUMENT,
  createEmbeddedCallbackStore,
  EMPTY_CALLBACK_DOCUMENT,
} from '../../../stores/callbacks/embeddedCallbackStore.js';
import { callbackRequest, describeCallbackStore } from './callbackStoreContract.js';

describeCallbackStore('embedded callback store in memory', async ({ references }) => {
  const document = memoryDocument(EMPTY_CALLBACK_DOCUMENT);
  const queue = [...(references ?? [])];
  const options = references ? { newReference: () => queue.shift()! } : {};
  // One process owns the document: a "twin" is a second store object on it.
  return { store: createEmbeddedCallbackStore(document, options), twin: createEmbeddedCallbackStore(document, options) };
});

// The behaviour every CallbackStore shares is in callbackStoreContract.ts; here only the embedded files.
describe('embedded callback store', () => {
  it('persists in DATA_DIR/callbackRequests.json through the embedded files', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'callbacks-'));
    try {
      const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
      const callbacks = createEmbeddedCallbackStore(await files.document(CALLBACK_DOCUMENT, EMPTY_CALLBACK_DOCUMENT));
      const { request: stored } = await callbacks.create(callbackRequest('a'));
      await files.close();
      const onDisk = JSON.parse(await readFile(path.join(dataDir, `${CALLBACK_DOCUMENT}.json`), 'utf8'));
      expect(onDisk.requests).toEqual([stored]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("leaves nothing of a deleted request's excerpt in the file", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'callbacks-'));
    try {
      const files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
      const callbacks = createEmbeddedCallbackStore(await files.document(CALLBACK_DOCUMENT, EMPTY_CALLBACK_DOCUMENT));
      const { request } = await callbacks.create(callbackRequest('a', { excerpt: ['mijn vraag over de afvalkalender'] }));
      await callbacks.setStatus(request.reference, 'done', { at: new Date('2026-03-02T10:00:00Z'), staffMember: 'an' });
      await callbacks.deleteExpired(new Date('2026-04-01T10:00:00Z'), 30);
      await files.close();
      expect(await readFile(path.join(dataDir, `${CALLBACK_DOCUMENT}.json`), 'utf8')).not.toContain('afvalkalender');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
