import { standardWords } from '../../nlu/colloquialDutch.js';
import { withinOneEdit, wordsOf } from '../../nlu/plainText.js';

/** Thuisloket questions, most specific first: the first whose cues match is the question. */
export const THUISLOKET_QUESTIONS = [
  'pin',
  'cardReader',
  'itsme',
  'noLogin',
  'safe',
  'free',
  'howLong',
  'documents',
  'login',
  'problems',
] as const;
export type ThuisloketQuestion = (typeof THUISLOKET_QUESTIONS)[number];

/** Topics the assistant understands but cannot handle; each may have a link in municipality.json `topicLinks`. */
export const OUT_OF_SCOPE_TOPICS = ['waste', 'permits', 'complaints', 'taxes', 'move'] as const;
export type OutOfScopeTopic = (typeof OUT_OF_SCOPE_TOPICS)[number];

/** What a contact question can be about, in the order the answer gives them. */
export const CONTACT_TOPICS = ['address', 'phone', 'email', 'parking'] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number];

/** The ways to log in to the thuisloket a resident may ask about, in the order the answer gives them. */
export const LOGIN_MEANS = ['itsme', 'eid'] as const;
export type LoginMeans = (typeof LOGIN_MEANS)[number];

/** What a question about a document's facts can ask, in the order the answer gives them. */
export const DOCUMENT_FACTS = ['price', 'delivery', 'bring', 'validity', 'online'] as const;
export type DocumentFact = (typeof DOCUMENT_FACTS)[number];

/** Phrases per language; both languages are tried, whatever the resident's language. */
export interface CueSet {
  readonly nl: readonly string[];
  readonly en: readonly string[];
}

/** The contents of `data/questionCues.json`. */
export interface QuestionCues {
  readonly collect: CueSet;
  readonly death: CueSet;
  readonly noComputer: CueSet;
  readonly thuisloket: Readonly<Record<ThuisloketQuestion, CueSet>>;
  readonly outOfScope: Readonly<Record<OutOfScopeTopic, CueSet>>;
  readonly contact: Readonly<Record<ContactTopic, CueSet>>;
  readonly documentFacts: Readonly<Record<DocumentFact, CueSet>>;
  readonly counterVisit: CueSet;
  readonly closingTime: CueSet;
  readonly openingHours: CueSet;
  /** The hours in general: the coming week. */
  readonly weekHours: CueSet;
  /** The hours now or today, over the hours in general. */
  readonly nowOrToday: CueSet;
  readonly lostDocument: CueSet;
  /** What itsme or the eID with a card reader is ("wat is itsme?", "wa is da kaartlezer"). */
  readonly loginMeans: Readonly<Record<LoginMeans, CueSet>>;
  readonly anotherBooking: CueSet;
}

/** Most words that may stand between two words of a cue ("ik kom mijn reispas halen"). */
const MAX_GAP = 2;
/** Shorter words must match exactly: "pin" is not "pen", "geen" is not "eens". */
const TYPO_MIN_LENGTH = 6;

/** Whether the text says something the cue set stands for. */
export function mentions(text: string | undefined, cues: CueSet): boolean {
  if (!text) return false;
  const words = standardWords(wordsOf(text));
  return cuePhrases(cues).some((phrase) => phraseIn(words, phrase));
}

const cuePhraseWords = new WeakMap<CueSet, readonly (readonly string[])[]>();

/** The words of each phrase of a cue set (both languages), split once per set: the data does not change after start-up. */
function cuePhrases(cues: CueSet): readonly (readonly string[])[] {
  let phrases = cuePhraseWords.get(cues);
  if (!phrases) {
    phrases = [...cues.nl, ...cues.en].map((phrase) => phrase.split(' '));
    cuePhraseWords.set(cues, phrases);
  }
  return phrases;
}

/** The first key (in the given order) whose cue set the text mentions. */
export function firstMentioned<K extends string>(
  text: string | undefined,
  order: readonly K[],
  sets: Readonly<Record<K, CueSet>>,
): K | undefined {
  return order.find((key) => mentions(text, sets[key]));
}

function phraseIn(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start < words.length; start++) if (matchesFrom(words, start, phrase, 0, true)) return true;
  return false;
}

function matchesFrom(words: readonly string[], at: number, phrase: readonly string[], index: number, first: boolean): boolean {
  if (index === phrase.length) return true;
  const cue = phrase[index] as string;
  const last = first ? at : Math.min(words.length - 1, at + MAX_GAP);
  for (let position = at; position <= last; position++) {
    if (wordMatches(words[position] as string, cue) && matchesFrom(words, position + 1, phrase, index + 1, false)) return true;
  }
  return false;
}

function wordMatches(word: string, cue: string): boolean {
  if (cue === '*') return true;
  // "*vergunning*": also inside compounds ("bouwvergunning", "omgevingsvergunningen").
  if (cue.length > 2 && cue.startsWith('*') && cue.endsWith('*')) return word.includes(cue.slice(1, -1));
  if (cue.endsWith('*')) {
    const prefix = cue.slice(0, -1);
    if (word.startsWith(prefix)) return true;
    // "kaartlezr": a long prefix also matches with one typo in it.
    if (prefix.length < TYPO_MIN_LENGTH) return false;
    for (let extra = -1; extra <= 1; extra++) if (withinOneEdit(word.slice(0, prefix.length + extra), prefix)) return true;
    return false;
  }
  return word === cue || (cue.length >= TYPO_MIN_LENGTH && withinOneEdit(word, cue));
}
