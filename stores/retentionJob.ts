import { errorCode } from '../services/errorCatalogue.js';
import type { Logger } from '../bot/logger.js';

/** Runs in a row that find the database out of reach before the job logs an error (the others are warnings). */
const UNREACHABLE_RUNS_BEFORE_ERROR = 3;

/** Deletes what has expired by `now`; returns how many. */
export type DeleteExpired = (now: Date) => Promise<number>;

export interface RetentionJobOptions {
  /** Names the log events (`<name>.retention`, `<name>.retentionDeferred`, `<name>.retentionFailed`). */
  name: 'callback' | 'booking' | 'botState';
  /** Logged with every run, e.g. `{ retentionDays: 30 }`. */
  retention: Record<string, number>;
  /** Default one hour. */
  intervalMs?: number;
  /** How soon a run is tried again after the database was out of reach; default five minutes. */
  retryMs?: number;
  now?: () => Date;
  logger: Logger;
}

export interface RetentionJob {
  /** The run started with the job (resolves to the number deleted; never rejects). */
  readonly firstRun: Promise<number>;
  /** Runs once now; never rejects (a failure is logged with its code and counts as 0). */
  runNow(): Promise<number>;
  /** Stops the timer; resolves once a run under way has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `deleteExpired` once at start, then every `intervalMs`: callback requests (and their
 * excerpts) after CALLBACK_RETENTION_DAYS, bookings after BOOKING_RETENTION_DAYS, PostgreSQL bot
 * state after its expiry. The timers do not keep the process alive.
 *
 * A run that finds the database out of reach (STORAGE_UNAVAILABLE: a PostgreSQL restart, or a start-up
 * on a machine too busy to connect in time) is a warning and is tried again after `retryMs`; only the
 * third such run in a row, or any other failure, is an error for the admin to look at.
 */
export function startRetentionJob(deleteExpired: DeleteExpired, options: RetentionJobOptions): RetentionJob {
  const now = options.now ?? (() => new Date());
  const { name } = options;
  let running: Promise<number> | null = null;
  let unreachableRuns = 0;
  let retry: NodeJS.Timeout | undefined;

  const failed = (error: unknown): number => {
    const code = errorCode(error);
    unreachableRuns = code === 'STORAGE_UNAVAILABLE' ? unreachableRuns + 1 : 0;
    if (unreachableRuns > 0 && unreachableRuns < UNREACHABLE_RUNS_BEFORE_ERROR) {
      const retryInMs = options.retryMs ?? 5 * 60 * 1000;
      options.logger.warn(`${name}.retentionDeferred`, { code, retryInMs });
      clearTimeout(retry);
      retry = setTimeout(() => void runNow(), retryInMs);
      retry.unref();
    } else {
      options.logger.error(`${name}.retentionFailed`, { code });
    }
    return 0;
  };

  const runNow = (): Promise<number> => {
    // One run at a time: a slow disk must not stack up deletions.
    running ??= Promise.resolve()
      .then(() => deleteExpired(now()))
      .then((deleted) => {
        unreachableRuns = 0;
        options.logger.info(`${name}.retention`, { deleted, ...options.retention });
        return deleted;
      }, failed)
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void runNow(), options.intervalMs ?? 60 * 60 * 1000);
  timer.unref();
  const stop = async () => {
    clearInterval(timer);
    clearTimeout(retry);
    await running;
  };
  return { firstRun: runNow(), runNow, stop };
}
