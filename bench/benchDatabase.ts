/**
 * A PostgreSQL database of its own for a benchmark: created on the server of BENCH_DATABASE_URL
 * (else TEST_DATABASE_URL, else the local server the tests use) and dropped afterwards. Where no
 * server answers, the PostgreSQL benchmarks are skipped with a note instead of failing the run.
 */
import { createScratchDatabase, type ScratchDatabase } from '../test/support/scratchDatabase.js';

const BENCH_ADMIN_URL =
  process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = ScratchDatabase;

/** A fresh, empty database, or why there is none (the server is not reachable). */
export async function createBenchDatabase(): Promise<BenchDatabase | { skipped: string }> {
  try {
    return await createScratchDatabase(BENCH_ADMIN_URL, 'assistent_bench');
  } catch (error) {
    const host = new URL(BENCH_ADMIN_URL).host;
    return { skipped: `PostgreSQL at ${host} is not reachable (${(error as { code?: string }).code ?? (error as Error).message})` };
  }
}
