import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, readLocaleResources } from '../../../bot/i18n.js';
import { CLOSED_STATUSES, STAFF_STATUSES } from '../../../services/callback/callbackStatus.js';
import { INTENTS } from '../../../domain/nluContract.js';

// Every text the staff console shows is in locales/<lang>/staff.json, in Dutch and in English.
const STAFF_DIR = new URL('../../../web/staff/', import.meta.url);
const resources = readLocaleResources();
const scripts = readdirSync(STAFF_DIR)
  .filter((file) => file.endsWith('.js'))
  .map((file) => ({ file, source: readFileSync(new URL(file, STAFF_DIR), 'utf8') }));
const html = readFileSync(new URL('index.html', STAFF_DIR), 'utf8');

function textOf(language: (typeof LANGUAGES)[number], key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[language].staff);
}

/** A key exists when it is a text, or (used with a count) has its plural forms. */
function exists(language: (typeof LANGUAGES)[number], key: string): boolean {
  if (typeof textOf(language, key) === 'string') return true;
  const [parent, last] = [key.split('.').slice(0, -1), key.split('.').at(-1)];
  const tree = (parent.length ? textOf(language, parent.join('.')) : resources[language].staff) as Record<string, unknown> | undefined;
  return typeof tree?.[`${last}_one`] === 'string' && typeof tree?.[`${last}_other`] === 'string';
}

describe('staff console texts', () => {
  const literalKeys = scripts.flatMap(({ file, source }) => [...source.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => ({ file, key: m[1]! })));
  const pageKeys = [...html.matchAll(/\{\{page\.(\w+)\}\}/g)].map((m) => `page.${m[1]!}`);

  it('finds the keys the scripts and the page use', () => {
    expect(literalKeys.length).toBeGreaterThan(30);
    expect(pageKeys.length).toBeGreaterThan(10);
    // No sentence left in the page itself: between tags there is only a placeholder or nothing.
    const textBetweenTags = [...html.replace(/<head>[\s\S]*<\/head>/, '').matchAll(/>([^<]+)</g)].map((m) => m[1]!.trim()).filter(Boolean);
    expect(textBetweenTags.filter((text) => !/^(\{\{[\w.]+\}\}\s*)+\.?$/.test(text))).toEqual(['.']);
  });

  it.each(LANGUAGES)('%s has every key the scripts and the page use', (language) => {
    for (const { file, key } of literalKeys) expect(exists(language, key), `${file} uses ${key}`).toBe(true);
    for (const key of pageKeys) expect(exists(language, key), `index.html uses ${key}`).toBe(true);
  });

  it.each(LANGUAGES)('%s names every status, action, part of day, language, column and topic the console shows', (language) => {
    const statuses = new Set(['open', 'notReached', ...STAFF_STATUSES, ...CLOSED_STATUSES]);
    for (const status of statuses) expect(textOf(language, `status.${status}`), status).toEqual(expect.any(String));
    for (const status of STAFF_STATUSES) {
      expect(textOf(language, `actions.${status}`), status).toEqual({ label: expect.any(String), done: expect.any(String) });
    }
    for (const part of ['morning', 'afternoon']) expect(textOf(language, `partOfDay.${part}`)).toEqual(expect.any(String));
    for (const spoken of LANGUAGES) expect(textOf(language, `languages.${spoken}`)).toEqual(expect.any(String));
    for (const column of ['time', 'name', 'service', 'code']) expect(textOf(language, `day.columns.${column}`)).toEqual(expect.any(String));
    for (const actor of ['assistant', 'resident']) expect(textOf(language, `actors.${actor}`)).toEqual(expect.any(String));
    // The conversation's own intents are no topic a resident asks to be called back about.
    const conversational = new Set(['greeting', 'goodbye', 'help', 'cancel', 'handoff.human', 'none']);
    for (const intent of INTENTS.filter((name) => !conversational.has(name))) {
      expect(textOf(language, `topics.${intent}`), intent).toEqual(expect.any(String));
    }
  });
});
