// The console's texts, from locales/<lang>/staff.json: the server puts the namespace on
// <html data-texts> (bot/staff/staffPage.ts), as the chat page gets its texts from data attributes.

const root = document.documentElement;
const texts = JSON.parse(root.dataset.texts || '{}');

/** The page's language, and the locale its dates are written in. */
export const language = root.lang || 'nl';
export const dateLocale = `${language}-BE`;

const plurals = new Intl.PluralRules(language);

function lookup(key) {
  const text = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), texts);
  return typeof text === 'string' ? text : undefined;
}

/**
 * The text of `key` with its `{{placeholders}}` filled in; with a `count`, its plural form
 * (`key_one`, `key_other`, as i18next names them). A missing key shows itself, never an empty line.
 */
export function t(key, values = {}) {
  const plural = values.count === undefined ? undefined : lookup(`${key}_${plurals.select(values.count)}`);
  const text = plural ?? lookup(key);
  if (text === undefined) return key;
  return text.replace(/\{\{(\w+)\}\}/g, (placeholder, name) => (name in values ? String(values[name]) : placeholder));
}

/** The label of a code in a group (`status`, `topics`, ...), or the code itself when there is none. */
export function labelOf(group, code) {
  return lookup(`${group}.${code}`) ?? code;
}
