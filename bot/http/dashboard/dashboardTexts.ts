/**
 * The dashboard's words, from locales/<lang>/dashboard.json: `page.*` and `login.*` are filled into
 * the HTML on the server (so the page reads the same without JavaScript), and the namespace goes along
 * on `<html data-texts>` for the page's scripts. Dutch unless the address asks `?lang=en`.
 */
import type { IncomingMessage } from 'node:http';
import type { i18n, TFunction } from 'i18next';
import type { CsvLabel } from '../../../services/survey/surveyCsv.js';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../../i18n.js';

const NAMESPACE = 'dashboard';

/** `?lang=en` for English; anything else is Dutch. */
export function languageOf(req: IncomingMessage): Language {
  const asked = new URL(req.url ?? '', 'http://local').searchParams.get('lang');
  return (LANGUAGES as readonly string[]).includes(asked ?? '') ? (asked as Language) : SOURCE_LANGUAGE;
}

/** What to add to a dashboard address so the next page keeps the language: `""` or `"?lang=en"`. */
export function languageQuery(language: Language): string {
  return language === SOURCE_LANGUAGE ? '' : `?lang=${language}`;
}

export function dashboardT(i18n: i18n, language: Language): TFunction {
  return i18n.getFixedT(language, NAMESPACE);
}

/** The words beside the codes in the CSV. */
export function csvLabels(i18n: i18n, language: Language = SOURCE_LANGUAGE): CsvLabel {
  const t = dashboardT(i18n, language);
  return (key) => t(`labels.${key}`);
}

function flatten(tree: object, prefix: string, into: Record<string, string>): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') into[`${prefix}${key}`] = value;
    else if (value && typeof value === 'object') flatten(value as object, `${prefix}${key}.`, into);
  }
  return into;
}

/** The placeholders every dashboard page has: `lang`, `texts`, `langQuery` and each `page.*` and `login.*` text. */
export function pageTextValues(i18n: i18n, language: Language): Record<string, string> {
  const texts = i18n.getResourceBundle(language, NAMESPACE) as { page: object; login: object };
  return {
    lang: language,
    texts: JSON.stringify(texts),
    langQuery: languageQuery(language),
    ...flatten(texts.page, 'page.', {}),
    ...flatten(texts.login, 'login.', {}),
  };
}
