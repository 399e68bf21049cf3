/**
 * Brings the PostgreSQL database in DATABASE_URL to this release's schema (the bot also does this at
 * start-up; run it as a release step to keep schema changes out of the instances' start).
 *   DATABASE_URL=postgres://... tsx cli/migrate.ts
 * Exit codes: 0 done (also when nothing was pending), 1 failed (one line on stderr), 2 no DATABASE_URL.
 */
import { createConsoleLogger } from '../bot/logger.js';
import { runMigrations } from '../stores/postgres/migrations.js';
import { createPostgresPool, describeDatabase } from '../stores/postgres/postgresPool.js';

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    process.stderr.write('migrate: set DATABASE_URL to the PostgreSQL database to migrate.\n');
    return 2;
  }
  const database = describeDatabase(databaseUrl);
  const logger = createConsoleLogger(() => undefined);
  const pool = createPostgresPool(databaseUrl, { max: 1, applicationName: 'gemeente-assistent:migrate', logger });
  try {
    const run = await runMigrations(pool, { database, logger });
    for (const name of run.applied) process.stdout.write(`applied ${name}\n`);
    process.stdout.write(`${database}: ${run.applied.length} applied, ${run.alreadyApplied} already applied\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`migrate: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}

process.exitCode = await main();
