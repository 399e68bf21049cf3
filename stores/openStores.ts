import type { Storage, StoreItems } from 'botbuilder';
import { errorCode } from '../services/errorCatalogue.js';
import type { BookingStore } from './bookings/bookingStore.js';
import { createEmbeddedBookingStore, type BookingDocument } from './bookings/embeddedBookingStore.js';
import { ConfigError, type Config } from '../bot/config.js';
import type { Logger } from '../bot/logger.js';
import { openEmbeddedFiles } from './embedded/embeddedFiles.js';
import type { CallbackStore } from './callbacks/callbackStore.js';
import { CALLBACK_DOCUMENT, createEmbeddedCallbackStore, EMPTY_CALLBACK_DOCUMENT } from './callbacks/embeddedCallbackStore.js';
import { EmbeddedStateStorage, openStateCollections } from './botState/embeddedStateStorage.js';
import { migrateStateShards } from './botState/migrateStateShards.js';
import { createPostgresBookingStore } from './bookings/postgresBookingStore.js';
import { createPostgresCallbackStore } from './callbacks/postgresCallbackStore.js';
import { openPostgresDatabase } from './postgres/postgresDatabase.js';
import { createPostgresOutcomeStore } from './survey/postgresOutcomeStore.js';
import { PostgresStateStorage } from './botState/postgresStateStorage.js';
import { DEFAULT_STATE_EXPIRY } from './botState/stateExpiry.js';
import { startRetentionJob } from './retentionJob.js';
import { createPostgresSurveyStore } from './survey/postgresSurveyStore.js';
import { PostgresTurnLock } from './turnLock/postgresTurnLock.js';
import { openEmbeddedSurveyStores, type SurveyStores } from './survey/openSurveyStores.js';
import { InProcessTurnLock, type TurnLock } from './turnLock/turnLock.js';
import type { SessionStore } from './sessions/sessionStore.js';
import {
  createEmbeddedSessionStore,
  EMPTY_SESSION_DOCUMENT,
  SESSION_DOCUMENT,
  type SessionDocument,
} from './sessions/embeddedSessionStore.js';
import { createPostgresSessionStore } from './sessions/postgresSessionStore.js';
import type { AttemptStore } from './attempts/attemptStore.js';
import { createEmbeddedAttemptStore } from './attempts/embeddedAttemptStore.js';
import { createPostgresAttemptStore } from './attempts/postgresAttemptStore.js';

/** Every store the assistant uses, behind interfaces, whichever storage backs them. */
export interface Stores {
  /** botbuilder conversation and user state; whether its writes work is part of `isReady`. */
  state: Storage;
  /** Residents' requests to be called back, worked by phone staff. */
  callbacks: CallbackStore;
  /** Anonymous survey answers and conversation outcome counts. */
  survey: SurveyStores;
  /** Runs the turns of one conversation one after another (see turnLockMiddleware). */
  turnLock: TurnLock;
  /** Appointments at the counter. */
  bookings: BookingStore;
  /** Staff and dashboard sessions. */
  sessions: SessionStore;
  /** Attempt limits: logins, new chats, wrong booking codes. */
  attempts: AttemptStore;
  /**
   * Whether the storage answers now and takes writes (for `/readyz`): a full disk or a refusing
   * database takes the instance out of rotation. See `watchWrites`.
   */
  isReady(): Promise<boolean>;
  /** Waits for pending writes and releases the storage. */
  close(): Promise<void>;
}

/** How often expired bot state files are removed (reads already treat them as gone). */
const STATE_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** How long a turn waits for the previous turn of its conversation; below the channels' 15 s retry. */
const TURN_LOCK_WAIT_MS = 10_000;

/**
 * Opens the configured storage. The embedded store takes the DATA_DIR lock: one process per directory.
 * PostgreSQL runs pending migrations first and is shared by any number of instances.
 */
export async function openStores(
  config: Pick<Config, 'storage' | 'dataDir'> & Partial<Pick<Config, 'databaseUrl'>>,
  logger: Logger,
  options: { now?: () => Date } = {},
): Promise<Stores> {
  if (config.storage === 'postgres') {
    if (!config.databaseUrl) {
      throw new ConfigError('STORAGE=postgres requires DATABASE_URL.');
    }
    return openPostgresStores(config.databaseUrl, logger);
  }
  return openEmbeddedStores(config.dataDir, logger, options.now ?? (() => new Date()));
}

