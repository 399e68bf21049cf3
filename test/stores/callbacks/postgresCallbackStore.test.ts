import { describe, expect, it } from 'vitest';
import { createPostgresCallbackStore } from '../../../stores/callbacks/postgresCallbackStore.js';
import { postgresUnavailable } from '../../support/postgres.js';
import { usePostgresStoreDatabase } from '../../support/postgresStores.js';
import { callbackRequest, describeCallbackStore } from './callbackStoreContract.js';

describe.skipIf(postgresUnavailable !== null)('PostgreSQL callback store', () => {
  const database = usePostgresStoreDatabase();

  describeCallbackStore('createPostgresCallbackStore', async ({ references }) => {
    const queue = [...(references ?? [])];
    const options = references ? { newReference: () => queue.shift()! } : {};
    return database.twins(['callback_request'], (context) => createPostgresCallbackStore(context, options));
  });

  it('saves a NUL character a resident typed as U+FFFD instead of failing', async () => {
    const { first } = await database.fresh(['callback_request']);
    const store = createPostgresCallbackStore(first);
    const { request } = await store.create(callbackRequest('nul', { excerpt: ['a\u0000b'] }));
    expect((await store.get(request.reference))?.excerpt).toEqual(['a\uFFFDb']);
  });

  it("leaves no row with a deleted request's excerpt", async () => {
    const { first } = await database.fresh(['callback_request']);
    const store = createPostgresCallbackStore(first);
    const { request } = await store.create(callbackRequest('gone', { excerpt: ['mijn vraag over de afvalkalender'] }));
    await store.setStatus(request.reference, 'done', { at: new Date('2026-03-02T10:00:00Z'), staffMember: 'an' });
    await store.deleteExpired(new Date('2026-04-01T10:00:00Z'), 30);
    const { rows } = await database.query("select count(*)::int as count from callback_request where excerpt::text like '%afvalkalender%'");
    expect(rows[0]).toEqual({ count: 0 });
  });
});
