import { describe, expect, it } from 'vitest';
import { createPostgresSessionStore } from '../../../stores/sessions/postgresSessionStore.js';
import { postgresUnavailable } from '../../support/postgres.js';
import { usePostgresStoreDatabase } from '../../support/postgresStores.js';
import { describeSessionStore } from './sessionStoreContract.js';

describe.skipIf(postgresUnavailable !== null)('PostgreSQL session store', () => {
  const database = usePostgresStoreDatabase();

  describeSessionStore('createPostgresSessionStore', () =>
    database.twins(['web_session'], (context) => createPostgresSessionStore(context)),
  );

  it('deletes ended sessions when a new one is made', async () => {
    const { first } = await database.fresh(['web_session']);
    const store = createPostgresSessionStore(first);
    await store.create({ key: 'old', subject: 'staff:an', ttlMs: 60_000 }, new Date('2026-03-02T08:00:00Z'));
    await store.create({ key: 'new', subject: 'staff:bo', ttlMs: 60_000 }, new Date('2026-03-02T09:00:00Z'));
    const { rows } = await database.query<{ key: string }>('select key from web_session');
    expect(rows.map((row) => row.key)).toEqual(['new']);
  });
});
