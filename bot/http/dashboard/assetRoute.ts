/** `GET /dashboard/assets/:file`: the page's own script and style, read once; nothing else from the folder. */
import type { Server } from 'restify';
import { registerPageFiles } from '../pageResponse.js';
import { DASHBOARD_DIR, DASHBOARD_POLICY } from './dashboardHtml.js';

export function registerDashboardAssets(server: Server): void {
  registerPageFiles(server, {
    route: '/dashboard/assets/',
    dir: DASHBOARD_DIR,
    files: ['dashboard.js', 'dashboardModel.js', 'dashboard.css'],
    policy: DASHBOARD_POLICY,
  });
}
