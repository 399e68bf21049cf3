import path from 'node:path';
import { afterEach } from 'vitest';
import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import { EmbeddedStateStorage, emptyStateItems, ShardedStateStorage } from '../../../stores/botState/embeddedStateStorage.js';
import { openJsonFileDocument } from '../../../stores/embedded/jsonFileDocument.js';
import { describeStateStorage } from './stateStorageContract.js';
import { makeTempDir } from '../embedded/storeTestSupport.js';

// The PostgreSQL storage runs the same contract in test/stores/botState/postgresStateStorage.test.ts.
describeStateStorage('EmbeddedStateStorage in memory', () => new EmbeddedStateStorage(memoryDocument(emptyStateItems())));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describeStateStorage('EmbeddedStateStorage in a JSON file', async () => {
  const { dir, remove } = await makeTempDir();
  const document = await openJsonFileDocument(path.join(dir, 'botState.json'), emptyStateItems());
  cleanups.push(async () => {
    await document.close();
    await remove();
  });
  return new EmbeddedStateStorage(document);
});

describeStateStorage('ShardedStateStorage over four in-memory documents', () =>
  new ShardedStateStorage(Array.from({ length: 4 }, () => new EmbeddedStateStorage(memoryDocument(emptyStateItems())))),
);
