import type pg from 'pg';
import { bookingRetentionCutoff } from '../../services/appointments/bookingRetention.js';
import type {
  Booking,
  BookingStatus,
  BookingStore,
  CancelOutcome,
  CancelRequest,
  InsertOutcome,
  MoveOutcome,
  MoveRequest,
  NewBooking,
  OccupiedTime,
  RoomRule,
} from './bookingStore.js';
import { countersWithRoom, type OccupiedPlace } from '../../services/appointments/counterRoom.js';
import { sqlState } from '../postgres/postgresPool.js';
import { inTransaction, runQuery, storableText, UNIQUE_VIOLATION, type PostgresStoreContext } from '../postgres/postgresQueries.js';
import { parseInstant, toBrussels } from '../../services/brusselsTime.js';

interface BookingRow {
  code: string;
  revision: number;
  service: string;
  counter: string;
  start_text: string;
  end_text: string;
  name: string;
  contact_kind: 'email' | 'phone';
  contact_value: string;
  status: BookingStatus;
  created_at: Date;
  request_id: string;
  closed_by_request_id: string | null;
  closed_at: Date | null;
}

const COLUMNS = `code, revision, service, counter, start_text, end_text, name, contact_kind, contact_value, status,
  created_at, request_id, closed_by_request_id, closed_at`;

/**
 * The advisory lock class of booking days, in the two-integer key space (turn locks use single
 * bigint keys, migrations the class 0x6761): every capacity check and write on a Brussels day holds
 * `pg_advisory_xact_lock(BOOKING_DAY_LOCK, hashtext(day))` until its transaction ends.
 */
const BOOKING_DAY_LOCK = 0x6762;
/** Fresh codes collide about once in millions; give up loudly rather than loop forever (as the embedded store). */
const CODE_ATTEMPTS = 20;

function toBooking(row: BookingRow): Booking {
  const booking: Booking = {
    code: row.code,
    service: row.service,
    counter: row.counter,
    start: row.start_text,
    end: row.end_text,
    name: row.name,
    contact: { kind: row.contact_kind, value: row.contact_value },
    status: row.status,
    createdAt: row.created_at.toISOString(),
    requestId: row.request_id,
    revision: row.revision,
  };
  if (row.closed_by_request_id !== null) booking.closedByRequestId = row.closed_by_request_id;
  if (row.closed_at !== null) booking.closedAt = row.closed_at.toISOString();
  return booking;
}

/** The Brussels days an interval touches, in order: what a capacity check locks. */
function daysOf(start: string, end: string): string[] {
  const first = toBrussels(parseInstant(start)).day;
  // The end is exclusive: an appointment that ends at midnight does not touch the next day.
  const last = toBrussels(parseInstant(end) - 1).day;
  return first === last ? [first] : [first, last];
}

/** Locks the days in a fixed order (sorted), so two transactions locking two days cannot deadlock. */
async function lockDays(client: pg.PoolClient, days: readonly string[]): Promise<void> {
  for (const day of [...new Set(days)].sort()) {
    await client.query('select pg_advisory_xact_lock($1, hashtext($2))', [BOOKING_DAY_LOCK, day]);
  }
}

/** The first counter with room for [start, end) under `room`, from the active records that overlap it. */
async function firstCounterWithRoom(client: pg.PoolClient, start: string, end: string, room: RoomRule, ignoreCode?: string) {
  const { rows } = await client.query<{ service: string; counter: string; start_text: string; end_text: string }>(
    `select service, counter, start_text, end_text from booking
      where status = 'booked' and start_at < $2 and end_at > $1 and ($3::text is null or code <> $3)`,
    [start, end, ignoreCode ?? null],
  );
  const places: OccupiedPlace[] = rows.map((row) => ({
    service: row.service,
    counter: row.counter,
    startMs: parseInstant(row.start_text),
    endMs: parseInstant(row.end_text),
  }));
  // The capacity rule itself is shared with slot search and the embedded store.
  return countersWithRoom(places, parseInstant(start), parseInstant(end), room)[0];
}

async function findOne(client: pg.PoolClient, where: string, values: unknown[]): Promise<Booking | undefined> {
  const { rows } = await client.query<BookingRow>(`select ${COLUMNS} from booking where ${where} limit 1`, values);
  return rows[0] ? toBooking(rows[0]) : undefined;
}

