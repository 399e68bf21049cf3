import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';

import { LANGUAGES, type Language } from '../domain/language.js';

// Most of the bot reads the languages from here, next to the texts.
export { LANGUAGES, type Language };
export const SOURCE_LANGUAGE: Language = 'nl';

/** What a resident types to choose a language: its own name, in either language. */
export const LANGUAGE_NAMES: Record<Language, readonly string[]> = {
  nl: ['nederlands', 'dutch', 'vlaams'],
  en: ['english', 'engels'],
};

export const LOCALES_DIR = new URL('../locales/', import.meta.url).pathname;

export type Translate = TFunction;

/** Reads every `locales/<language>/<namespace>.json` file: namespaces are file names. */
export function readLocaleResources(dir = LOCALES_DIR): Record<Language, Record<string, object>> {
  const resources = {} as Record<Language, Record<string, object>>;
  for (const language of LANGUAGES) {
    resources[language] = {};
    for (const file of readdirSync(join(dir, language)).filter((name) => name.endsWith('.json'))) {
      resources[language][file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, language, file), 'utf8'));
    }
  }
  return resources;
}

/** An i18next instance of its own (not the global one), initialised synchronously. */
export function createI18n(resources = readLocaleResources()): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    ns: Object.keys(resources[SOURCE_LANGUAGE]),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Far more than the bot's own keys: only bounds memory, should a key ever be built from something else. */
const REMEMBERED_TEXTS = 10_000;

/**
 * `i18n.getFixedT(language)` that remembers the text of each key asked without values: i18next
 * resolves every call anew (some 15 µs), a turn asks a dozen such texts (labels, titles), and the
 * resources never change after start-up. A call with values (a time, a name) goes to i18next each
 * time and is not kept.
 */
export function rememberingTranslator(instance: i18n, language: Language): Translate {
  const fixed = instance.getFixedT(language) as unknown as (...args: unknown[]) => unknown;
  const texts = new Map<string, string>();
  const translate = (...args: unknown[]): unknown => {
    const [key] = args;
    if (args.length !== 1 || typeof key !== 'string') return fixed(...args);
    const known = texts.get(key);
    if (known !== undefined) return known;
    const text = fixed(key);
    if (typeof text === 'string') {
      if (texts.size >= REMEMBERED_TEXTS) texts.clear();
      texts.set(key, text);
    }
    return text;
  };
  return translate as unknown as Translate;
}

/** Maps a BCP 47 tag such as "nl-BE" or "en-US" to a language we speak, or null. */
function toLanguage(tag: string | undefined | null): Language | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : null;
}

/** Saved choice, then the channel's locale, then the configured default. */
export function resolveLanguage(saved: string | undefined, activityLocale: string | undefined, defaultLocale: string): Language {
  return toLanguage(saved) ?? toLanguage(activityLocale) ?? toLanguage(defaultLocale) ?? SOURCE_LANGUAGE;
}
