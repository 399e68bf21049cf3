import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, readLocaleResources, SOURCE_LANGUAGE } from '../../bot/i18n.js';

const resources = readLocaleResources();

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    // A list of phrases residents type (answers.json) is one value: each language has its own number of them.
    else if (Array.isArray(value)) out.set(path, value.join(' | '));
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

function allKeys(language: (typeof LANGUAGES)[number]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [namespace, tree] of Object.entries(resources[language])) {
    for (const [key, value] of flatten(tree)) out.set(`${namespace}:${key}`, value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('locales', () => {
  const source = allKeys(SOURCE_LANGUAGE);

  it.each(LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE))(
    '%s has every Dutch key with the same placeholders, and no others',
    (language) => {
      const translated = allKeys(language);
      for (const [key, text] of source) {
        expect(translated.has(key), `${language} lacks ${key}`).toBe(true);
        expect(placeholders(translated.get(key)!), `${language} ${key}`).toEqual(placeholders(text));
      }
      for (const key of translated.keys()) expect(source.has(key), `${language} has extra ${key}`).toBe(true);
    },
  );

  it('has no empty text', () => {
    for (const language of LANGUAGES) {
      for (const [key, text] of allKeys(language)) expect(text.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('holds every literal key that the code uses', () => {
    const files = ['bot', 'dialogs', 'services'].flatMap((dir) => {
      try {
        return sourceFiles(dir);
      } catch {
        return [];
      }
    });
    const used = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+:[\w.]+)'/g)].map((m) => ({ file, key: m[1]! })),
    );
    expect(used.length).toBeGreaterThan(10);
    // A key used with a count resolves to its plural forms (i18next: key_one, key_other).
    const exists = (key: string) => source.has(key) || source.has(`${key}_other`);
    for (const { file, key } of used) expect(exists(key), `${file} uses missing ${key}`).toBe(true);
  });
});
