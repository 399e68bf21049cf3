import type { Server } from 'restify';
import { loadServiceCatalog } from '../services/appointments/serviceCatalog.js';
import { loadMunicipalityData, type MunicipalityData } from '../services/municipality/municipalityData.js';
import { openStores } from '../stores/openStores.js';
import { appRoutes } from './composition/appRoutes.js';
import { createAppServices, startRetentionJobs, type AppParts } from './composition/appServices.js';
import { createAssistantRuntime } from './composition/assistantRuntime.js';
import type { Config } from './config.js';
import { createI18n } from './i18n.js';
import type { Logger } from './logger.js';
import { createServer } from './server.js';

/** How long open requests (a turn being answered) may take to finish once the process is asked to stop. */
const SHUTDOWN_GRACE_MS = 3000;

export interface App {
  server: Server;
  facts: MunicipalityData;
  /**
   * Stops accepting requests, gives open ones a short grace period, closes whatever connection is
   * left (idle keep-alives at once, slow clients after the grace), then waits for pending writes
   * and releases the storage (the DATA_DIR lock).
   */
  close(): Promise<void>;
}

/**
 * The composition root, in the order data flows: the municipality's data and the stores, then the
 * services over them (bot/composition/appServices.ts), the bot (assistantRuntime.ts) and the HTTP
 * server with its routes (appRoutes.ts). Nothing listens yet.
 */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  const facts = loadMunicipalityData();
  const catalog = loadServiceCatalog();
  const i18n = createI18n();
  const stores = await openStores(config, logger);
  const parts: AppParts = { config, logger, facts, catalog, stores, now: () => new Date() };
  let stopJobs = () => {};
  try {
    const services = createAppServices(parts);
    const runtime = await createAssistantRuntime(parts, services, i18n);
    stopJobs = startRetentionJobs(parts);
    const server = createServer({
      logger,
      adapter: runtime.adapter,
      bot: runtime.bot,
      isReady: () => stores.isReady(),
      trustProxy: config.trustProxy,
      strictTransportSecurity: config.production,
      routes: appRoutes({ ...parts, i18n, services, runtime }),
    });
    return {
      server,
      facts,
      async close() {
        await stopServing(server, SHUTDOWN_GRACE_MS);
        stopJobs();
        await stores.close();
      },
    };
  } catch (error) {
    stopJobs();
    await stores.close();
    throw error;
  }
}

/** Closes the listening socket and every connection: idle ones now, busy ones after `graceMs`. */
async function stopServing(server: Server, graceMs: number): Promise<void> {
  const http = server.server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  http.closeIdleConnections();
  // Keep-alive sockets that finish their request during the grace period are closed as they go idle.
  const sweep = setInterval(() => http.closeIdleConnections(), 100);
  const grace = setTimeout(() => http.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(grace);
  }
}