function isCodeClash(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const constraint = (cause as { constraint?: unknown }).constraint;
  return sqlState(cause) === UNIQUE_VIOLATION && (constraint === 'booking_code_owner' || constraint === 'booking_code_revision_key');
}

/**
 * BookingStore in the `booking` table, shared by every instance. Each check-then-write is one
 * transaction that first takes an advisory lock on the Brussels day(s) of the wanted time, so two
 * instances can never both take the last place; the capacity rule is `countersWithRoom`, as in the
 * embedded store. Request ids are unique in the table: a retried activity on any instance finds the
 * first record. A code's first revision owns the code (unique), and a code has at most one active
 * record (unique), so a move or cancel racing another can never leave two active appointments.
 */
export function createPostgresBookingStore(context: PostgresStoreContext): BookingStore {
  return {
    async deleteExpired(now, retentionDays) {
      // coalesce(closed_at, end_at) is retentionStartOf: closed_at is set exactly when a record is no longer booked.
      const result = await runQuery(context, 'delete from booking where coalesce(closed_at, end_at) < $1', [
        bookingRetentionCutoff(now, retentionDays),
      ]);
      return result.rowCount ?? 0;
    },

    async findByRequestId(requestId) {
      const { rows } = await runQuery<BookingRow>(context, `select ${COLUMNS} from booking where request_id = $1`, [requestId]);
      return rows[0] ? toBooking(rows[0]) : undefined;
    },

    async findByCode(code) {
      const { rows } = await runQuery<BookingRow>(context, `select ${COLUMNS} from booking where code = $1 order by revision`, [code]);
      return rows.map(toBooking);
    },

    async activeBetween(from, to) {
      const { rows } = await runQuery<BookingRow>(
        context,
        `select ${COLUMNS} from booking where status = 'booked' and start_at < $2 and end_at > $1 order by start_at, id`,
        [from, to],
      );
      return rows.map(toBooking);
    },

    async occupiedBetween(from, to) {
      const { rows } = await runQuery<{ service: string; counter: string; start_text: string; end_text: string }>(
        context,
        `select service, counter, start_text, end_text from booking where status = 'booked' and start_at < $2 and end_at > $1`,
        [from, to],
      );
      return rows.map((row): OccupiedTime => ({
        service: row.service,
        counter: row.counter,
        start: row.start_text,
        end: row.end_text,
        status: 'booked',
      }));
    },

    insertIfRoom: (booking, room, newCode) => insertIfRoom(context, booking, room, newCode),

    moveIfRoom: (request) => moveIfRoom(context, request),

    cancelActive: (request) => cancelActive(context, request),
  };
}

/** Books `booking` on the first counter with room, unless its request was booked before; retries on a code clash. */
async function insertIfRoom(
  context: PostgresStoreContext,
  booking: NewBooking,
  room: RoomRule,
  newCode: () => string,
): Promise<InsertOutcome> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
    try {
      return await inTransaction(context, async (client): Promise<InsertOutcome> => {
        await lockDays(client, daysOf(booking.start, booking.end));
        const earlier = await findOne(client, 'request_id = $1', [booking.requestId]);
        if (earlier) return { kind: 'replayed', booking: earlier };
        const counter = await firstCounterWithRoom(client, booking.start, booking.end, room);
        if (counter === undefined) return { kind: 'full' };
        const code = await freeCode(client, newCode);
        const { rows } = await client.query<BookingRow>(
          `insert into booking (code, revision, service, counter, start_text, end_text, start_at, end_at, name,
             contact_kind, contact_value, status, created_at, request_id)
           values ($1, 0, $2, $3, $4::text, $5::text, $4::text::timestamptz, $5::text::timestamptz, $6, $7, $8, 'booked', $9, $10)
           on conflict (request_id) do nothing
           returning ${COLUMNS}`,
          [
            code,
            booking.service,
            counter,
            booking.start,
            booking.end,
            storableText(booking.name),
            booking.contact.kind,
            booking.contact.value,
            booking.createdAt,
            booking.requestId,
          ],
        );
        if (rows[0]) return { kind: 'inserted', booking: toBooking(rows[0]) };
        // The same request id was booked meanwhile for another day (another lock): that record stands.
        const replay = await findOne(client, 'request_id = $1', [booking.requestId]);
        if (!replay) throw new Error('booking request id conflicted but no record was found');
        return { kind: 'replayed', booking: replay };
      });
    } catch (error) {
      // A code taken at the same moment by a booking on another day: try again with a new code.
      if (!isCodeClash(error)) throw error;
    }
  }
  throw new Error(`no free booking code after ${CODE_ATTEMPTS} attempts`);
}

