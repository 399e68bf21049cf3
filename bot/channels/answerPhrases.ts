import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withinOneEdit, wordsOf } from '../../nlu/plainText.js';
import { LOCALES_DIR, type Language } from '../i18n.js';

/**
 * How residents answer the bot's own questions, per language (`locales/<lang>/answers.json`):
 * what they type, not what they read, so it is read here as data rather than through `t()`.
 */
export interface AnswerPhrases {
  /** Ways to say yes; the first one is the word yes-labels start with ("ja"). */
  yes: readonly string[];
  /** Ways to say no; the first one is the word no-labels start with ("nee"). */
  no: readonly string[];
  /**
   * "klopt", "dat is goed", "in orde": the resident finds it right. A yes, also after a leading "nee"
   * at a confirmation ("nee hoor, dat is goed" at "Klopt dit?"); a no after "nee" at any other
   * question ("nee, dat is goed" at "Wilt u nog iets?").
   */
  agree: readonly string[];
  /** Ids of the questions that ask whether something is right ("Klopt dit?"), not whether the resident wants something. */
  confirmations: readonly string[];
  /** "weet ik niet", "misschien": neither yes nor no. */
  unsure: readonly string[];
  /** "maar": what follows it is what the resident means ("ja, maar liever niet"). */
  but: readonly string[];
  /** Words that change nothing about an answer ("dank u", "hoor", "graag"). */
  politeness: readonly string[];
  /** "dank u wel", "bedankt", "tot ziens": what a resident who is done says; a goodbye the recognizer reads needs one. */
  thanks: readonly string[];
  /** "ok", "merci", "oké bedankt": the resident takes note or thanks, and asks nothing. */
  acknowledge: readonly string[];
  /** After the goodbye: "k", "top", "'t is goed zo", "da's goe": a last word that asks nothing (besides `acknowledge`). */
  closingCourtesy: readonly string[];
  /** Words around a mark that say nothing about it ("zeker", "ik geef", "een" in "een 8"): the satisfaction question. */
  markWords: readonly string[];
  /** At a question that wants a name, contact or code: the resident no longer wants to go on. */
  withdraw: readonly string[];
  /** Words a question starts with ("waar is…", "hoe laat…"): such a message is no name. */
  questionWords: readonly string[];
  /** What ends the survey. */
  stop: readonly string[];
  /** Words that turn a statement around ("niet", "nooit", "geen"). */
  negations: readonly string[];
  /** Words that carry no meaning of their own when an answer is compared with a label. */
  stopwords: readonly string[];
  /** Synonyms per option: `options[<question id>][<option value>]`; a key without a dot serves every question under it. */
  options: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /**
   * Per question, which option wins when an answer names several: "mijn man is overleden" is about
   * someone who died, "een job in de kinderopvang" is work with children. `precedence[<question id>]`, first wins.
   */
  precedence: Readonly<Record<string, readonly string[]>>;
}

/** A phrase as matched: its words after normalisation. */
export type Words = readonly string[];

const loaded = new Map<Language, AnswerPhrases>();

/** The answer phrases of a language, read once. */
export function answerPhrases(language: Language): AnswerPhrases {
  let phrases = loaded.get(language);
  if (!phrases) {
    phrases = JSON.parse(readFileSync(join(LOCALES_DIR, language, 'answers.json'), 'utf8')) as AnswerPhrases;
    loaded.set(language, phrases);
  }
  return phrases;
}

/**
 * The words of an answer as matching sees them: lowercase, no accents or punctuation, letters typed
 * three times or more kept twice ("jaaaa" → "jaa", "neeeee" → "nee").
 */
export function answerWords(text: string): Words {
  return wordsOf(text.replace(/(\p{L})\1{2,}/gu, '$1$1'));
}

/** At most this many phrases are kept: the bot's own phrases and labels are far fewer, so this only bounds memory. */
const PHRASE_CACHE_LIMIT = 10_000;
const phraseWordCache = new Map<string, Words>();

/**
 * `answerWords` of a phrase the bot knows (answers.json, an option's label, short label or code),
 * worked out once: every question reads hundreds of them at every turn. Never for a resident's words,
 * which are not kept.
 */
export function phraseWords(phrase: string): Words {
  let words = phraseWordCache.get(phrase);
  if (words === undefined) {
    if (phraseWordCache.size >= PHRASE_CACHE_LIMIT) phraseWordCache.clear();
    words = Object.freeze(answerWords(phrase));
    phraseWordCache.set(phrase, words);
  }
  return words;
}

/** The answers.json lists of plain phrases. */
export type PhraseList = Exclude<keyof AnswerPhrases, 'options' | 'precedence'>;

const phraseListWords = new Map<string, readonly Words[]>();
const phraseListWordSets = new Map<string, ReadonlySet<string>>();

