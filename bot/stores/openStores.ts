import type { Storage } from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { openEmbeddedFiles } from './embeddedFiles.js';
import type { CallbackStore } from './callbackStore.js';
import { CALLBACK_DOCUMENT, createEmbeddedCallbackStore, EMPTY_CALLBACK_DOCUMENT } from './embeddedCallbackStore.js';
import { EmbeddedStateStorage, emptyStateItems } from './embeddedStateStorage.js';

/** Every store the assistant uses, behind interfaces, whichever storage backs them. */
export interface Stores {
  /** botbuilder conversation and user state. */
  state: Storage;
  /** Residents' requests to be called back, worked by phone staff. */
  callbacks: CallbackStore;
  /** Whether the storage answers now (for `/readyz`). */
  isReady(): Promise<boolean>;
  /** Waits for pending writes and releases the storage. */
  close(): Promise<void>;
}

/** Opens the configured storage. The embedded store takes the DATA_DIR lock: one process per directory. */
export async function openStores(config: Pick<Config, 'storage' | 'dataDir'>, logger: Logger): Promise<Stores> {
  if (config.storage === 'postgres') {
    throw Object.assign(new Error('STORAGE=postgres is not available yet in this version; use STORAGE=lowdb.'), { code: 'CONFIG_INVALID' });
  }
  const files = await openEmbeddedFiles(config.dataDir, { logger });
  const state = new EmbeddedStateStorage(await files.document('botState', emptyStateItems()));
  const callbacks = createEmbeddedCallbackStore(await files.document(CALLBACK_DOCUMENT, EMPTY_CALLBACK_DOCUMENT));
  let closed = false;
  return {
    state,
    callbacks,
    isReady: async () => !closed,
    async close() {
      closed = true;
      await files.close();
    },
  };
}
