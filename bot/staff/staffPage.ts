import { readFileSync } from 'node:fs';
import type { i18n } from 'i18next';
import type { Request, Response, Server } from 'restify';
import { fillTemplate } from '../http/htmlTemplate.js';
import { registerPageFiles, sendPage, type PagePolicy } from '../http/pageResponse.js';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../i18n.js';

const PAGE_DIR = new URL('../../web/staff/', import.meta.url);
const PAGE_FILES = ['staff.js', 'staffTexts.js', 'dayAppointments.js', 'pageElements.js', 'staff.css'];
const TEXTS_NAMESPACE = 'staff';

/** Behind a sign-in: nothing is cached; the page loads only its own files. */
const STAFF_PAGE_POLICY: PagePolicy = { cache: 'no-store' };

/**
 * `GET /staff` (Dutch; `?lang=en` for English) and its files under `/staff/`. The texts come from
 * `locales/<lang>/staff.json`: the page's own under `page.*` are filled into the HTML, and the whole
 * namespace goes along on `<html data-texts>` for the scripts (web/staff/staffTexts.js).
 */
export function registerStaffPage(server: Server, options: { i18n: i18n }): void {
  const template = readFileSync(new URL('index.html', PAGE_DIR), 'utf8');
  const pages = new Map(LANGUAGES.map((language) => [language, fillTemplate(template, pageValues(options.i18n, language))]));

  server.get('/staff', async (req: Request, res: Response) => {
    const asked = new URL(req.url ?? '', 'http://local').searchParams.get('lang');
    const language = (LANGUAGES as readonly string[]).includes(asked ?? '') ? (asked as Language) : SOURCE_LANGUAGE;
    sendPage(res, 200, pages.get(language)!, STAFF_PAGE_POLICY);
  });
  registerPageFiles(server, { route: '/staff/', dir: PAGE_DIR, files: PAGE_FILES, policy: STAFF_PAGE_POLICY });
}

function pageValues(i18n: i18n, language: Language): Record<string, string> {
  const texts = i18n.getResourceBundle(language, TEXTS_NAMESPACE) as { page: Record<string, string> };
  const values: Record<string, string> = { lang: language, texts: JSON.stringify(texts) };
  for (const [key, text] of Object.entries(texts.page)) values[`page.${key}`] = text;
  return values;
}
