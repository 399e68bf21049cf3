import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../../stores/postgres/migrations.js';
import { createPostgresPool } from '../../../stores/postgres/postgresPool.js';
import { PostgresStateStorage } from '../../../stores/botState/postgresStateStorage.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../../support/postgres.js';
import { describeStateExpiry, describeStateStorage } from './stateStorageContract.js';

describe.skipIf(postgresUnavailable !== null)('PostgresStateStorage', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  const extraPools: pg.Pool[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPostgresPool(database.url, { max: 4 });
    await runMigrations(pool, { database: database.name });
  });
  afterAll(async () => {
    await Promise.all([pool, ...extraPools].filter(Boolean).map((candidate) => candidate.end()));
    await database?.drop();
  });

  describeStateStorage('PostgresStateStorage', async () => {
    await pool.query('truncate bot_state');
    return new PostgresStateStorage(pool, database.name);
  });

  describeStateExpiry('PostgresStateStorage', async (now) => {
    await pool.query('truncate bot_state');
    return new PostgresStateStorage(pool, database.name, { now });
  });

  describe("retention (saved_at, by the bot's clock)", () => {
    const DAY = 24 * 60 * 60 * 1000;
    const start = Date.parse('2026-03-02T10:00:00Z');

    it('writes saved_at and the collection on every save, from the storage clock', async () => {
      await pool.query('truncate bot_state');
      let now = start;
      const store = new PostgresStateStorage(pool, database.name, { now: () => new Date(now) });
      await store.write({ 'webchat/conversations/c1/': { step: 1 }, 'webchat/users/u1/': { language: 'nl' } });
      now += 5 * 60_000;
      const { 'webchat/conversations/c1/': saved } = await store.read(['webchat/conversations/c1/']);
      await store.write({ 'webchat/conversations/c1/': { ...saved, step: 2 } });
      const { rows } = await pool.query<{ key: string; saved_at: Date; collection: string }>(
        'select key, saved_at, collection from bot_state order by key',
      );
      expect(rows).toEqual([
        { key: 'webchat/conversations/c1/', saved_at: new Date(start + 5 * 60_000), collection: 'conversations' },
        { key: 'webchat/users/u1/', saved_at: new Date(start), collection: 'users' },
      ]);
    });

    it('deleteExpired deletes conversation state after a day and user state after 92 days, nothing younger', async () => {
      await pool.query('truncate bot_state');
      let now = start;
      const store = new PostgresStateStorage(pool, database.name, { now: () => new Date(now) });
      await store.write({ 'webchat/conversations/old/': { step: 1 } });
      await store.write({ 'sms/users/+32470000000/': { language: 'nl' } });
      now += DAY;
      await store.write({ 'webchat/conversations/young/': { step: 1 } });
      const keys = async () => (await pool.query<{ key: string }>('select key from bot_state order by key')).rows.map((row) => row.key);

      expect(await store.deleteExpired(new Date(start + DAY))).toBe(0);
      expect(await store.deleteExpired(new Date(start + DAY + 1))).toBe(1);
      expect(await keys()).toEqual(['sms/users/+32470000000/', 'webchat/conversations/young/']);
      expect(await store.deleteExpired(new Date(start + 92 * DAY + 1))).toBe(2);
      expect(await keys()).toEqual([]);
    });

    it('deletes by an index on (collection, saved_at)', async () => {
      const { rows } = await pool.query<{ indexdef: string }>("select indexdef from pg_indexes where tablename = 'bot_state'");
      expect(rows.map((row) => row.indexdef)).toContainEqual(expect.stringMatching(/\(collection, saved_at\)/));
    });
  });

  /** A second instance: its own pool on the same database. */
  function otherInstance(): PostgresStateStorage {
    const otherPool = createPostgresPool(database.url, { max: 4 });
    extraPools.push(otherPool);
    return new PostgresStateStorage(otherPool, database.name);
  }

  it('lets exactly one of two instances win with the same eTag', async () => {
    await pool.query('truncate bot_state');
    const first = new PostgresStateStorage(pool, database.name);
    const second = otherInstance();
    await first.write({ shared: { by: 'nobody' } });
    const { shared } = await second.read(['shared']);
    const results = await Promise.all(
      [first, second, first, second].map((store, index) =>
        store.write({ shared: { ...shared, by: `writer-${index}` } }).then(
          () => 'written',
          (error: unknown) => (isStoreError(error, 'ETAG_CONFLICT') ? 'conflict' : error),
        ),
      ),
    );
    expect(results.filter((result) => result === 'written')).toHaveLength(1);
    expect(results.filter((result) => result === 'conflict')).toHaveLength(3);
  });

  it('keeps the item as jsonb with the eTag in its own column', async () => {
    await pool.query('truncate bot_state');
    const store = new PostgresStateStorage(pool, database.name, { newETag: () => 'etag-fixed' });
    await store.write({ 'webchat/conversations/c1': { dialogState: { stack: [] }, eTag: '*' } });
    const { rows } = await pool.query('select key, item, etag, jsonb_typeof(item) as type from bot_state');
    expect(rows).toEqual([{ key: 'webchat/conversations/c1', item: { dialogState: { stack: [] } }, etag: 'etag-fixed', type: 'object' }]);
  });

  it('saves text with the character U+0000, which jsonb cannot hold, as U+FFFD', async () => {
    await pool.query('truncate bot_state');
    const store = new PostgresStateStorage(pool, database.name);
    await store.write({ a: { said: 'a\u0000b' } });
    expect((await store.read(['a'])).a.said).toBe('a\uFFFDb');
  });

  it('fails with STORAGE_UNAVAILABLE, naming no credentials, when nothing listens', async () => {
    const deadPool = createPostgresPool('postgres://someone:geheim@127.0.0.1:1/nowhere', { max: 1, connectionTimeoutMs: 1_000 });
    extraPools.push(deadPool);
    const store = new PostgresStateStorage(deadPool, '127.0.0.1:1/nowhere');
    for (const attempt of [store.read(['a']), store.write({ a: { step: 1 } }), store.write({ a: {}, b: {} }), store.delete(['a'])]) {
      const error = await attempt.catch((caught: unknown) => caught);
      expect(isStoreError(error, 'STORAGE_UNAVAILABLE')).toBe(true);
      expect((error as Error).message).not.toContain('geheim');
    }
  });
});
