import type { Intent } from '../../domain/nluContract.js';
import type { Recognition, Recognizer } from '../../nlu/recognizer.js';

/**
 * A recognizer that knows exactly the phrases a test gives it; everything else is `none`, or what
 * `fallback` (e.g. the real recognizer) makes of it, so a test fixes its way in and reads the rest for real.
 */
export function fakeRecognizer(phrases: Record<string, Intent | Recognition>, fallback?: Recognizer): Recognizer {
  return {
    async recognize(text, locale) {
      const known = phrases[text.trim().toLowerCase()];
      if (!known) return fallback ? fallback.recognize(text, locale) : { intent: 'none', score: 1, entities: {} };
      return typeof known === 'string' ? { intent: known, score: 1, entities: {} } : known;
    },
  };
}
