import type { Language } from '../i18n.js';
import { answerWords, onlyFillerAround, phraseListOf, phraseWords, phraseWordSetOf, sameWord, type Words } from './answerPhrases.js';

export type YesNo = 'yes' | 'no';

/** How an answer reads as yes or no. */
export interface YesNoReading {
  meaning: YesNo;
  /** Nothing but yes/no and politeness was said ("ja graag, dank u"); false when more follows ("ja, maar hoe laat…"). */
  whole: boolean;
}

type Said = YesNo | 'unsure';

/** A yes/no phrase found in the answer. */
interface Found {
  meaning: Said;
  start: number;
  length: number;
}

/**
 * The one yes/no reader every yes/no question uses: "ja graag", "is goed", "doe maar", "zeker",
 * "nee dank u", "neen", "liever niet", "nee toch niet", "laat maar" and their like, from
 * `locales/<lang>/answers.json`. The longest phrase wins ("niet goed" is no, "goed" yes); after
 * "maar" the second half counts ("ja, maar liever niet"); "weet ik niet" is neither.
 * Undefined when the answer says neither, or both.
 */
export function readYesNo(text: string, language: Language): YesNoReading | undefined {
  const words = answerWords(text);
  const found = yesNoPhrasesIn(words, language);
  if (found.length === 0 || found.some((phrase) => phrase.meaning === 'unsure')) return undefined;
  // A long message that only mentions "niet" somewhere is no answer: yes or no comes first.
  if (found[0]!.start > 1) return undefined;
  const lastBut = lastIndexOfBut(words, language);
  const counted = found.filter((phrase) => phrase.start > lastBut);
  const meanings = new Set((counted.length > 0 ? counted : found).map((phrase) => phrase.meaning));
  const [meaning] = meanings as Set<YesNo>;
  if (meanings.size !== 1 || meaning === undefined) return undefined;
  const covered = new Set(found.flatMap((phrase) => Array.from({ length: phrase.length }, (_, i) => phrase.start + i)));
  const rest = words.filter((_, index) => !covered.has(index));
  return { meaning, whole: onlyFillerAround(rest, 0, 0, language) };
}

/** The yes/no meaning an option's label starts with ("Ja, bel mij terug" → yes), or its value "yes"/"no". */
export function optionMeaning(option: { value: string; label: string }, language: Language): YesNo | undefined {
  if (option.value === 'yes' || option.value === 'no') return option.value;
  const first = phraseWords(option.label)[0];
  if (first === undefined) return undefined;
  const [yes] = phraseListOf(language, 'yes');
  if (yes !== undefined && first === yes[0]) return 'yes';
  if (phraseListOf(language, 'no').slice(0, 2).some((word) => word[0] === first)) return 'no';
  return undefined;
}

/** Left to right, the longest yes, no or unsure phrase at each place; words in between are skipped. */
function yesNoPhrasesIn(words: Words, language: Language): Found[] {
  const lists: Array<[Said, readonly Words[]]> = [
    ['yes', phraseListOf(language, 'yes')],
    ['no', phraseListOf(language, 'no')],
    ['unsure', phraseListOf(language, 'unsure')],
  ];
  const found: Found[] = [];
  let index = 0;
  while (index < words.length) {
    let best: Found | undefined;
    for (const [meaning, list] of lists) {
      for (const phrase of list) {
        if (phrase.length === 0 || (best && phrase.length <= best.length)) continue;
        if (phrase.every((word, offset) => words[index + offset] !== undefined && sameWord(words[index + offset]!, word))) {
          best = { meaning, start: index, length: phrase.length };
        }
      }
    }
    if (best) {
      found.push(best);
      index += best.length;
    } else {
      index += 1;
    }
  }
  return found;
}

/** Where the last "maar" is: what follows it is what the resident means. -1 when there is none. */
function lastIndexOfBut(words: Words, language: Language): number {
  const but = phraseWordSetOf(language, 'but');
  let last = -1;
  words.forEach((word, index) => {
    if (but.has(word)) last = index;
  });
  return last;
}
