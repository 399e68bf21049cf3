import { createI18n, readLocaleResources, type Language } from '../../bot/i18n.js';

/**
 * An i18n whose every text is its own key plus its placeholders' values, e.g.
 * "«common:notUnderstood» phone=+32 …". Tests assert keys, so rewording never breaks a test.
 */
export function createKeyedI18n() {
  const resources = readLocaleResources();
  const keyed = {} as ReturnType<typeof readLocaleResources>;
  for (const language of Object.keys(resources) as Language[]) {
    keyed[language] = {};
    for (const [namespace, tree] of Object.entries(resources[language])) {
      keyed[language][namespace] = toKeys(tree as Record<string, unknown>, `${namespace}:`);
    }
  }
  return createI18n(keyed);
}

function toKeys(tree: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`;
    out[key] = typeof value === 'string' ? keyedText(path, value) : toKeys(value as Record<string, unknown>, path);
  }
  return out;
}

/** The start of a keyed text, what a test looks for: «namespace:key». */
export const keyed = (key: string): string => `«${key}»`;

function keyedText(path: string, source: string): string {
  const placeholders = [...source.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1]);
  return [keyed(path), ...placeholders.map((name) => `${name}={{${name}}}`)].join(' ');
}
