/** `GET /dashboard/assets/:file`: the page's own script and style, read once; nothing else from the folder. */
import type { Request, Response, Server } from 'restify';
import { sendError } from '../httpErrors.js';
import { readDashboardFile } from './dashboardHtml.js';

const ASSETS: Record<string, string> = {
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboardModel.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};

export function registerDashboardAssets(server: Server): void {
  const assets = new Map(Object.keys(ASSETS).map((name) => [name, readDashboardFile(name)]));
  server.get('/dashboard/assets/:file', async (req: Request, res: Response) => {
    const name = String(req.params.file ?? '');
    const body = assets.get(name);
    if (body === undefined) return sendError(res, 404, 'not_found', 'No such dashboard file.');
    res.writeHead(200, { 'Content-Type': ASSETS[name]!, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  });
}
