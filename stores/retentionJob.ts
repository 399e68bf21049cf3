import { errorCode } from '../services/errorCatalogue.js';
import type { Logger } from '../bot/logger.js';

/** Deletes what has expired by `now`; returns how many. */
export type DeleteExpired = (now: Date) => Promise<number>;

export interface RetentionJobOptions {
  /** Names the log events (`<name>.retention`, `<name>.retentionFailed`). */
  name: 'callback' | 'booking' | 'botState';
  /** Logged with every run, e.g. `{ retentionDays: 30 }`. */
  retention: Record<string, number>;
  /** Default one hour. */
  intervalMs?: number;
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
 * state after its expiry. The timer does not keep the process alive.
 */
export function startRetentionJob(deleteExpired: DeleteExpired, options: RetentionJobOptions): RetentionJob {
  const now = options.now ?? (() => new Date());
  const { name } = options;
  let running: Promise<number> | null = null;

  const runNow = (): Promise<number> => {
    // One run at a time: a slow disk must not stack up deletions.
    running ??= Promise.resolve()
      .then(() => deleteExpired(now()))
      .then(
        (deleted) => {
          options.logger.info(`${name}.retention`, { deleted, ...options.retention });
          return deleted;
        },
        (error: unknown) => {
          options.logger.error(`${name}.retentionFailed`, { code: errorCode(error) });
          return 0;
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void runNow(), options.intervalMs ?? 60 * 60 * 1000);
  timer.unref();
  const stop = async () => {
    clearInterval(timer);
    await running;
  };
  return { firstRun: runNow(), runNow, stop };
}
