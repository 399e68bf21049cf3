/**
 * What the linear recognizer sees of a text: hashed word 1–2-grams and character 3–6-grams of
 * each word (with word boundaries, so "akte" at the end of "overlijdensakte" and the word "akte"
 * share grams). Character grams carry compounds, inflections and typos ("terugbelverzoek",
 * "herplannen", "afspaak") to the words the model was trained on; word grams carry the order.
 */
import type { SparseFeatures } from './softmaxClassifier.js';

export interface FeatureSettings {
  buckets: number;
  minGram: number;
  maxGram: number;
  /** Weight of a word or word pair against one character gram, before length normalisation. */
  wordWeight: number;
}

/** Hashed features of the words, scaled to length 1 so long and short messages weigh the same. */
export function textFeatures(words: readonly string[], settings: FeatureSettings): SparseFeatures {
  const features = new Map<number, number>();
  const add = (key: string, weight: number) => {
    const index = hash(key) % settings.buckets;
    features.set(index, (features.get(index) ?? 0) + weight);
  };
  const bounded = ['<s>', ...words, '</s>'];
  for (let i = 0; i < bounded.length; i += 1) {
    const word = bounded[i]!;
    if (i > 0) add(`b ${bounded[i - 1]} ${word}`, settings.wordWeight);
    if (i === 0 || i === bounded.length - 1) continue;
    add(`w ${word}`, settings.wordWeight);
    const padded = `<${word}>`;
    for (let n = settings.minGram; n <= settings.maxGram; n += 1) {
      for (let start = 0; start + n <= padded.length; start += 1) add(`c ${padded.slice(start, start + n)}`, 1);
    }
  }
  let norm = 0;
  for (const value of features.values()) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [index, value] of features) features.set(index, value / norm);
  return features;
}

/** FNV-1a, 32 bits: the same index for the same text on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
