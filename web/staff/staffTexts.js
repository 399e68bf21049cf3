// The console's texts, from locales/<lang>/staff.json: the server puts the namespace on
// <html data-texts> (bot/staff/staffPage.ts), as the chat page gets its texts from data attributes.

const root = document.documentElement;
const texts = JSON.parse(root.dataset.texts || '{}');

/** The page's language, and the locale its dates are written in. */
export const language = root.lang || 'nl';
export const dateLocale = `${language}-BE`;

const plurals = new Intl.PluralRules(language);

/**
 * Values for a text's `{{placeholders}}`; `count` also picks the plural form.
 * @typedef {{ count?: number, [name: string]: string | number | undefined }} TextValues
 */

/** @param {string} key */
function lookup(key) {
  const text = key
    .split('.')
    .reduce(
      (node, part) => (node && typeof node === 'object' ? /** @type {Record<string, unknown>} */ (node)[part] : undefined),
      /** @type {unknown} */ (texts),
    );
  return typeof text === 'string' ? text : undefined;
}

/**
 * The text of `key` with its `{{placeholders}}` filled in; with a `count`, its plural form
 * (`key_one`, `key_other`, as i18next names them). A missing key shows itself, never an empty line.
 * @param {string} key
 * @param {TextValues} [values]
 */
export function t(key, values = {}) {
  const plural = values.count === undefined ? undefined : lookup(`${key}_${plurals.select(values.count)}`);
  const text = plural ?? lookup(key);
  if (text === undefined) return key;
  return text.replace(/\{\{(\w+)\}\}/g, (placeholder, name) => (name in values ? String(values[name]) : placeholder));
}

/**
 * The label of a code in a group (`status`, `topics`, ...), or the code itself when there is none.
 * @param {string} group
 * @param {string} code
 */
export function labelOf(group, code) {
  return lookup(`${group}.${code}`) ?? code;
}
