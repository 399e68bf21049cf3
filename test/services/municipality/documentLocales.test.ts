import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMunicipalityData, REQUESTERS } from '../../../services/municipality/municipalityData.js';
import { REPO_DATA_DIR } from './dataCopy.js';

const LOCALES = join(import.meta.dirname, '../../../locales');
const data = loadMunicipalityData(REPO_DATA_DIR);

function documentsNamespace(lang: 'nl' | 'en') {
  return JSON.parse(readFileSync(join(LOCALES, lang, 'documents.json'), 'utf8')) as {
    inPerson: { bring: Record<string, string>; notes: Record<string, string> };
    questions: { requester: { options: Record<string, string> }; model: { options: Record<string, string> } };
    models: Record<string, string>;
  };
}

function bringKeysInData(): string[] {
  const keys = new Set<string>();
  for (const document of data.documents) {
    const { counter } = document;
    counter.bring.forEach((k) => keys.add(k));
    counter.collection?.bring.forEach((k) => keys.add(k));
    Object.values(counter.byRequester ?? {}).forEach((o) => o.bring?.forEach((k) => keys.add(k)));
    document.models?.forEach((m) => m.counter?.bring?.forEach((k) => keys.add(k)));
  }
  return [...keys].sort();
}

describe.each(['nl', 'en'] as const)('documents data and %s sentences agree', (lang) => {
  const ns = documentsNamespace(lang);

  it('has a sentence for everything the data asks residents to bring', () => {
    expect(bringKeysInData().filter((key) => typeof ns.inPerson.bring[key] !== 'string')).toEqual([]);
  });

  it('has a sentence for every note of a route in the data', () => {
    const notes = [
      ...new Set(
        data.documents.flatMap((document) => [
          ...(document.counter.notes ?? []),
          ...Object.values(document.counter.byRequester ?? {}).flatMap((fields) => fields.notes ?? []),
          ...(document.models ?? []).flatMap((model) => model.counter?.notes ?? []),
        ]),
      ),
    ];
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((key) => typeof ns.inPerson.notes?.[key] !== 'string')).toEqual([]);
  });

  it('has an option label for every requester and every model', () => {
    expect(Object.keys(ns.questions.requester.options).sort()).toEqual([...REQUESTERS].sort());
    const models = data.documents.flatMap((d) => d.models?.map((m) => m.id) ?? []);
    expect(models.filter((id) => typeof ns.questions.model.options[id] !== 'string' || typeof ns.models[id] !== 'string')).toEqual([]);
  });
});
