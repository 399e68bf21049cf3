import { describe, expect, it } from 'vitest';
import { createPostgresCallbackStore } from '../../../stores/callbacks/postgresCallbackStore.js';
import { postgresUnavailable } from '../../support/postgres.js';
import { usePostgresStoreDatabase } from '../../support/postgresStores.js';
import { callbackRequest, describeCallbackStore } from './callbackStoreContract.js';

describe.skipIf(postgresUnavailable !== null)('PostgreSQL callback store', () => {
  const database = usePostgresStoreDatabase();

  describeCallbackStore('createPostgresCallbackStore', async ({ references }) => {
    const { first, second } = await database.fresh(['callback_request']);
    const queue = [...(references ?? [])];
    const options = references ? { newReference: () => queue.shift()! } : {};
    return { store: createPostgresCallbackStore(first, options), twin: createPostgresCallbackStore(second, options) };
  });

  it('saves a NUL character a resident typed as U+FFFD instead of failing', async () => {
    const { first } = await database.fresh(['callback_request']);
    const store = createPostgresCallbackStore(first);
    const { request } = await store.create(callbackRequest('nul', { excerpt: ['a\u0000b'] }));
    expect((await store.get(request.reference))?.excerpt).toEqual(['a\uFFFDb']);
  });
});
