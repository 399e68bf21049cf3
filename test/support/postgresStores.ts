import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { runMigrations } from '../../stores/postgres/migrations.js';
import { createPostgresPool } from '../../stores/postgres/postgresPool.js';
import type { PostgresStoreContext } from '../../stores/postgres/postgresQueries.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

export interface PostgresStoreDatabase {
  /** The test database (for URLs and names). */
  readonly database: TestDatabase;
  /** Empties `tables` and returns two instances' contexts on it: each its own pool, as two processes would have. */
  fresh(tables: readonly string[]): Promise<{ first: PostgresStoreContext; second: PostgresStoreContext }>;
  /** Empties `tables` and makes the store as two instances would, each on its own pool: for the store contracts' `store` and `twin`. */
  twins<S>(tables: readonly string[], create: (context: PostgresStoreContext) => S): Promise<{ store: S; twin: S }>;
  /** A direct query, for tests that look at what the tables hold. */
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>>;
}

/**
 * A migrated test database for one PostgreSQL store suite, created before its tests and dropped after
 * them. Call it inside the suite's `describe` (it registers beforeAll/afterAll there).
 */
export function usePostgresStoreDatabase(): PostgresStoreDatabase {
  let database: TestDatabase | undefined;
  let first: pg.Pool | undefined;
  let second: pg.Pool | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = createPostgresPool(database.url, { max: 10, applicationName: 'test:first' });
    second = createPostgresPool(database.url, { max: 10, applicationName: 'test:second' });
    await runMigrations(first, { database: database.name });
  });
  afterAll(async () => {
    await Promise.all([first?.end(), second?.end()]);
    await database?.drop();
  });

  const fresh: PostgresStoreDatabase['fresh'] = async (tables) => {
    if (!database || !first || !second) throw new Error('the test database is made in beforeAll');
    if (tables.length > 0) await first.query(`truncate ${tables.join(', ')}`);
    return { first: { pool: first, database: database.name }, second: { pool: second, database: database.name } };
  };

  return {
    get database() {
      if (!database) throw new Error('the test database is made in beforeAll');
      return database;
    },
    fresh,
    async twins(tables, create) {
      const contexts = await fresh(tables);
      return { store: create(contexts.first), twin: create(contexts.second) };
    },
    query(text, values) {
      if (!first) throw new Error('the test database is made in beforeAll');
      return first.query(text, values);
    },
  };
}
