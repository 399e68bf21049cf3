/** The dashboard's sign-in page (web/dashboard/login.html) in the reader's language, with or without a message. */
import type { ServerResponse } from 'node:http';
import type { Language } from '../../i18n.js';
import { fillTemplate, rawHtml } from '../htmlTemplate.js';
import { messageBlock, readDashboardFile, sendHtml } from './dashboardHtml.js';
import type { ReportsContext } from './reportsContext.js';

export type LoginPage = (
  res: ServerResponse,
  language: Language,
  status: number,
  message?: string,
  extraHeaders?: Record<string, string>,
) => void;

export function createLoginPage(context: Pick<ReportsContext, 'pageValues'>): LoginPage {
  const template = readDashboardFile('login.html');
  return (res, language, status, message, extraHeaders = {}) =>
    sendHtml(
      res,
      status,
      fillTemplate(template, {
        ...context.pageValues.get(language)!,
        message: messageBlock(message, 'login-error'),
        invalid: rawHtml(message ? ' aria-invalid="true" aria-describedby="login-error"' : ''),
      }),
      extraHeaders,
    );
}
