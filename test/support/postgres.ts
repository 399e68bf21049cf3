import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the PostgreSQL suites use: TEST_DATABASE_URL, else the developers' and CI machines' local server. */
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database, ending any connection still open on it. */
  drop(): Promise<void>;
}

/** Runs `work` with one short-lived connection to the admin database. */
async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates a uniquely named, empty database on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `assistent_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** Ends every connection to `databaseName` (as a database restart would), except the caller's own. */
export async function terminateConnections(databaseName: string, applicationName?: string): Promise<number> {
  return withAdmin(async (client) => {
    const { rowCount } = await client.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = $1 and pid <> pg_backend_pid() and ($2::text is null or application_name = $2)`,
      [databaseName, applicationName ?? null],
    );
    return rowCount ?? 0;
  });
}

/**
 * Why the PostgreSQL suites cannot run here, or null when they can. On a user's fresh machine they
 * skip with this reason; in CI (CI set) an unreachable server is an error, so they can never
 * silently stop running there.
 */
async function probe(): Promise<string | null> {
  try {
    await withAdmin((client) => client.query('select 1'));
    return null;
  } catch (error) {
    const where = new URL(ADMIN_DATABASE_URL).host;
    const reason = `PostgreSQL at ${where} is not reachable (${(error as { code?: string }).code ?? (error as Error).message})`;
    if (process.env.CI) throw new Error(`${reason}: CI must provide it (see .ci/run).`);
    return reason;
  }
}

export const postgresUnavailable: string | null = await probe();

if (postgresUnavailable) {
  process.stderr.write(`Skipping PostgreSQL suites: ${postgresUnavailable}. Set TEST_DATABASE_URL or start a local server to run them.\n`);
}
