import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readable } from '../support/conversation.js';
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../support/postgres.js';
import { messageActivity, postJson } from '../support/testServer.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const nl = (namespace: string) => JSON.parse(readFileSync(join(repoRoot, `locales/nl/${namespace}.json`), 'utf8'));
const phone: string = JSON.parse(readFileSync(join(repoRoot, 'data/municipality.json'), 'utf8')).phone.display;
const welcome: string = nl('common').welcome.text;
const handedOver: string = nl('handoff').callUs.replace('{{phone}}', phone);
const anythingElse: string = nl('common').anythingElse.question;
const apology: string = nl('common').error.apology.replace('{{phone}}', phone);

/** A port nothing listens on right now (main.ts logs the configured port, so port 0 will not do). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start` as its own process: the real app on PostgreSQL. */
async function startInstance(databaseUrl: string) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'instance-data-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, STORAGE: 'postgres', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('"event":"server.listening"')) resolve();
    });
    child.once('close', (code) => reject(new Error(`instance ended (${code}) before listening: ${output}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const ended = new Promise((resolve) => child.once('close', resolve));
        child.kill('SIGTERM');
        await ended;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Instance = Awaited<ReturnType<typeof startInstance>>;

async function send(instance: Instance, activity: Record<string, unknown>): Promise<string> {
  const response = await postJson(`${instance.baseUrl}/api/messages`, activity);
  expect(response.status).toBe(200);
  return readable(((await response.json()) as { activities: Partial<Activity>[] }).activities);
}

const say = (instance: Instance, conversationId: string, text: string) => send(instance, messageActivity(text, { conversation: { id: conversationId } }));

describe.skipIf(postgresUnavailable !== null)('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let first: Instance;
  let second: Instance;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Started together: both run the migrations at start-up, one after the other under the advisory lock.
    [first, second] = await Promise.all([startInstance(database.url), startInstance(database.url)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await database?.drop();
  });

  it('are both ready', async () => {
    for (const instance of [first, second]) expect((await fetch(`${instance.baseUrl}/readyz`)).status).toBe(200);
  });

  it('continue one conversation whose turns alternate between them', async () => {
    const conversation = { id: 'alternating' };
    const joined = await send(first, {
      ...messageActivity('', { conversation }),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'user-1' }],
    });
    expect(joined).toContain(welcome);
    // Option 5 of the menu that the other instance offered: only its saved dialog state makes "5" mean that.
    expect(await say(second, conversation.id, '5')).toContain(handedOver);
    // Option 3 of the callback offer ("no, thank you") that the second instance made.
    expect(await say(first, conversation.id, '3')).toContain(anythingElse);
  });

  it('lose no state update when turns of one conversation reach both at once', async () => {
    for (const round of [1, 2, 3, 4]) {
      const conversation = `concurrent-${round}`;
      expect(await say(first, conversation, 'hallo')).not.toContain(apology);
      // Both pick option 5 of the same menu. Run one after the other, only the first still sees the menu;
      // had both read the state before either saved it, both would hand over.
      const replies = await Promise.all([say(first, conversation, '5'), say(second, conversation, '5')]);
      expect(replies.filter((reply) => reply.includes(handedOver))).toHaveLength(1);
      expect(replies.join('\n')).not.toContain(apology);
    }
  });

  it('log no failed turns', () => {
    for (const instance of [first, second]) expect(instance.output()).not.toContain('"level":"error"');
  });
});
