import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { createMemoryLogger } from '../../bot/logger.js';

/** The whole application as `npm start` builds it, on a free port and a fresh data directory. */
export async function startApp(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'assistent-data-'));
  const logger = createMemoryLogger();
  const app = await createApp(readConfig({ DATA_DIR: dataDir, ...env }), logger);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    logger,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
