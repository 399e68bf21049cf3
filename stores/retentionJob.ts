import { errorCode } from '../bot/errorCodes.js';
import type { Logger } from '../bot/logger.js';

/** A store holding personal data that it deletes once its retention period is over. */
export interface ExpiringStore {
  /** Deletes what is more than `retentionDays` past its retention start; returns how many. */
  deleteExpired(now: Date, retentionDays: number): Promise<number>;
}

export interface RetentionJobOptions {
  retentionDays: number;
  /** Names the log events (`<name>.retention`, `<name>.retentionFailed`); default `callback`. */
  name?: 'callback' | 'booking';
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
  stop(): void;
}

/**
 * Runs `store.deleteExpired` once at start, then every `intervalMs`: callback requests (and their
 * excerpts) after CALLBACK_RETENTION_DAYS, bookings after BOOKING_RETENTION_DAYS. The timer does
 * not keep the process alive.
 */
export function startRetentionJob(store: ExpiringStore, options: RetentionJobOptions): RetentionJob {
  const now = options.now ?? (() => new Date());
  const name = options.name ?? 'callback';
  let running: Promise<number> | null = null;

  const runNow = (): Promise<number> => {
    // One run at a time: a slow disk must not stack up deletions.
    running ??= store
      .deleteExpired(now(), options.retentionDays)
      .then(
        (deleted) => {
          options.logger.info(`${name}.retention`, { deleted, retentionDays: options.retentionDays });
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
  return { firstRun: runNow(), runNow, stop: () => clearInterval(timer) };
}
