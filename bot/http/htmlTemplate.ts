/**
 * The one templating rule of our pages: `{{name}}` in a template gets the value HTML-escaped; only a
 * value explicitly marked with `rawHtml()` is inserted as it is. A placeholder without a value is a
 * bug in the page, so filling throws.
 */

/** HTML that the code built itself from escaped parts, to be inserted without escaping. */
export interface RawHtml {
  readonly rawHtml: string;
}

export type TemplateValue = string | RawHtml;

/** Marks `html` as safe to insert unescaped: only for markup the code built from escaped parts. */
export function rawHtml(html: string): RawHtml {
  return { rawHtml: html };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Fills every `{{name}}` (letters, digits, `_` and `.`): strings escaped, `rawHtml` values as they are. */
export function fillTemplate(template: string, values: Readonly<Record<string, TemplateValue>>): string {
  return template.replace(/\{\{([\w.]+)\}\}/g, (_match, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new Error(`page placeholder {{${name}}} has no value`);
    return typeof value === 'string' ? escapeHtml(value) : value.rawHtml;
  });
}
