import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type pg from 'pg';
import { etagConflict } from '../storeErrors.js';
import { toStoreError } from '../postgres/postgresPool.js';
import { DEFAULT_STATE_EXPIRY, stateCollectionNameOf, stateMaxAgeMs, type StateCollectionName, type StateExpiry } from './stateExpiry.js';

interface StateRow {
  key: string;
  item: Record<string, unknown>;
  etag: string;
  saved_at: Date;
}

interface StateWrite {
  key: string;
  json: string;
  /** The eTag the caller read, or null for '*'. */
  expected: string | null;
  eTag: string;
  collection: StateCollectionName;
  savedAt: Date;
  /** A stored row saved before this is expired: an eTag cannot match it. */
  aliveSince: Date;
}

export interface PostgresStateStorageOptions {
  newETag?: () => string;
  /** The clock saves and expiry go by (default the system clock). */
  now?: () => Date;
  expiry?: StateExpiry;
}

const COLLECTIONS: readonly StateCollectionName[] = ['conversations', 'users'];

/**
 * botbuilder Storage (conversation and user state) in the `bot_state` table (jsonb), shared by every
 * instance. Same contract as EmbeddedStateStorage: every write stores a new eTag; a write carrying an
 * eTag other than '*' must match the stored one (a missing item matches nothing), else the whole batch
 * fails with ETAG_CONFLICT and nothing is written. Unreachable database: STORAGE_UNAVAILABLE.
 * Expiry as in the embedded store (stateExpiry.ts): every save writes `saved_at` (this process's
 * clock) and the key's collection; a row older than its collection's expiry is gone for reads and
 * eTag checks at once, and `deleteExpired` (the hourly retention job) deletes it.
 */
export class PostgresStateStorage implements Storage {
  private readonly newETag: () => string;
  private readonly now: () => Date;
  private readonly expiry: StateExpiry;

  constructor(
    private readonly pool: pg.Pool,
    private readonly database: string,
    options: PostgresStateStorageOptions = {},
  ) {
    this.newETag = options.newETag ?? randomUUID;
    this.now = options.now ?? (() => new Date());
    this.expiry = options.expiry ?? DEFAULT_STATE_EXPIRY;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('PostgresStateStorage.read: keys must be an array');
    if (keys.length === 0) return {};
    const { rows } = await this.query<StateRow>('select key, item, etag, saved_at from bot_state where key = any($1::text[])', [keys]);
    const at = this.now();
    const found: StoreItems = {};
    for (const row of rows) {
      if (row.saved_at >= this.aliveSince(row.key, at)) setOwn(found, row.key, { ...row.item, eTag: row.etag });
    }
    return found;
  }

  /** Deletes the rows of each collection saved longer ago than its expiry; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    let deleted = 0;
    for (const collection of COLLECTIONS) {
      const cutoff = new Date(now.getTime() - stateMaxAgeMs(this.expiry, collection));
      const { rowCount } = await this.query('delete from bot_state where collection = $1 and saved_at < $2', [collection, cutoff]);
      deleted += rowCount ?? 0;
    }
    return deleted;
  }

  async write(changes: StoreItems): Promise<void> {
    if (typeof changes !== 'object' || changes === null) {
      throw new TypeError('PostgresStateStorage.write: changes must be an object');
    }
    const savedAt = this.now();
    const writes = Object.entries(changes).map(([key, item]): StateWrite => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new TypeError('PostgresStateStorage.write: every item must be an object');
      }
      const { eTag, ...rest } = item as Record<string, unknown>;
      const expected = eTag === undefined || eTag === '*' ? null : String(eTag);
      return {
        key,
        json: toJsonb(rest),
        expected,
        eTag: this.newETag(),
        collection: stateCollectionNameOf(key),
        savedAt,
        aliveSince: this.aliveSince(key, savedAt),
      };
    });
    if (writes.length === 0) return;
    // botbuilder's state classes write one item at a time: one statement, no transaction round trips.
    if (writes.length === 1) {
      if ((await this.writeOne(this.pool, writes[0]!)) === 0) throw etagConflict();
      return;
    }
    await this.inTransaction(async (client) => {
      for (const write of writes) {
        if ((await this.writeOne(client, write)) === 0) throw etagConflict();
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('PostgresStateStorage.delete: keys must be an array');
    if (keys.length === 0) return;
    await this.query('delete from bot_state where key = any($1::text[])', [keys]);
  }

  /** The oldest save of `key` that is still alive at `at`. */
  private aliveSince(key: string, at: Date): Date {
    return new Date(at.getTime() - stateMaxAgeMs(this.expiry, stateCollectionNameOf(key)));
  }

  /** Writes one item; returns the number of rows written (0 = eTag did not match, or the stored row expired). */
  private async writeOne(runner: pg.Pool | pg.PoolClient, write: StateWrite) {
    try {
      const result =
        write.expected === null
          ? await runner.query(
              `insert into bot_state (key, item, etag, saved_at, collection) values ($1, $2::jsonb, $3, $4, $5)
               on conflict (key) do update set item = excluded.item, etag = excluded.etag, updated_at = now(),
                 saved_at = excluded.saved_at, collection = excluded.collection`,
              [write.key, write.json, write.eTag, write.savedAt, write.collection],
            )
          : // Under concurrent writers the row lock makes the second update re-check the eTag on the new row: one wins.
            await runner.query(
              `update bot_state set item = $2::jsonb, etag = $3, updated_at = now(), saved_at = $5, collection = $6
                where key = $1 and etag = $4 and saved_at >= $7`,
              [write.key, write.json, write.eTag, write.expected, write.savedAt, write.collection, write.aliveSince],
            );
      return result.rowCount ?? 0;
    } catch (error) {
      throw toStoreError(error, this.database);
    }
  }

  private async query<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<Row>> {
    try {
      return await this.pool.query<Row>(text, values);
    } catch (error) {
      throw toStoreError(error, this.database);
    }
  }

  private async inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toStoreError(error, this.database);
    }
    let broken: unknown;
    try {
      await client.query('begin');
      await work(client);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch((rollbackError: unknown) => (broken = rollbackError));
      throw toStoreError(error, this.database);
    } finally {
      // A client whose rollback failed may still be in a transaction: destroy it rather than reuse it.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }
}

/**
 * The item as jsonb text. PostgreSQL's jsonb cannot hold the character U+0000, which a resident can
 * type: it becomes U+FFFD, so one odd character never makes a conversation unsavable.
 */
function toJsonb(item: Record<string, unknown>): string {
  return JSON.stringify(item, (_key, value: unknown) => (typeof value === 'string' ? value.replace(/\u0000/g, '\uFFFD') : value));
}

/** Sets an own property even for keys such as "__proto__", which plain assignment would not store. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
