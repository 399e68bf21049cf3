import { describe, expect, it } from 'vitest';
import { createWrongAttemptLimiter } from '../../../services/appointments/wrongAttemptLimiter.js';
import { createPostgresAttemptStore } from '../../../stores/attempts/postgresAttemptStore.js';
import { postgresUnavailable } from '../../support/postgres.js';
import { usePostgresStoreDatabase } from '../../support/postgresStores.js';
import { describeAttemptStore } from './attemptStoreContract.js';

describe.skipIf(postgresUnavailable !== null)('PostgreSQL attempt store', () => {
  const database = usePostgresStoreDatabase();

  describeAttemptStore('createPostgresAttemptStore', () => database.twins(['attempt'], (context) => createPostgresAttemptStore(context)));

  it('deletes expired attempts as it records new ones', async () => {
    const { first } = await database.fresh(['attempt']);
    const store = createPostgresAttemptStore(first);
    await store.record('old', new Date('2026-03-02T08:00:00Z'), 60_000);
    await store.record('new', new Date('2026-03-02T09:00:00Z'), 60_000);
    const { rows } = await database.query<{ n: number }>('select count(*)::int as n from attempt');
    expect(rows[0]!.n).toBe(1);
  });
});

describe.skipIf(postgresUnavailable !== null)('the wrong booking-code limit on PostgreSQL', () => {
  const database = usePostgresStoreDatabase();

  it('holds across instances: 3 wrong codes at one and 2 at the other block the conversation at both', async () => {
    const { first, second } = await database.fresh(['attempt']);
    const limits = { maxWrongAttempts: 5, windowMinutes: 15 };
    const atFirst = createWrongAttemptLimiter(limits, createPostgresAttemptStore(first));
    const atSecond = createWrongAttemptLimiter(limits, createPostgresAttemptStore(second));
    const now = new Date('2026-03-02T10:00:00Z');
    for (let i = 0; i < 3; i++) await atFirst.recordWrongAttempt('webchat:conversation-7', now);
    for (let i = 0; i < 2; i++) await atSecond.recordWrongAttempt('webchat:conversation-7', now);
    expect(await atFirst.blockedUntil('webchat:conversation-7', now)).toEqual(new Date('2026-03-02T10:15:00Z'));
    expect(await atSecond.blockedUntil('webchat:conversation-7', now)).toEqual(new Date('2026-03-02T10:15:00Z'));
    expect(await atSecond.blockedUntil('webchat:conversation-8', now)).toBeUndefined();
    // Only hashes are stored: no conversation id in the table.
    const { rows } = await database.query<{ key: string }>('select distinct key from attempt');
    expect(rows.map((row) => row.key).join(' ')).not.toContain('conversation');
  });
});
