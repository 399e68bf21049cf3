import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_DATA_DIR = join(import.meta.dirname, '../../../data');

// Loose on purpose: tests reach into any field to break or change it.
type Json = Record<string, any>;

/** A temp copy of the data files, edited by `edit`, for tests that break or change the facts. */
export function dataCopy(edit: { municipality?: (m: Json) => void; documents?: (d: Json) => void } = {}): {
  dir: string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'municipality-data-'));
  for (const [file, change] of [
    ['municipality.json', edit.municipality],
    ['documents.json', edit.documents],
  ] as const) {
    const json = JSON.parse(readFileSync(join(REPO_DATA_DIR, file), 'utf8')) as Json;
    change?.(json);
    writeFileSync(join(dir, file), JSON.stringify(json, null, 2));
  }
  writeFileSync(join(dir, 'questionCues.json'), readFileSync(join(REPO_DATA_DIR, 'questionCues.json')));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The repository's data file as plain JSON. */
export function repoJson(file: 'municipality.json' | 'documents.json'): Json {
  return JSON.parse(readFileSync(join(REPO_DATA_DIR, file), 'utf8')) as Json;
}

export function documentIndex(documents: Json, id: string): number {
  const index = (documents.documents as Array<{ id: string }>).findIndex((d) => d.id === id);
  if (index < 0) throw new Error(`no document ${id} in the data`);
  return index;
}
