import { createScratchDatabase, withAdmin as withAdminOf, type ScratchDatabase } from './scratchDatabase.js';

/** The server the PostgreSQL suites use: TEST_DATABASE_URL, else the developers' and CI machines' local server. */
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = ScratchDatabase;

const withAdmin = <T>(work: Parameters<typeof withAdminOf<T>>[1]) => withAdminOf(ADMIN_DATABASE_URL, work);

/** Creates a uniquely named, empty database on the test server. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createScratchDatabase(ADMIN_DATABASE_URL, 'assistent_test');
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
    if (process.env.CI) throw new Error(`${reason}: CI must provide it (see .ci/run).`, { cause: error });
    return reason;
  }
}

export const postgresUnavailable: string | null = await probe();

if (postgresUnavailable) {
  process.stderr.write(`Skipping PostgreSQL suites: ${postgresUnavailable}. Set TEST_DATABASE_URL or start a local server to run them.\n`);
}
