import { afterEach } from 'vitest';
import { EmbeddedStateStorage, openStateCollections } from '../../../stores/botState/embeddedStateStorage.js';
import { describeStateStorage } from './stateStorageContract.js';
import { makeTempDir } from '../embedded/storeTestSupport.js';

// The PostgreSQL storage runs the same contract in test/stores/botState/postgresStateStorage.test.ts.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describeStateStorage('EmbeddedStateStorage on keyed documents', async () => {
  const { dir, remove } = await makeTempDir();
  const collections = await openStateCollections(dir);
  cleanups.push(async () => {
    await Promise.all([collections.conversations.close(), collections.users.close()]);
    await remove();
  });
  return new EmbeddedStateStorage(collections);
});
