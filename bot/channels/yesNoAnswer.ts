import type { Language } from '../i18n.js';
import {
  answerWords,
  onlyFillerAround,
  phraseListOf,
  phraseWords,
  phraseWordSetOf,
  sameWord,
  TYPO_MIN_LENGTH,
  type Words,
} from './answerPhrases.js';

export type YesNo = 'yes' | 'no';

/** How an answer reads as yes or no. */
export interface YesNoReading {
  meaning: YesNo;
  /** Nothing but yes/no and politeness was said ("ja graag, dank u"); false when more follows ("ja, maar hoe laat…"). */
  whole: boolean;
}

type Said = YesNo | 'unsure' | 'agree';

/**
 * What a yes/no question asks: whether something is right ("Klopt dit?"), or whether the resident
 * wants or can do something ("Wilt u nog iets?", "Kunt u zich aanmelden?"). "nee hoor, dat is goed"
 * is a yes to the first and a no to the second.
 */
export type YesNoQuestion = 'confirmation' | 'wish';

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
 * "maar" the second half counts ("ja, maar liever niet"); "weet ik niet" is neither. A leading "nee"
 * before "dat is goed" or "klopt" depends on the question: right at a confirmation, no thanks elsewhere.
 * Undefined when the answer says neither, or both.
 */
export function readYesNo(text: string, language: Language, question: YesNoQuestion = 'wish'): YesNoReading | undefined {
  return readYesNoWords(answerWords(text), language, question);
}

/** `readYesNo` of an answer already read as its words (`answerWords`). */
export function readYesNoWords(words: Words, language: Language, question: YesNoQuestion = 'wish'): YesNoReading | undefined {
  const found = yesNoPhrasesIn(words, language);
  if (found.length === 0 || found.some((phrase) => phrase.meaning === 'unsure')) return undefined;
  // A long message that only mentions "niet" somewhere is no answer: yes or no comes first.
  if (found[0]!.start > 1) return undefined;
  const lastBut = lastIndexOfBut(words, language);
  const after = found.filter((phrase) => phrase.start > lastBut);
  const counted = after.length > 0 ? after : found;
  const meanings = new Set(counted.map((phrase) => agreementMeaning(phrase, counted, words, language, question)));
  const [meaning] = meanings;
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
  if (
    phraseListOf(language, 'no')
      .slice(0, 2)
      .some((word) => word[0] === first)
  )
    return 'no';
  return undefined;
}

/**
 * What a phrase says among the others: "dat is goed" is a yes, but after a leading "nee" (with
 * nothing but politeness) it keeps the "nee" at a wish and overrules it at a confirmation; that
 * leading "nee" then takes the same meaning.
 */
function agreementMeaning(phrase: Found, counted: readonly Found[], words: Words, language: Language, question: YesNoQuestion): YesNo {
  const agrees = counted.some((other) => other.meaning === 'agree');
  const noes = counted.filter((other) => other.meaning === 'no');
  const onlyLeadingNo = noes.length === 1 && noes[0]!.start === 0 && isBareNo(words.slice(0, noes[0]!.length), language);
  if (agrees && onlyLeadingNo) return question === 'confirmation' ? 'yes' : 'no';
  return phrase.meaning === 'agree' ? 'yes' : (phrase.meaning as YesNo);
}

/** "nee", "neen hoor", "nee dank u": a no and politeness, nothing that says what is wrong. */
function isBareNo(phrase: Words, language: Language): boolean {
  const no = phraseListOf(language, 'no').slice(0, 2).flat();
  const politeness = phraseWordSetOf(language, 'politeness');
  return phrase.every((word) => no.includes(word) || politeness.has(word));
}

/** One known yes/no phrase, in the order the lists are read: agreement, yes, no, unsure. */
interface KnownPhrase {
  meaning: Said;
  words: Words;
}

/** A language's yes/no phrases, with where to look for the ones that can start at a given word. */
interface PhraseIndex {
  phrases: readonly KnownPhrase[];
  /** Positions in `phrases` by their exact first word. */
  byFirstWord: ReadonlyMap<string, readonly number[]>;
  /** Positions of phrases whose first word is long enough for `sameWord` to allow a typo in it. */
  typoTolerant: readonly number[];
}

const phraseIndexes = new Map<Language, PhraseIndex>();

/** Built once per language: every answer would otherwise try each of the ~130 phrases at each word. */
function phraseIndexOf(language: Language): PhraseIndex {
  let index = phraseIndexes.get(language);
  if (index) return index;
  // Agreement first: "klopt" is also a yes, and of two phrases as long the first list wins.
  const phrases = (['agree', 'yes', 'no', 'unsure'] as const).flatMap((meaning) =>
    phraseListOf(language, meaning)
      .filter((words) => words.length > 0)
      .map((words) => ({ meaning, words })),
  );
  const byFirstWord = new Map<string, number[]>();
  const typoTolerant: number[] = [];
  phrases.forEach(({ words }, position) => {
    const first = words[0]!;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), position]);
    if (first.length >= TYPO_MIN_LENGTH) typoTolerant.push(position);
  });
  index = { phrases, byFirstWord, typoTolerant };
  phraseIndexes.set(language, index);
  return index;
}

/** Left to right, the longest agreement, yes, no or unsure phrase at each place; words in between are skipped. */
function yesNoPhrasesIn(words: Words, language: Language): Found[] {
  const { phrases, byFirstWord, typoTolerant } = phraseIndexOf(language);
  const found: Found[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index]!;
    const exact = byFirstWord.get(word) ?? [];
    const typo = word.length >= TYPO_MIN_LENGTH ? typoTolerant : [];
    let best: Found | undefined;
    // The candidates in list order (both lists are sorted), so that of two as long the first wins;
    // one in both lists is tried twice, which changes nothing.
    for (let e = 0, t = 0; e < exact.length || t < typo.length;) {
      const position = t >= typo.length || (e < exact.length && exact[e]! <= typo[t]!) ? exact[e++]! : typo[t++]!;
      const { meaning, words: phrase } = phrases[position]!;
      if (best && phrase.length <= best.length) continue;
      if (phrase.every((known, offset) => words[index + offset] !== undefined && sameWord(words[index + offset]!, known))) {
        best = { meaning, start: index, length: phrase.length };
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
