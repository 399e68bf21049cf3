/**
 * A bot server for the HTTP turn benchmark, run as its own process so the load generator does not
 * share its CPU: `tsx bench/turnServer.ts echo|assistant|assistant-postgres`. Prints its port.
 * `assistant` is the whole app as `npm start` builds it, on a fresh embedded store;
 * `assistant-postgres` the same app with STORAGE=postgres on DATABASE_URL (several may share it).
 * With BENCH_DATA_DIR the assistant runs on that (pre-filled) data directory and leaves it in place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from '../bot/adapter.js';
import { createApp } from '../bot/app.js';
import { readConfig } from '../bot/config.js';
import { createI18n } from '../bot/i18n.js';
import { createConsoleLogger } from '../bot/logger.js';
import { createServer } from '../bot/server.js';

const kind = process.argv[2];
const logger = createConsoleLogger(() => undefined);

/** The baseline: a bot that only echoes, on the same adapter and HTTP server. */
function echoServer(): Server {
  const { adapter } = createAdapter({ botAuth: null, logger, i18n: createI18n(), phoneDisplay: '', defaultLocale: 'nl-BE' });
  const echo = new ActivityHandler();
  echo.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  return createServer({ logger, adapter, bot: echo, isReady: async () => true });
}

async function assistantServer(storage: 'lowdb' | 'postgres'): Promise<Server> {
  const given = process.env.BENCH_DATA_DIR;
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'bench-data-'));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  if (storage === 'postgres') Object.assign(env, { STORAGE: 'postgres', DATABASE_URL: process.env.DATABASE_URL ?? '' });
  const app = await createApp(readConfig(env), logger);
  process.on(
    'SIGTERM',
    () =>
      void app.close().then(() => {
        if (!given) rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      }),
  );
  return app.server;
}

const server = kind === 'echo' ? echoServer() : await assistantServer(kind === 'assistant-postgres' ? 'postgres' : 'lowdb');
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