/** Closes the active record as moved and inserts its next revision at the new time, in one transaction. */
function moveIfRoom(context: PostgresStoreContext, request: MoveRequest): Promise<MoveOutcome> {
  return inTransaction(context, async (client): Promise<MoveOutcome> => {
    await lockDays(client, daysOf(request.newStart, request.newEnd));
    const replay = await findOne(client, 'request_id = $1', [request.requestId]);
    if (replay) {
      const previous = await findOne(client, 'code = $1 and closed_by_request_id = $2', [replay.code, request.requestId]);
      if (previous) return { kind: 'replayed', previous, booking: replay };
    }
    // The row lock makes a concurrent cancel or move of the same booking wait, then see it changed.
    const { rows } = await client.query<BookingRow & { id: string }>(
      `select id, ${COLUMNS} from booking where code = $1 and status = 'booked' and start_text = $2 for update`,
      [request.code, request.expectedStart],
    );
    const current = rows[0];
    if (!current) return { kind: 'notActive' };
    // The old place does not count against the new one.
    const counter = await firstCounterWithRoom(client, request.newStart, request.newEnd, request.room, request.code);
    if (counter === undefined) return { kind: 'full' };
    const closed = await client.query<BookingRow>(
      `update booking set status = 'moved', closed_by_request_id = $2, closed_at = $3 where id = $1 returning ${COLUMNS}`,
      [current.id, request.requestId, request.movedAt],
    );
    const next = await client.query<BookingRow>(
      `insert into booking (code, revision, service, counter, start_text, end_text, start_at, end_at, name,
         contact_kind, contact_value, status, created_at, request_id)
       values ($1, $2, $3, $4, $5::text, $6::text, $5::text::timestamptz, $6::text::timestamptz, $7, $8, $9, 'booked', $10, $11)
       returning ${COLUMNS}`,
      [
        current.code,
        current.revision + 1,
        current.service,
        counter,
        request.newStart,
        request.newEnd,
        current.name,
        current.contact_kind,
        current.contact_value,
        request.movedAt,
        request.requestId,
      ],
    );
    return { kind: 'moved', previous: toBooking(closed.rows[0]!), booking: toBooking(next.rows[0]!) };
  });
}

/** Cancels the active record, or finds the cancellation this request made before. */
async function cancelActive(context: PostgresStoreContext, request: CancelRequest): Promise<CancelOutcome> {
  // One conditional update: of two racing cancels or moves, only one finds the record still active.
  const { rows } = await runQuery<BookingRow>(
    context,
    `update booking set status = 'cancelled', closed_by_request_id = $3, closed_at = $4
      where code = $1 and status = 'booked' and start_text = $2
      returning ${COLUMNS}`,
    [request.code, request.expectedStart, request.requestId, request.cancelledAt],
  );
  if (rows[0]) return { kind: 'cancelled', booking: toBooking(rows[0]) } satisfies CancelOutcome;
  const replay = await runQuery<BookingRow>(
    context,
    `select ${COLUMNS} from booking where code = $1 and closed_by_request_id = $2 and status = 'cancelled'`,
    [request.code, request.requestId],
  );
  return replay.rows[0] ? { kind: 'replayed', booking: toBooking(replay.rows[0]) } : { kind: 'notActive' };
}

/** A code no stored appointment uses; a clash with one being written elsewhere right now fails on the unique index. */
async function freeCode(client: pg.PoolClient, newCode: () => string): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
    const code = newCode();
    const { rowCount } = await client.query('select 1 from booking where code = $1 limit 1', [code]);
    if ((rowCount ?? 0) === 0) return code;
  }
  throw new Error(`no free booking code after ${CODE_ATTEMPTS} attempts`);
}
