import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../bot/logger.js';
import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import { openEmbeddedFiles } from '../../../stores/embedded/embeddedFiles.js';
import {
  createEmbeddedSessionStore,
  EMPTY_SESSION_DOCUMENT,
  SESSION_DOCUMENT,
  type SessionDocument,
} from '../../../stores/sessions/embeddedSessionStore.js';
import { describeSessionStore } from './sessionStoreContract.js';

describeSessionStore('embedded session store in memory', async () => {
  const document = memoryDocument(EMPTY_SESSION_DOCUMENT);
  // One process owns the document: a "twin" is a second store object on it.
  return { store: createEmbeddedSessionStore(document), twin: createEmbeddedSessionStore(document) };
});

describe('embedded session store on DATA_DIR', () => {
  it('keeps sessions over a restart, and only their keys', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'assistent-sessions-'));
    try {
      const now = new Date('2026-03-02T08:00:00Z');
      let files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
      await createEmbeddedSessionStore(await files.document<SessionDocument>(SESSION_DOCUMENT, EMPTY_SESSION_DOCUMENT)).create(
        { key: 'hash-of-id', subject: 'staff:an', ttlMs: 60_000 },
        now,
      );
      await files.close();
      files = await openEmbeddedFiles(dataDir, { logger: createMemoryLogger() });
      const store = createEmbeddedSessionStore(await files.document<SessionDocument>(SESSION_DOCUMENT, EMPTY_SESSION_DOCUMENT));
      expect((await store.touch('hash-of-id', now))?.subject).toBe('staff:an');
      await files.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
