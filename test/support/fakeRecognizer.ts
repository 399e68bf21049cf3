import type { Intent } from '../../nlu/contract.js';
import type { Recognition, Recognizer } from '../../nlu/recognizer.js';

/** A recognizer that knows exactly the phrases a test gives it; everything else is `none`. */
export function fakeRecognizer(phrases: Record<string, Intent | Recognition>): Recognizer {
  return {
    async recognize(text) {
      const known = phrases[text.trim().toLowerCase()];
      if (!known) return { intent: 'none', score: 1, entities: {} };
      return typeof known === 'string' ? { intent: known, score: 1, entities: {} } : known;
    },
  };
}
