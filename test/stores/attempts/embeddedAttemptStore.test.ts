import { createEmbeddedAttemptStore } from '../../../stores/attempts/embeddedAttemptStore.js';
import { describeAttemptStore } from './attemptStoreContract.js';

// One process: both "instances" share the one store in its memory.
describeAttemptStore('embedded attempt store', async () => {
  const store = createEmbeddedAttemptStore();
  return { store, twin: store };
});
