/**
 * A PostgreSQL database of its own for a benchmark: created on the server of BENCH_DATABASE_URL
 * (else TEST_DATABASE_URL, else the local server the tests use) and dropped afterwards. Where no
 * server answers, the PostgreSQL benchmarks are skipped with a note instead of failing the run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const BENCH_ADMIN_URL =
  process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh, empty database, or why there is none (the server is not reachable). */
export async function createBenchDatabase(): Promise<BenchDatabase | { skipped: string }> {
  const name = `assistent_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  try {
    await withAdmin((client) => client.query(`create database ${name}`));
  } catch (error) {
    const host = new URL(BENCH_ADMIN_URL).host;
    return { skipped: `PostgreSQL at ${host} is not reachable (${(error as { code?: string }).code ?? (error as Error).message})` };
  }
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
