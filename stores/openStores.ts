import type { Storage } from 'botbuilder';
import type { BookingStore } from './bookings/bookingStore.js';
import { createEmbeddedBookingStore, type BookingDocument } from './bookings/embeddedBookingStore.js';
import type { Config } from '../bot/config.js';
import type { Logger } from '../bot/logger.js';
import { openEmbeddedFiles } from './embedded/embeddedFiles.js';
import type { CallbackStore } from './callbacks/callbackStore.js';
import { CALLBACK_DOCUMENT, createEmbeddedCallbackStore, EMPTY_CALLBACK_DOCUMENT } from './callbacks/embeddedCallbackStore.js';
import { EmbeddedStateStorage, emptyStateItems, ShardedStateStorage } from './botState/embeddedStateStorage.js';
import { createPostgresBookingStore } from './bookings/postgresBookingStore.js';
import { createPostgresCallbackStore } from './callbacks/postgresCallbackStore.js';
import { openPostgresDatabase } from './postgres/postgresDatabase.js';
import { createPostgresOutcomeStore } from './survey/postgresOutcomeStore.js';
import { PostgresStateStorage } from './botState/postgresStateStorage.js';
import { createPostgresSurveyStore } from './survey/postgresSurveyStore.js';
import { PostgresTurnLock } from './turnLock/postgresTurnLock.js';
import { openEmbeddedSurveyStores, type SurveyStores } from './survey/openSurveyStores.js';
import { InProcessTurnLock, type TurnLock } from './turnLock/turnLock.js';
import type { SessionStore } from './sessions/sessionStore.js';
import { createEmbeddedSessionStore, EMPTY_SESSION_DOCUMENT, SESSION_DOCUMENT, type SessionDocument } from './sessions/embeddedSessionStore.js';
import { createPostgresSessionStore } from './sessions/postgresSessionStore.js';
import type { AttemptStore } from './attempts/attemptStore.js';
import { createEmbeddedAttemptStore } from './attempts/embeddedAttemptStore.js';
import { createPostgresAttemptStore } from './attempts/postgresAttemptStore.js';

/** Every store the assistant uses, behind interfaces, whichever storage backs them. */
export interface Stores {
  /** botbuilder conversation and user state. */
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
  /** Whether the storage answers now (for `/readyz`). */
  isReady(): Promise<boolean>;
  /** Waits for pending writes and releases the storage. */
  close(): Promise<void>;
}

/** Bot state is split over this many files, so a turn rewrites only a sixteenth of it. */
const STATE_SHARDS = 16;

/** How long a turn waits for the previous turn of its conversation; below the channels' 15 s retry. */
const TURN_LOCK_WAIT_MS = 10_000;

/**
 * Opens the configured storage. The embedded store takes the DATA_DIR lock: one process per directory.
 * PostgreSQL runs pending migrations first and is shared by any number of instances.
 */
export async function openStores(
  config: Pick<Config, 'storage' | 'dataDir'> & Partial<Pick<Config, 'databaseUrl'>>,
  logger: Logger,
): Promise<Stores> {
  if (config.storage === 'postgres') {
    if (!config.databaseUrl) {
      throw Object.assign(new Error('STORAGE=postgres requires DATABASE_URL.'), { code: 'CONFIG_INVALID' });
    }
    return openPostgresStores(config.databaseUrl, logger);
  }
  return openEmbeddedStores(config.dataDir, logger);
}

async function openEmbeddedStores(dataDir: string, logger: Logger): Promise<Stores> {
  const files = await openEmbeddedFiles(dataDir, { logger });
  const stateShards = await Promise.all(
    Array.from({ length: STATE_SHARDS }, async (_, index) =>
      new EmbeddedStateStorage(await files.document(`botState-${String(index).padStart(2, '0')}`, emptyStateItems())),
    ),
  );
  const state = new ShardedStateStorage(stateShards);
  const callbacks = createEmbeddedCallbackStore(await files.document(CALLBACK_DOCUMENT, EMPTY_CALLBACK_DOCUMENT));
  const bookings = createEmbeddedBookingStore(await files.document<BookingDocument>('bookings', { bookings: [] }));
  const survey = await openEmbeddedSurveyStores(files);
  const sessions = createEmbeddedSessionStore(await files.document<SessionDocument>(SESSION_DOCUMENT, EMPTY_SESSION_DOCUMENT));
  let closed = false;
  return {
    state,
    callbacks,
    bookings,
    sessions,
    attempts: createEmbeddedAttemptStore(),
    survey,
    turnLock: new InProcessTurnLock({ waitMs: TURN_LOCK_WAIT_MS }),
    isReady: async () => !closed,
    async close() {
      closed = true;
      await files.close();
    },
  };
}

async function openPostgresStores(databaseUrl: string, logger: Logger): Promise<Stores> {
  const database = await openPostgresDatabase(databaseUrl, { logger });
  const context = { pool: database.pool, database: database.name };
  const now = () => new Date();
  return {
    state: new PostgresStateStorage(database.pool, database.name),
    callbacks: createPostgresCallbackStore(context),
    bookings: createPostgresBookingStore(context),
    sessions: createPostgresSessionStore(context),
    attempts: createPostgresAttemptStore(context),
    survey: {
      surveyStore: createPostgresSurveyStore(context, { now }),
      outcomeStore: createPostgresOutcomeStore(context, { now }),
    },
    turnLock: new PostgresTurnLock(database.lockPool, database.name, { waitMs: TURN_LOCK_WAIT_MS }),
    isReady: () => database.isReady(),
    close: () => database.close(),
  };
}