async function openEmbeddedStores(dataDir: string, logger: Logger, now: () => Date): Promise<Stores> {
  const files = await openEmbeddedFiles(dataDir, { logger });
  let stateCollections: Awaited<ReturnType<typeof openStateCollections>> | undefined;
  const closeState = async () => {
    if (stateCollections) await Promise.all([stateCollections.conversations.close(), stateCollections.users.close()]);
  };
  try {
    stateCollections = await openStateCollections(files.dataDir, { logger, now });
    // Data directories of the first format (whole-state files) move over before the first turn.
    await migrateStateShards(files.dataDir, stateCollections, { logger, now });
    const state = watchWrites(new EmbeddedStateStorage(stateCollections), now);
    const callbacks = createEmbeddedCallbackStore(await files.document(CALLBACK_DOCUMENT, EMPTY_CALLBACK_DOCUMENT));
    const bookings = createEmbeddedBookingStore(await files.document<BookingDocument>('bookings', { bookings: [] }));
    const survey = await openEmbeddedSurveyStores(files, { now, logger });
    const sessions = createEmbeddedSessionStore(await files.document<SessionDocument>(SESSION_DOCUMENT, EMPTY_SESSION_DOCUMENT));
    const sweeps = startSweeps([stateCollections.conversations, stateCollections.users], STATE_SWEEP_INTERVAL_MS, logger);
    let closed = false;
    return {
      state: state.storage,
      callbacks,
      bookings,
      sessions,
      attempts: createEmbeddedAttemptStore(),
      survey: { surveyStore: survey.surveyStore, outcomeStore: survey.outcomeStore },
      turnLock: new InProcessTurnLock({ waitMs: TURN_LOCK_WAIT_MS }),
      isReady: async () => !closed && (await state.writable()),
      async close() {
        closed = true;
        // Closing the collections makes a sweep under way stop at its next directory.
        const sweepsStopped = sweeps.stop();
        await closeState();
        await sweepsStopped;
        await survey.close();
        await files.close();
      },
    };
  } catch (error) {
    // A refused start (a corrupt file) releases the data directory, so a repaired one can be opened.
    await closeState();
    await files.close();
    throw error;
  }
}

/** Failures that say the storage cannot take writes (a full disk, a database refusing), not a lost race. */
const WRITE_FAILURE_CODES = new Set(['STORE_WRITE_FAILED', 'STORE_QUERY_FAILED', 'STORAGE_UNAVAILABLE']);

/** The key the readiness check writes while writes are failing; it holds nothing but a time. */
const READINESS_PROBE_KEY = 'readiness/probe';

interface WriteReadiness {
  /** The bot state storage, watched: every write reports whether it worked. */
  storage: Storage;
  /**
   * Whether writes work: true until a write fails; then false until one succeeds again. While failing,
   * each check tries one small write itself, so readiness comes back even when no traffic arrives.
   */
  writable(): Promise<boolean>;
}

/** Watches the writes of the bot state: `/readyz` reports not ready while turns cannot be saved. */
function watchWrites(storage: Storage, now: () => Date): WriteReadiness {
  let failing = false;
  const watched: Storage = {
    read: (keys) => storage.read(keys),
    delete: (keys) => storage.delete(keys),
    async write(changes: StoreItems) {
      try {
        await storage.write(changes);
        failing = false;
      } catch (error) {
        if (WRITE_FAILURE_CODES.has(errorCode(error))) failing = true;
        throw error;
      }
    },
  };
  return {
    storage: watched,
    async writable() {
      if (!failing) return true;
      await watched.write({ [READINESS_PROBE_KEY]: { eTag: '*', checkedAt: now().toISOString() } }).catch(() => undefined);
      return !failing;
    },
  };
}

/** Runs `sweep` on each collection now and every `intervalMs`, one sweep at a time, off the turns' path. */
function startSweeps(collections: ReadonlyArray<{ sweep(): Promise<number>; root: string }>, intervalMs: number, logger: Logger) {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const sweepAll = () => {
    running = running.then(async () => {
      for (const collection of collections) {
        if (stopped) return;
        try {
          const removed = await collection.sweep();
          if (removed > 0) logger.info('store_expired_removed', { directory: collection.root, removed });
        } catch (error) {
          logger.warn('store_sweep_failed', { directory: collection.root, reason: error instanceof Error ? error.message : String(error) });
        }
      }
    });
  };
  const first = setTimeout(sweepAll, 1_000);
  const timer = setInterval(sweepAll, intervalMs);
  first.unref();
  timer.unref();
  return {
    /** Stops the timers; a sweep under way stops at its next directory. */
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

async function openPostgresStores(databaseUrl: string, logger: Logger): Promise<Stores> {
  const database = await openPostgresDatabase(databaseUrl, { logger });
  const context = { pool: database.pool, database: database.name };
  const now = () => new Date();
  const state = new PostgresStateStorage(database.pool, database.name, { now, expiry: DEFAULT_STATE_EXPIRY });
  // Expired state is already gone for reads; the hourly job deletes its rows (the embedded store's sweep).
  const stateRetention = startRetentionJob((at) => state.deleteExpired(at), {
    name: 'botState',
    retention: { conversationDays: DEFAULT_STATE_EXPIRY.conversationDays, userDays: DEFAULT_STATE_EXPIRY.userDays },
    now,
    logger,
  });
  const writes = watchWrites(state, now);
  return {
    state: writes.storage,
    callbacks: createPostgresCallbackStore(context),
    bookings: createPostgresBookingStore(context),
    sessions: createPostgresSessionStore(context),
    attempts: createPostgresAttemptStore(context),
    survey: {
      surveyStore: createPostgresSurveyStore(context, { now }),
      outcomeStore: createPostgresOutcomeStore(context, { now }),
    },
    turnLock: new PostgresTurnLock(database.lockPool, database.name, { waitMs: TURN_LOCK_WAIT_MS }),
    isReady: async () => (await database.isReady()) && (await writes.writable()),
    async close() {
      // A deletion under way finishes (or fails, logged) before the pool ends.
      await stateRetention.stop();
      await database.close();
    },
  };
}
