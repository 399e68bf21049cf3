/**
 * A bot server for the HTTP turn benchmark, run as its own process so the load generator does not
 * share its CPU: `tsx bench/turnServer.ts echo|assistant-memory|assistant-embedded`. Prints its port.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler, MemoryStorage, type Storage } from 'botbuilder';
import { createAdapter } from '../bot/adapter.js';
import { createAssistant } from '../bot/assistant.js';
import { createI18n } from '../bot/i18n.js';
import { createConsoleLogger } from '../bot/logger.js';
import { createServer } from '../bot/server.js';
import { openStores } from '../bot/stores/openStores.js';
import { createOfflineRecognizer } from '../nlu/offlineRecognizer.js';
import { loadMunicipalityData } from '../services/municipality/municipalityData.js';

const kind = process.argv[2];
const logger = createConsoleLogger(() => undefined);
const i18n = createI18n();
const facts = loadMunicipalityData();
const { adapter } = createAdapter({ botAuth: null, logger, i18n, phoneDisplay: facts.municipality.phone.display, defaultLocale: 'nl-BE' });

async function storage(): Promise<Storage> {
  if (kind === 'assistant-memory') return new MemoryStorage();
  const stores = await openStores({ storage: 'lowdb', dataDir: mkdtempSync(join(tmpdir(), 'bench-data-')) }, logger);
  return stores.state;
}

async function bot() {
  if (kind === 'echo') {
    const echo = new ActivityHandler();
    echo.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text}`);
      await next();
    });
    return echo;
  }
  return createAssistant({
    storage: await storage(),
    recognizer: await createOfflineRecognizer(),
    i18n,
    phone: facts.municipality.phone,
    defaultLocale: 'nl-BE',
  });
}

const server = createServer({ logger, adapter, bot: await bot(), isReady: async () => true });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
