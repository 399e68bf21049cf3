import { errorCode } from '../../bot/errorCodes.js';
import type { Logger } from '../../bot/logger.js';
import type { CallbackStore } from './callbackStore.js';

export interface RetentionJobOptions {
  retentionDays: number;
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
 * Deletes callback requests (and their excerpts) `retentionDays` after they were closed: once at
 * start, then every `intervalMs`. The timer does not keep the process alive.
 */
export function startRetentionJob(store: CallbackStore, options: RetentionJobOptions): RetentionJob {
  const now = options.now ?? (() => new Date());
  let running: Promise<number> | null = null;

  const runNow = (): Promise<number> => {
    // One run at a time: a slow disk must not stack up deletions.
    running ??= store
      .deleteExpired(now(), options.retentionDays)
      .then(
        (deleted) => {
          options.logger.info('callback.retention', { deleted, retentionDays: options.retentionDays });
          return deleted;
        },
        (error: unknown) => {
          options.logger.error('callback.retentionFailed', { code: errorCode(error) });
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
