import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type pg from 'pg';
import { etagConflict } from '../storeErrors.js';
import { toStoreError } from '../postgres/postgresPool.js';

interface StateRow {
  key: string;
  item: Record<string, unknown>;
  etag: string;
}

/**
 * botbuilder Storage (conversation and user state) in the `bot_state` table (jsonb), shared by every
 * instance. Same contract as EmbeddedStateStorage: every write stores a new eTag; a write carrying an
 * eTag other than '*' must match the stored one (a missing item matches nothing), else the whole batch
 * fails with ETAG_CONFLICT and nothing is written. Unreachable database: STORAGE_UNAVAILABLE.
 */
export class PostgresStateStorage implements Storage {
  constructor(
    private readonly pool: pg.Pool,
    private readonly database: string,
    private readonly newETag: () => string = randomUUID,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('PostgresStateStorage.read: keys must be an array');
    if (keys.length === 0) return {};
    const { rows } = await this.query<StateRow>('select key, item, etag from bot_state where key = any($1::text[])', [keys]);
    const found: StoreItems = {};
    for (const row of rows) setOwn(found, row.key, { ...row.item, eTag: row.etag });
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    if (typeof changes !== 'object' || changes === null) {
      throw new TypeError('PostgresStateStorage.write: changes must be an object');
    }
    const writes = Object.entries(changes).map(([key, item]) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new TypeError('PostgresStateStorage.write: every item must be an object');
      }
      const { eTag, ...rest } = item as Record<string, unknown>;
      const expected = eTag === undefined || eTag === '*' ? null : String(eTag);
      return { key, json: toJsonb(rest), expected, eTag: this.newETag() };
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

  /** Writes one item; returns the number of rows written (0 = eTag did not match). */
  private async writeOne(runner: pg.Pool | pg.PoolClient, write: { key: string; json: string; expected: string | null; eTag: string }) {
    try {
      const result =
        write.expected === null
          ? await runner.query(
              `insert into bot_state (key, item, etag) values ($1, $2::jsonb, $3)
               on conflict (key) do update set item = excluded.item, etag = excluded.etag, updated_at = now()`,
              [write.key, write.json, write.eTag],
            )
          : // Under concurrent writers the row lock makes the second update re-check the eTag on the new row: one wins.
            await runner.query('update bot_state set item = $2::jsonb, etag = $3, updated_at = now() where key = $1 and etag = $4', [
              write.key,
              write.json,
              write.eTag,
              write.expected,
            ]);
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
