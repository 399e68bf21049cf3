import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../support/appServer.js';
import { messageActivity, postJson } from '../support/testServer.js';

let running: Awaited<ReturnType<typeof startApp>> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Makes every write of the bot state fail, as a full disk would: the journal directories become files. */
function breakStateFiles(dataDir: string): () => void {
  const tempDirectories = ['conversations', 'users'].map((tree) => join(dataDir, 'botState', tree, '.journal'));
  for (const directory of tempDirectories) {
    rmSync(directory, { recursive: true });
    writeFileSync(directory, '');
  }
  return () => {
    for (const directory of tempDirectories) {
      rmSync(directory);
      mkdirSync(directory);
    }
  };
}

const readiness = async (baseUrl: string) => (await fetch(`${baseUrl}/readyz`)).status;

describe('/readyz follows the writes', () => {
  it('answers 503 after turns fail to save, and 200 again once writing works', async () => {
    running = await startApp();
    const { baseUrl, dataDir } = running;
    expect(await readiness(baseUrl)).toBe(200);

    const repair = breakStateFiles(dataDir);
    const turn = await postJson(`${baseUrl}/api/messages`, messageActivity('hallo', { conversation: { id: 'disk-full' } }));
    expect(turn.status).toBe(200);
    expect(running.logger.lines.join('\n')).toContain('STORE_WRITE_FAILED');
    expect(await readiness(baseUrl)).toBe(503);
    expect(await readiness(baseUrl)).toBe(503); // still failing: checking again does not make it ready

    repair();
    expect(await readiness(baseUrl)).toBe(200);
    const after = await postJson(`${baseUrl}/api/messages`, messageActivity('hallo', { conversation: { id: 'disk-ok' } }));
    expect(after.status).toBe(200);
    expect(await readiness(baseUrl)).toBe(200);
  });
});
