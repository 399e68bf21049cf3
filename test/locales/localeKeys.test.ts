import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenStrings } from './readability.js';

const LOCALES = join(import.meta.dirname, '../../locales');
const namespaces = readdirSync(join(LOCALES, 'nl')).filter((file) => file.endsWith('.json')).sort();

function keysOf(lang: string, file: string): string[] {
  return flattenStrings(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8'))).map(([key]) => key).sort();
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] as string).sort();
}

describe('English locale follows the Dutch source', () => {
  it.each(namespaces)('%s has the same keys in en', (file) => {
    expect(existsSync(join(LOCALES, 'en', file))).toBe(true);
    expect(keysOf('en', file)).toEqual(keysOf('nl', file));
  });

  it.each(namespaces)('%s uses the same placeholders in en', (file) => {
    const english = new Map(flattenStrings(JSON.parse(readFileSync(join(LOCALES, 'en', file), 'utf8'))));
    const mismatches = flattenStrings(JSON.parse(readFileSync(join(LOCALES, 'nl', file), 'utf8')))
      .filter(([key, text]) => english.has(key) && placeholdersOf(text).join() !== placeholdersOf(english.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });
});
