import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { createApp } from '../../../bot/app.js';
import { readConfig } from '../../../bot/config.js';
import { createMemoryLogger } from '../../../bot/logger.js';
import { openStores } from '../../../stores/openStores.js';
import { PostgresTurnLock } from '../../../stores/turnLock/postgresTurnLock.js';
import { isStoreError } from '../../../stores/storeErrors.js';
import { startApp } from '../../support/appServer.js';
import { readable } from '../../support/conversation.js';
import {
  ADMIN_DATABASE_URL,
  createTestDatabase,
  postgresUnavailable,
  terminateConnections,
  type TestDatabase,
} from '../../support/postgres.js';
import { startTcpProxy } from '../../support/tcpProxy.js';
import { messageActivity, postJson } from '../../support/testServer.js';

const nl = (namespace: string) => JSON.parse(readFileSync(new URL(`../../../locales/nl/${namespace}.json`, import.meta.url), 'utf8'));
const municipality = JSON.parse(readFileSync(new URL('../../../data/municipality.json', import.meta.url), 'utf8'));
const phone: string = municipality.phone.display;
const handedOver = nl('handoff').callUs.replace('{{phone}}', phone);
const apology = nl('common').error.apology.replace('{{phone}}', phone);
const anythingElse = nl('common').anythingElse.question;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

describe.skipIf(postgresUnavailable !== null)('STORAGE=postgres', () => {
  let database: TestDatabase;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let app: Awaited<ReturnType<typeof startApp>>;
  let proxiedUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(ADMIN_DATABASE_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(database.url);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    proxiedUrl = url.toString();
    app = await startApp({ STORAGE: 'postgres', DATABASE_URL: proxiedUrl });
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.close();
    await database?.drop();
  });

  const say = async (text: string, conversationId: string) => {
    const response = await postJson(`${app.baseUrl}/api/messages`, messageActivity(text, { conversation: { id: conversationId } }));
    expect(response.status).toBe(200);
    return readable(((await response.json()) as { activities: Partial<Activity>[] }).activities);
  };
  const readyStatus = async () => (await fetch(`${app.baseUrl}/readyz`)).status;

  it('opens the PostgreSQL stores: migrated, ready, with the cross-instance turn lock', async () => {
    const logger = createMemoryLogger();
    const stores = await openStores({ storage: 'postgres', dataDir: 'unused', databaseUrl: database.url }, logger);
    try {
      expect(stores.turnLock).toBeInstanceOf(PostgresTurnLock);
      expect(await stores.isReady()).toBe(true);
      await stores.state.write({ k: { v: 1 } });
      expect((await stores.state.read(['k'])).k.v).toBe(1);
    } finally {
      await stores.close();
    }
    expect(await stores.isReady()).toBe(false);
  });

  it('answers /readyz 503 and apologises with the phone number while the database is down, then recovers', async () => {
    const conversation = 'outage';
    expect(await readyStatus()).toBe(200);
    expect(await say('hallo', conversation)).not.toContain(apology);
    expect(await say('5', conversation)).toContain(handedOver);

    await proxy.down();
    try {
      expect(await readyStatus()).toBe(503);
      expect(await say('nee', conversation)).toContain(apology);
      expect(app.logger.lines.some((line) => line.includes('"event":"turn.failed"') && line.includes('"code":"STORAGE_UNAVAILABLE"'))).toBe(
        true,
      );
    } finally {
      await proxy.up();
    }

    await until(async () => (await readyStatus()) === 200, '/readyz answers 200 again');
    // The failed turn saved nothing: the conversation still waits for the answer to the callback offer
    // (option 2: "no, thank you"), after which the assistant asks whether there is anything else.
    expect(await say('2', conversation)).toContain(anythingElse);
  });

  it('keeps running when the database ends its connections (a restart), and goes on with the conversation', async () => {
    const conversation = 'restart';
    expect(await say('hallo', conversation)).not.toContain(apology);
    expect(await terminateConnections(database.name)).toBeGreaterThan(0);
    await until(async () => (await terminateConnections(database.name)) === 0, 'the server closed every connection');
    await until(async () => (await readyStatus()) === 200, '/readyz answers 200 again');
    expect(await say('5', conversation)).toContain(handedOver);
    expect(app.logger.lines.some((line) => line.includes('"event":"postgres.connectionLost"'))).toBe(true);
  });

  it('refuses to start when the database is not reachable, with one line that names no password', async () => {
    const error = await createApp(
      readConfig({ STORAGE: 'postgres', DATABASE_URL: 'postgres://bot:geheim@127.0.0.1:1/assistent', DATA_DIR: 'unused' }),
      createMemoryLogger(),
    ).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'STORAGE_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toMatch(/^PostgreSQL 127\.0\.0\.1:1\/assistent is not reachable \(ECONNREFUSED\)[^\n]*$/);
    expect((error as Error).message).not.toContain('geheim');
  });
});
