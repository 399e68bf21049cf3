import { dutchNumberWord } from '../../nlu/dutchNumbers.js';
import type { SatisfactionCode } from './surveyCodes.js';

/** The scales a mark may be given on ("8/10", "16 op 20", "4 op 5"); a mark without one is out of ten. */
const SCALES = [5, 10, 20, 100];
/** The words between a mark and its scale: "8 op 10", "8 van de 10", "8 uit 10", "8 out of 10". */
const SCALE_WORDS = new Set(['op', 'van', 'uit', 'de', 'out', 'of', 'on']);
/** Bare numbers up to this are the options of the list (1 to 5, and 6 for "skip"): no mark. */
const HIGHEST_OPTION_NUMBER = 6;
const ENGLISH_NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function numberIn(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  const english = ENGLISH_NUMBERS.indexOf(word);
  return english >= 0 ? english + 1 : dutchNumberWord(word);
}

/**
 * A mark a resident gives at "Hoe tevreden bent u?" instead of picking an option: "8/10", "acht op tien",
 * "een 8", "zeker 9", "16 op 20", on the contract's scale of 1 to 5 (docs/contract/http.md): a mark out of
 * ten is halved and rounded half up (8 → 4, 9 → 5, 7 → 4), one out of 20 or 100 likewise. `words` are the
 * answer's words (`answerWords`, with "/" read as "op"); `fillers` the words that say nothing about the
 * mark ("zeker", "ik geef", "een"). A bare number up to 6 is an option of the list, so no mark; undefined
 * for anything that is not a mark alone.
 */
export function satisfactionFromMark(words: readonly string[], fillers: ReadonlySet<string>): SatisfactionCode | undefined {
  const numbers = words.flatMap((word, index) => {
    const value = numberIn(word);
    return value === undefined ? [] : [{ index, value }];
  });
  // "een 8": the article is no number when another number follows.
  const marks = numbers.length > 1 ? numbers.filter(({ index }) => words[index] !== 'een' && words[index] !== 'one') : numbers;
  const [mark, scaleNumber, more] = marks;
  if (!mark || more) return undefined;
  const between = scaleNumber ? words.slice(mark.index + 1, scaleNumber.index) : [];
  if (scaleNumber && (between.length === 0 || !between.every((word) => SCALE_WORDS.has(word)))) return undefined;
  const used = new Set([mark.index, ...(scaleNumber ? [scaleNumber.index] : [])]);
  const rest = words.filter((word, index) => !used.has(index) && !(index > mark.index && scaleNumber && index < scaleNumber.index));
  if (!rest.every((word) => fillers.has(word) || numberIn(word) !== undefined)) return undefined;
  const scale = scaleNumber?.value ?? 10;
  if (!SCALES.includes(scale) || mark.value > scale) return undefined;
  if (!scaleNumber && rest.length === 0 && mark.value <= HIGHEST_OPTION_NUMBER) return undefined;
  // Without a scale a number up to 5 after a filler ("zeker 4") is on the list's own scale.
  const outOf = !scaleNumber && mark.value <= 5 ? 5 : scale;
  return Math.min(5, Math.max(1, Math.round((mark.value / outOf) * 5))) as SatisfactionCode;
}
