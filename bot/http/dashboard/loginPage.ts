/** The dashboard's sign-in page (web/dashboard/login.html), with or without a message. */
import type { ServerResponse } from 'node:http';
import { fillTemplate, rawHtml } from '../htmlTemplate.js';
import { messageBlock, readDashboardFile, sendHtml } from './dashboardHtml.js';

export type LoginPage = (res: ServerResponse, status: number, message?: string, extraHeaders?: Record<string, string>) => void;

export function createLoginPage(): LoginPage {
  const template = readDashboardFile('login.html');
  return (res, status, message, extraHeaders = {}) =>
    sendHtml(
      res,
      status,
      fillTemplate(template, {
        message: messageBlock(message, 'login-error'),
        invalid: rawHtml(message ? ' aria-invalid="true" aria-describedby="login-error"' : ''),
      }),
      extraHeaders,
    );
}
