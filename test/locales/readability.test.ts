import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenStrings, isLabel, readabilityFindings } from './readability.js';

// Every Dutch namespace, also the ones added later: residents read all of them. Except answers.json:
// the words residents type ("jawel", "liever niet"), which the bot matches and never says.
const NL_DIR = join(import.meta.dirname, '../../locales/nl');
const TYPED_BY_RESIDENTS = 'answers.json';
// The staff console's and the dashboard's labels are the staff's own working words ("Afgehandeld", "Terugbelverzoeken"):
// one- or two-word labels that a syllable formula cannot judge. Their sentences keep to the same limits as all others.
const LABELS_EXEMPT = new Set(['staff.json', 'dashboard.json']);
const LABEL_LIMITS = { maxWordsPerSentence: 20, minReadingEase: Number.NEGATIVE_INFINITY };
const namespaces = readdirSync(NL_DIR)
  .filter((file) => file.endsWith('.json') && file !== TYPED_BY_RESIDENTS)
  .sort();

describe('Dutch locale strings are plain language (B1)', () => {
  it('finds the Dutch namespaces', () => {
    expect(namespaces.length).toBeGreaterThan(0);
  });

  it.each(namespaces)('%s: no sentence over 20 words, reading ease at least 60 (staff labels: length only)', (file) => {
    const resource: unknown = JSON.parse(readFileSync(join(NL_DIR, file), 'utf8'));
    const strings = flattenStrings(resource).map(([key, text]) => [`${file.replace(/\.json$/, '')}:${key}`, text] as const);
    const labels = LABELS_EXEMPT.has(file) ? strings.filter(([, text]) => isLabel(text)) : [];
    const sentences = strings.filter((entry) => !labels.includes(entry));
    expect(sentences.length).toBeGreaterThan(0);
    expect([...readabilityFindings(sentences), ...readabilityFindings(labels, LABEL_LIMITS)]).toEqual([]);
  });
});