/** Each phrase of a list as its words, worked out once per language. */
export function phraseListOf(language: Language, list: PhraseList): readonly Words[] {
  const key = `${language}/${list}`;
  let words = phraseListWords.get(key);
  if (!words) {
    words = Object.freeze(answerPhrases(language)[list].map(phraseWords));
    phraseListWords.set(key, words);
  }
  return words;
}

/** Every word of a list's phrases (negations, stopwords, "maar"), worked out once per language. */
export function phraseWordSetOf(language: Language, list: PhraseList): ReadonlySet<string> {
  const key = `${language}/${list}`;
  let set = phraseListWordSets.get(key);
  if (!set) {
    set = new Set(phraseListOf(language, list).flat());
    phraseListWordSets.set(key, set);
  }
  return set;
}

/** Words shorter than this must be typed exactly: one typo apart, they are often other words. */
export const TYPO_MIN_LENGTH = 5;

/** Two words are the same answer word: equal, or one typo apart when both are long enough to tell. */
export function sameWord(said: string, known: string): boolean {
  return said === known || (said.length >= TYPO_MIN_LENGTH && known.length >= TYPO_MIN_LENGTH && withinOneEdit(said, known));
}

/** Where `phrase` occurs in `words` as whole words, or -1. */
function indexOfPhrase(words: Words, phrase: Words): number {
  if (phrase.length === 0) return -1;
  for (let start = 0; start + phrase.length <= words.length; start += 1) {
    if (phrase.every((word, offset) => sameWord(words[start + offset]!, word))) return start;
  }
  return -1;
}

/** A phrase found in an answer, and for which key (an option value, "yes", "no"). */
export interface PhraseMatch<K> {
  key: K;
  start: number;
  length: number;
}

/** Every candidate phrase that occurs in the answer (first occurrence each). */
export function phrasesIn<K>(words: Words, candidates: ReadonlyArray<{ key: K; phrase: Words }>): PhraseMatch<K>[] {
  return candidates.flatMap(({ key, phrase }) => {
    const start = indexOfPhrase(words, phrase);
    return start < 0 ? [] : [{ key, start, length: phrase.length }];
  });
}

/**
 * The longest of the phrases found. "ambiguous" when a phrase of another key occurs elsewhere in
 * the answer ("telefonisch of aan het loket"); a shorter phrase inside the longest one does not count
 * ("niet goed" inside "helemaal niet goed").
 */
export function longestPhrase<K>(found: readonly PhraseMatch<K>[]): PhraseMatch<K> | 'ambiguous' | undefined {
  const best = found.reduce<PhraseMatch<K> | undefined>(
    (longest, match) => (!longest || match.length > longest.length ? match : longest),
    undefined,
  );
  if (!best) return undefined;
  const overlaps = (match: PhraseMatch<K>) => match.start < best.start + best.length && best.start < match.start + match.length;
  return found.some((match) => match.key !== best.key && !overlaps(match)) ||
    found.some((match) => match.key !== best.key && match.length === best.length)
    ? 'ambiguous'
    : best;
}

/** Whether the words outside [start, start + length) only say "dank u", "ik", "het" and the like. */
export function onlyFillerAround(words: Words, start: number, length: number, language: Language): boolean {
  const filler = fillerWords(language);
  return words.every((word, index) => (index >= start && index < start + length) || filler.has(word));
}

/** "dank u", "ik", "het" and the like: the politeness and stopword lists together. */
function fillerWords(language: Language): ReadonlySet<string> {
  return derivedWordSet(`${language}/filler`, () => [
    ...phraseWordSetOf(language, 'politeness'),
    ...phraseWordSetOf(language, 'stopwords'),
  ]);
}

/** "nee" and "neen", the no list's first two phrases: a first "nee" answers a question, it does not turn the rest around. */
export function noParticles(language: Language): ReadonlySet<string> {
  return derivedWordSet(`${language}/noParticles`, () => phraseListOf(language, 'no').slice(0, 2).flat());
}

const derivedWordSets = new Map<string, ReadonlySet<string>>();

function derivedWordSet(key: string, words: () => readonly string[]): ReadonlySet<string> {
  let set = derivedWordSets.get(key);
  if (!set) {
    set = new Set(words());
    derivedWordSets.set(key, set);
  }
  return set;
}

/** Whether the answer contains one of the phrases. */
export function containsAnyPhrase(words: Words, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => indexOfPhrase(words, phraseWords(phrase)) >= 0);
}

/** Whether the whole answer is one of the phrases, give or take filler words. */
export function isOnlyPhrase(words: Words, phrases: readonly string[], language: Language): boolean {
  const match = longestPhrase(
    phrasesIn(
      words,
      phrases.map((phrase) => ({ key: 0, phrase: phraseWords(phrase) })),
    ),
  );
  return typeof match === 'object' && onlyFillerAround(words, match.start, match.length, language);
}
