import { describe, expect, it } from 'vitest';
import { createPostgresBookingStore } from '../../../stores/bookings/postgresBookingStore.js';
import { postgresUnavailable } from '../../support/postgres.js';
import { usePostgresStoreDatabase } from '../../support/postgresStores.js';
import { describeBookingStore, ID_CARD, newBooking } from './bookingStoreContract.js';

describe.skipIf(postgresUnavailable !== null)('PostgreSQL booking store', () => {
  const database = usePostgresStoreDatabase();

  describeBookingStore('createPostgresBookingStore', () => database.twins(['booking'], (context) => createPostgresBookingStore(context)));

  it('refuses a second active record for one code, whatever the code path (a unique index)', async () => {
    const { first } = await database.fresh(['booking']);
    const store = createPostgresBookingStore(first);
    await store.insertIfRoom(newBooking('r1'), ID_CARD, () => 'AAA-333');
    await expect(
      database.query(
        `insert into booking (code, revision, service, counter, start_text, end_text, start_at, end_at, name, contact_kind,
           contact_value, status, created_at, request_id)
         select code, 1, service, counter, start_text, end_text, start_at, end_at, name, contact_kind, contact_value, 'booked',
           created_at, 'r2' from booking`,
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('books across midnight by locking both days', async () => {
    const { first, second } = await database.fresh(['booking']);
    const [one, two] = [createPostgresBookingStore(first), createPostgresBookingStore(second)];
    const room = { service: 'eid', counters: ['loket-1'], capacity: 1 };
    const late = { start: '2026-03-30T23:50:00+02:00', end: '2026-03-31T00:10:00+02:00' };
    const early = { start: '2026-03-31T00:00:00+02:00', end: '2026-03-31T00:15:00+02:00' };
    const outcomes = await Promise.all([
      one.insertIfRoom(newBooking('late', late), room, () => 'AAA-333'),
      two.insertIfRoom(newBooking('early', early), room, () => 'FFF-444'),
    ]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['full', 'inserted']);
  });
});
