import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLabeledUtterances } from '../../nlu/labeledUtterances.js';
import { loadIntentTrainingData } from '../../nlu/trainingData.js';
import { wordsOf } from '../../nlu/plainText.js';

/** Every labeled set in this folder: test sets and holdouts alike (see nlu/README.md). */
const SETS = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.jsonl'));
const readSet = (name: string) => parseLabeledUtterances(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));

/**
 * Two texts are near-copies when they hold the same words after normalisation (case, accents,
 * punctuation), in any order: "Openingsuren zwembad?" and "zwembad openingsuren" are one
 * utterance for this rule.
 */
function nearCopyKey(text: string): string {
  return wordsOf(text).sort().join(' ');
}

describe('the training data', () => {
  const trained = new Map<string, string>();
  for (const utterance of Object.values(loadIntentTrainingData().intents).flat()) trained.set(nearCopyKey(utterance), utterance);

  it.each(SETS)('holds no utterance of %s, nor a near-copy of one', (name) => {
    const copies = readSet(name)
      .filter((example) => trained.has(nearCopyKey(example.text)))
      .map((example) => `${example.text}  ~  ${trained.get(nearCopyKey(example.text))}`);
    expect(copies).toEqual([]);
  });

  it('counts near-copies by their words, not by spelling or order', () => {
    expect(nearCopyKey('Openingsuren zwembad?')).toBe(nearCopyKey('zwembad openingsuren'));
    expect(nearCopyKey('Ik wil een AFSPRAAK.')).toBe(nearCopyKey('een afspraak, ik wil'));
    expect(nearCopyKey('afspraak maken')).not.toBe(nearCopyKey('afspraak annuleren'));
  });
});
