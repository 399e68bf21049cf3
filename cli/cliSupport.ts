/** What the survey CLIs share: argument parsing, opening the configured store, and one-line errors. */
import { silentLogger } from '../bot/logger.js';
import { openEmbeddedFiles, type EmbeddedFiles } from '../stores/embedded/embeddedFiles.js';
import { openPostgresDatabase } from '../stores/postgres/postgresDatabase.js';
import { createPostgresOutcomeStore } from '../stores/survey/postgresOutcomeStore.js';
import { createPostgresSurveyStore } from '../stores/survey/postgresSurveyStore.js';
import { isStoreError } from '../stores/storeErrors.js';
import { openEmbeddedSurveyStores, type SurveyStores } from '../stores/survey/openSurveyStores.js';
import { CodedError } from '../services/errorCatalogue.js';

/** A wrong command line: printed as one line, exit code 2. */
export class UsageError extends CodedError {
  constructor(message: string) {
    super('USAGE_INVALID', message);
  }
}

export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
}

/** `--name value` for the named value options, `--flag` for the flags; anything else is a UsageError. */
export function parseArgs(argv: readonly string[], valueOptions: readonly string[], flagOptions: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const [name, inline] = arg.startsWith('--') ? (arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]) : [arg, undefined];
    if (valueOptions.includes(name)) {
      const value = inline ?? argv[index + 1];
      if (inline === undefined) index += 1;
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else if (flagOptions.includes(name) && inline === undefined) {
      flags.add(name);
    } else {
      throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return { values, flags };
}

/** Opens the embedded store in DATA_DIR (default var/). */
async function openDataDir(env: NodeJS.ProcessEnv = process.env): Promise<EmbeddedFiles> {
  const storage = env.STORAGE?.trim() || 'lowdb';
  if (storage !== 'lowdb') throw new UsageError(`STORAGE=${storage} is not the embedded store (lowdb)`);
  return openEmbeddedFiles(env.DATA_DIR?.trim() || 'var', { logger: silentLogger });
}

export interface OpenedSurveyStores {
  stores: SurveyStores;
  /** Where the rows are, for messages: the data directory, or host:port/database (no credentials). */
  where: string;
  close(): Promise<void>;
}

/**
 * The survey stores of the configured storage, as the bot opens them: STORAGE=lowdb (default) reads
 * DATA_DIR (and needs the bot stopped: one process per data directory), STORAGE=postgres reads
 * DATABASE_URL (any time, next to running instances; pending migrations run first, as at start-up).
 */
export async function openSurveyStoresFor(env: NodeJS.ProcessEnv = process.env): Promise<OpenedSurveyStores> {
  const storage = env.STORAGE?.trim() || 'lowdb';
  if (storage === 'postgres') {
    const databaseUrl = env.DATABASE_URL?.trim();
    if (!databaseUrl) throw new UsageError('STORAGE=postgres requires DATABASE_URL');
    const database = await openPostgresDatabase(databaseUrl, { logger: silentLogger, poolSize: 2, lockPoolSize: 1 });
    const context = { pool: database.pool, database: database.name };
    const now = () => new Date();
    return {
      stores: { surveyStore: createPostgresSurveyStore(context, { now }), outcomeStore: createPostgresOutcomeStore(context, { now }) },
      where: database.name,
      close: () => database.close(),
    };
  }
  if (storage !== 'lowdb') throw new UsageError(`STORAGE must be lowdb or postgres, not ${JSON.stringify(storage)}`);
  const files = await openDataDir(env);
  return { stores: await openEmbeddedSurveyStores(files), where: files.dataDir, close: () => files.close() };
}

/** Runs a CLI body: usage errors exit 2, a data directory in use (or any store error) exits 1, with one line on stderr. */
export async function runCli(name: string, usage: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${name}: ${error.message} (${usage})\n`);
      process.exitCode = 2;
    } else if (isStoreError(error, 'DATA_DIR_LOCKED')) {
      process.stderr.write(`${name}: ${error.message} Stop the bot first, or run this command on a copy of the data directory.\n`);
      process.exitCode = 1;
    } else if (isStoreError(error)) {
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
