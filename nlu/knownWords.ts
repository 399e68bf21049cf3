import { withinOneEdit } from './plainText.js';

/** Below this length one typo too often turns a word into another real word. */
const MIN_CORRECTED_LENGTH = 5;
/** A glued word ("heyhey", "dankuwel") is split only into known parts at least this long, or filler words. */
const MIN_PART_LENGTH = 3;
/** Dutch and Flemish diminutive endings, longest first ("afspraakje", "uurtje", "rijbewijske"). */
const DIMINUTIVE_ENDINGS = ['tje', 'ske', 'je', 'ke'];
/** Parts a glued word may be split into; more would turn gibberish into words. */
const MAX_PARTS = 3;

/**
 * The words the recognizer was trained on. Replaces an unknown word of 5+ letters by the known
 * word it is one typo away from (swapped letters included, which nlp.js's own spell check counts
 * as two edits) and starts with the same letter. Several candidates: the most used one wins ("afspaak" → "afspraak", not the
 * trained typo "afpsraak"); a tie leaves the word alone.
 */
export class KnownWords {
  private readonly uses = new Map<string, number>();
  private readonly byLength = new Map<number, string[]>();

  /**
   * @param isFiller words the recognizer ignores anyway ("u", "wel"), which may be glued to a
   *   known word ("dankuwel") whatever their length.
   */
  constructor(
    words: Iterable<string>,
    private readonly isFiller: (word: string) => boolean = () => false,
  ) {
    for (const word of words) this.uses.set(word, (this.uses.get(word) ?? 0) + 1);
    for (const word of this.uses.keys()) {
      if (word.length < MIN_CORRECTED_LENGTH) continue;
      const sameLength = this.byLength.get(word.length) ?? [];
      sameLength.push(word);
      this.byLength.set(word.length, sameLength);
    }
  }

  has(word: string): boolean {
    return this.uses.has(word);
  }

  /** "afspraakje" is an "afspraak": the known word without a diminutive ending, else the word itself. */
  withoutDiminutive(word: string): string {
    for (const ending of DIMINUTIVE_ENDINGS) {
      const base = word.slice(0, -ending.length);
      if (word.endsWith(ending) && base.length >= MIN_PART_LENGTH && this.uses.has(base)) return base;
    }
    return word;
  }

  /**
   * An unknown word that is known words written together ("heyhey", "dankuwel"), as those words;
   * `undefined` when it is not. The split with the fewest parts wins, then the longest first part.
   */
  split(word: string): string[] | undefined {
    if (this.uses.has(word)) return undefined;
    return this.splitInto(word, MAX_PARTS);
  }

  private splitInto(word: string, maxParts: number): string[] | undefined {
    if (maxParts === 1) return this.isPart(word) ? [word] : undefined;
    let best: string[] | undefined;
    for (let end = word.length - 1; end >= 1; end -= 1) {
      const head = word.slice(0, end);
      if (!this.isPart(head)) continue;
      const tail = word.slice(end);
      const rest = this.isPart(tail) ? [tail] : this.splitInto(tail, maxParts - 1);
      if (rest !== undefined && (best === undefined || rest.length + 1 < best.length)) best = [head, ...rest];
    }
    return best;
  }

  private isPart(part: string): boolean {
    return this.isFiller(part) || (part.length >= MIN_PART_LENGTH && this.uses.has(part));
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
