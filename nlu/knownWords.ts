import { withinOneEdit } from './plainText.js';

/** Below this length one typo too often turns a word into another real word. */
const MIN_CORRECTED_LENGTH = 5;

/**
 * The words the recognizer was trained on. Replaces an unknown word of 5+ letters by the known
 * word it is one typo away from (swapped letters included, which nlp.js's own spell check counts
 * as two edits) and starts with the same letter. Several candidates: the most used one wins ("afspaak" → "afspraak", not the
 * trained typo "afpsraak"); a tie leaves the word alone.
 */
export class KnownWords {
  private readonly uses = new Map<string, number>();
  private readonly byLength = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) this.uses.set(word, (this.uses.get(word) ?? 0) + 1);
    for (const word of this.uses.keys()) {
      if (word.length < MIN_CORRECTED_LENGTH) continue;
      const sameLength = this.byLength.get(word.length) ?? [];
      sameLength.push(word);
      this.byLength.set(word.length, sameLength);
    }
  }

  correct(word: string): string {
    if (word.length < MIN_CORRECTED_LENGTH || this.uses.has(word)) return word;
    let best: string | undefined;
    let bestUses = 0;
    let tied = false;
    for (const length of [word.length - 1, word.length, word.length + 1]) {
      for (const known of this.byLength.get(length) ?? []) {
        // A wrong first letter is a rare typo but a common other word ("zoeken", "boeken").
        if (known[0] !== word[0] || !withinOneEdit(word, known)) continue;
        const uses = this.uses.get(known) ?? 0;
        if (uses > bestUses) {
          best = known;
          bestUses = uses;
          tied = false;
        } else if (uses === bestUses) {
          tied = true;
        }
      }
    }
    return best !== undefined && !tied ? best : word;
  }
}
