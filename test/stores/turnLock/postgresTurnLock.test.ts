import { ConversationState, TestAdapter, type Activity } from 'botbuilder';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../../stores/postgres/migrations.js';
import { createPostgresPool } from '../../../stores/postgres/postgresPool.js';
import { PostgresStateStorage } from '../../../stores/botState/postgresStateStorage.js';
import { PostgresTurnLock } from '../../../stores/turnLock/postgresTurnLock.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { turnLockMiddleware } from '../../../stores/turnLock/turnLock.js';
import { describeTurnLock } from './turnLockContract.js';
import { createTestDatabase, postgresUnavailable, terminateConnections, type TestDatabase } from '../../support/postgres.js';

const LOCK_APP = 'test:turn-lock';

describe.skipIf(postgresUnavailable !== null)('PostgresTurnLock', () => {
  let database: TestDatabase;
  let observer: pg.Pool;
  const pools: pg.Pool[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    observer = createPostgresPool(database.url, { max: 2, applicationName: 'test:observer' });
    await runMigrations(observer, { database: database.name });
  });
  afterAll(async () => {
    await Promise.all([observer, ...pools].filter(Boolean).map((pool) => pool.end()));
    await database?.drop();
  });

  /** One bot instance's turn lock: its own pool, as a separate process would have. */
  function instanceLock(waitMs = 10_000): { lock: PostgresTurnLock; pool: pg.Pool } {
    const pool = createPostgresPool(database.url, { max: 3, applicationName: LOCK_APP });
    pools.push(pool);
    return { lock: new PostgresTurnLock(pool, database.name, { waitMs }), pool };
  }

  async function advisoryLocks(): Promise<{ granted: number; waiting: number }> {
    const { rows } = await observer.query<{ granted: boolean }>(
      `select granted from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
    );
    return { granted: rows.filter((row) => row.granted).length, waiting: rows.filter((row) => !row.granted).length };
  }

  /** Polls the server until `check` holds (the lock wait happens in PostgreSQL, not in this process). */
  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`never happened: ${what}`);
  }

  describeTurnLock('PostgresTurnLock', (waitMs) => ({ first: instanceLock(waitMs).lock, second: instanceLock(waitMs).lock }));

  it('makes a turn on another instance wait until the first turn of that conversation releases', async () => {
    const first = instanceLock();
    const second = instanceLock();
    const releaseFirst = await first.lock.acquire('webchat/c1');
    let secondGotIt = false;
    const secondHold = second.lock.acquire('webchat/c1').then((release) => ((secondGotIt = true), release));
    await until(async () => (await advisoryLocks()).waiting === 1, 'the second instance waits for the lock');
    expect(secondGotIt).toBe(false);
    await releaseFirst();
    const releaseSecond = await secondHold;
    expect(await advisoryLocks()).toEqual({ granted: 1, waiting: 0 });
    await releaseSecond();
    expect(await advisoryLocks()).toEqual({ granted: 0, waiting: 0 });
  });

  it('lets turns of different conversations run at the same time', async () => {
    const first = instanceLock();
    const second = instanceLock(2_000);
    const releaseOne = await first.lock.acquire('webchat/c1');
    const releaseTwo = await second.lock.acquire('webchat/c2');
    expect(await advisoryLocks()).toEqual({ granted: 2, waiting: 0 });
    await Promise.all([releaseOne(), releaseTwo()]);
  });

  it('fails with TURN_LOCK_TIMEOUT after the wait limit and leaves no lock or connection behind', async () => {
    const first = instanceLock();
    const second = instanceLock(300);
    const releaseFirst = await first.lock.acquire('webchat/c1');
    const error = await second.lock.acquire('webchat/c1').catch((caught: unknown) => caught);
    expect(isStoreError(error, 'TURN_LOCK_TIMEOUT')).toBe(true);
    expect(second.pool.totalCount - second.pool.idleCount).toBe(0);
    await releaseFirst();
    const releaseAgain = await second.lock.acquire('webchat/c1');
    await releaseAgain();
    expect(await advisoryLocks()).toEqual({ granted: 0, waiting: 0 });
    expect(first.pool.totalCount - first.pool.idleCount).toBe(0);
  });

  it('survives its connection being ended during a turn; the server releases the lock', async () => {
    const first = instanceLock();
    const second = instanceLock();
    const releaseFirst = await first.lock.acquire('webchat/c1');
    expect(await terminateConnections(database.name, LOCK_APP)).toBeGreaterThan(0);
    await expect(releaseFirst()).resolves.toBeUndefined();
    const releaseSecond = await second.lock.acquire('webchat/c1');
    await releaseSecond();
    expect(await advisoryLocks()).toEqual({ granted: 0, waiting: 0 });
  });

  it('fails with STORAGE_UNAVAILABLE when nothing listens', async () => {
    const deadPool = createPostgresPool('postgres://postgres@127.0.0.1:1/nowhere', { max: 1, connectionTimeoutMs: 1_000 });
    pools.push(deadPool);
    const error = await new PostgresTurnLock(deadPool, 'nowhere').acquire('webchat/c1').catch((caught: unknown) => caught);
    expect(isStoreError(error, 'STORAGE_UNAVAILABLE')).toBe(true);
  });

  it('loses no state update when turns of one conversation run on two instances at once', async () => {
    const conversation = `c-${Date.now()}`;
    const instances = [0, 1].map(() => {
      const { lock, pool } = instanceLock();
      const statePool = createPostgresPool(database.url, { max: 3 });
      pools.push(statePool);
      const conversationState = new ConversationState(new PostgresStateStorage(statePool, database.name));
      const counted = conversationState.createProperty<number>('counted');
      const adapter = new TestAdapter(async (context) => {
        const count = await counted.get(context, 0);
        // Work between reading and saving state, as a real turn has: without the lock, others read the same count.
        await statePool.query('select pg_sleep(0.02)');
        await counted.set(context, count + 1);
        await conversationState.saveChanges(context);
      });
      adapter.use(turnLockMiddleware(lock));
      return { adapter, pool };
    });
    const turns = Array.from({ length: 10 }, (_, index) =>
      instances[index % 2]!.adapter.receiveActivity({
        type: 'message',
        text: `turn ${index}`,
        conversation: { id: conversation },
      } as Partial<Activity>),
    );
    await Promise.all(turns);
    const { rows } = await observer.query<{ counted: number }>(
      `select (item->>'counted')::int as counted from bot_state where key like $1`,
      [`%/conversations/${conversation}/`],
    );
    expect(rows).toEqual([{ counted: 10 }]);
  });
});
