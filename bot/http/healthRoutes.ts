import type { Server } from 'restify';

/** `GET /healthz`: the process is up. `GET /readyz`: its storage answers. */
export function registerHealthRoutes(server: Server, isReady: () => Promise<boolean>): void {
  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    const ready = await isReady().catch(() => false);
    res.status(ready ? 200 : 503);
    res.json({ status: ready ? 'ready' : 'unavailable' });
  });
}
