import { describe, expect, it } from 'vitest';
import { LINEAR_SETTINGS, textFeatures } from '../../nlu/linearRecognizer.js';

/** FNV-1a, 32 bits, of a gram's whole key text: what the features are defined as (linearRecognizer.ts). */
function keyHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The features spelled out from their definition: every key written as text, then hashed. */
function featuresFromKeys(words: readonly string[]): Map<number, number> {
  const { buckets, minGram, maxGram, wordWeight } = LINEAR_SETTINGS;
  const features = new Map<number, number>();
  const add = (key: string, weight: number) => features.set(keyHash(key) % buckets, (features.get(keyHash(key) % buckets) ?? 0) + weight);
  const bounded = ['<s>', ...words, '</s>'];
  bounded.forEach((word, i) => {
    if (i > 0) add(`b ${bounded[i - 1]} ${word}`, wordWeight);
    if (i === 0 || i === bounded.length - 1) return;
    add(`w ${word}`, wordWeight);
    const padded = `<${word}>`;
    for (let n = minGram; n <= maxGram; n += 1)
      for (let start = 0; start + n <= padded.length; start += 1) add(`c ${padded.slice(start, start + n)}`, 1);
  });
  const norm = Math.sqrt([...features.values()].reduce((sum, value) => sum + value * value, 0));
  return new Map([...features].map(([index, value]) => [index, value / norm]));
}

describe('textFeatures', () => {
  it.each([
    [['wat', 'zijn', 'de', 'openingsuren']],
    [['ik', 'wil', 'iemand', 'spreken']],
    [['overlijdensakte', 'aanvragen', 'voor', 'mijn', 'vader']],
    [['é', 'ü', '€', 'k']],
  ])('gives every word pair, word and character gram of %j the bucket of its key text', (words) => {
    const features = textFeatures(words, LINEAR_SETTINGS);
    const expected = featuresFromKeys(words);
    expect([...features.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [index, value] of expected) expect(features.get(index)).toBeCloseTo(value, 12);
  });
});
