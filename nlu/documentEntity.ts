import { readFileSync } from 'node:fs';
import { isDocumentId, type DocumentId } from '../domain/nluContract.js';
import { withinEdits, wordsOf } from './plainText.js';
import { CodedError } from '../services/errorCatalogue.js';

/** The names residents use for one document, as listed in `data/nlu/documents.json`. */
export interface DocumentSynonyms {
  id: DocumentId;
  synonyms: string[];
}

/** A document named in a text, with where the name starts (in words) and how many words it spans. */
export interface DocumentMention {
  id: DocumentId;
  firstWord: number;
  wordCount: number;
}

const DEFAULT_CATALOG_URL = new URL('../data/nlu/documents.json', import.meta.url);
/** Shorter words with one typo too often become another word ("akte", "eid"). */
const FUZZY_MIN_LENGTH = 5;
/** From this length two typos still leave the word recognisable ("identitijtskaart"). */
const TWO_TYPOS_MIN_LENGTH = 10;
/** Long words are also indexed by their first letters, where two typos rarely fall. */
const PREFIX_LENGTH = 4;
/** "e id" and "kids id" are also written as one word: join up to this many words of the text. */
const MAX_JOINED_WORDS = 3;
/**
 * Little words that may stand inside a name or be left out of it: "attest van goed gedrag" is
 * "attest goed gedrag", "akte van het overlijden" is "akte van overlijden". They never start a name.
 */
const LITTLE_WORDS = new Set([
  'de',
  'het',
  'een',
  "'n",
  "'t",
  'van',
  'voor',
  'mijn',
  "m'n",
  'mn',
  'uw',
  'onze',
  'ons',
  'zijn',
  'haar',
  'hun',
  'uit',
  'te',
  'laten',
  'in',
  'op',
  'aan',
  'met',
  'dat',
  'die',
  'ik',
  'nog',
  'ben',
  'is',
  'om',
]);
/**
 * Besides its own words, a name of several words may have this many other words among them:
 * "mijn handtekening moet gewettigd worden" names "handtekening gewettigd".
 */
const EXTRA_WORDS_IN_NAME = 1;

interface Name {
  id: DocumentId;
  /** The name's words without little words. */
  words: string[];
  joined: string;
  length: number;
  /** Position in the catalog: of two equally long names, the first listed wins. */
  order: number;
}

class DocumentCatalogError extends CodedError {
  constructor(message: string) {
    super('DOCUMENT_CATALOG_INVALID', message);
  }
}

/** Reads and checks the synonyms file; throws `DocumentCatalogError` when it does not fit the contract. */
export function loadDocumentSynonyms(file: URL | string = DEFAULT_CATALOG_URL): DocumentSynonyms[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const documents = (parsed as { documents?: unknown }).documents;
  if (!Array.isArray(documents)) throw new DocumentCatalogError('documents.json: "documents" must be a list');
  return documents.map((entry: unknown, index) => {
    const { id, synonyms } = (entry ?? {}) as { id?: unknown; synonyms?: unknown };
    if (!isDocumentId(id)) throw new DocumentCatalogError(`documents.json: entry ${index} has an unknown id`);
    if (!Array.isArray(synonyms) || !synonyms.every((s) => typeof s === 'string' && contentWords(wordsOf(s)).length > 0)) {
      throw new DocumentCatalogError(`documents.json: ${id} needs a list of synonyms, each with a word that is not a little word`);
    }
    return { id, synonyms: synonyms as string[] };
  });
}

/**
 * Finds the documents a text names: names as listed, also with little words added or left out,
 * in another word order, with one other word among them, with typos in long words, and written
 * as one word or apart. Pure once built; build once and reuse.
 */
export class DocumentFinder {
  /**
   * Names by each of their words, by each word with one letter left out ("paspoort" also under
   * "pasoort"), and long words by their first letters: a word a typo or two away from a name's
   * word meets it under one of these keys, without comparing every word with the whole catalog.
   */
  private readonly byWord = new Map<string, Name[]>();
  /** The same for the names written as one word ("eid", "kidsid"). */
  private readonly byJoined = new Map<string, Name[]>();

  constructor(catalog: readonly DocumentSynonyms[]) {
    const spellings = catalog.flatMap(({ id, synonyms }) => synonyms.map((synonym) => ({ id, words: contentWords(wordsOf(synonym)) })));
    spellings.forEach(({ id, words }, order) => {
      const joined = words.join('');
      const name: Name = { id, words, joined, length: joined.length, order };
      for (const word of new Set(words)) addUnderKeys(this.byWord, lookupKeys(word), name);
      addUnderKeys(this.byJoined, lookupKeys(joined), name);
    });
  }

  /** The document the text names first, if any. */
  find(text: string): DocumentId | undefined {
    return this.findAll(text)[0]?.id;
  }

  /** Every document the text names, in the order the resident named them, each once. */
  findAll(text: string): DocumentMention[] {
    const mentions: DocumentMention[] = [];
    for (const mention of this.mentions(wordsOf(text))) {
      if (!mentions.some((m) => m.id === mention.id)) mentions.push(mention);
    }
    return mentions;
  }

  /**
   * The text's words with every document name replaced by `placeholder`: the intent of
   * "afspraak voor mijn reispas" and "afspraak voor mijn trouwakte" is the same.
   */
  wordsWithPlaceholder(text: string, placeholder: string): string[] {
    const words = wordsOf(text);
    const result: string[] = [];
    let position = 0;
    for (const mention of this.mentions(words)) {
      result.push(...words.slice(position, mention.firstWord), placeholder);
      position = mention.firstWord + mention.wordCount;
    }
    result.push(...words.slice(position));
    return result;
  }

  /** Every name in the words (as `wordsOf` gives them), in order, a name as often as it is written. */
  mentions(words: readonly string[]): DocumentMention[] {
    // Positions of the words that are not little words: names are matched on these.
    const content = words.flatMap((word, index) => (LITTLE_WORDS.has(word) ? [] : [index]));
    const contentText = content.map((index) => words[index]!);
    const mentions: DocumentMention[] = [];
    let at = 0;
    while (at < content.length) {
      const best = this.longestNameAt(contentText, at);
      if (best === undefined) {
        at += 1;
        continue;
      }
      const firstWord = content[at]!;
      const lastWord = content[best.lastContent]!;
      mentions.push({ id: best.name.id, firstWord, wordCount: lastWord - firstWord + 1 });
      at = best.lastContent + 1;
    }
    return mentions;
  }

  /** The longest name whose match starts at content word `at`, with the last content word it uses. */
  private longestNameAt(words: readonly string[], at: number): { name: Name; lastContent: number } | undefined {
    let best: { name: Name; lastContent: number } | undefined;
    for (const name of this.candidateNames(words, at)) {
      const lastContent = matchEnd(name, words, at);
      if (lastContent === undefined) continue;
      // Longer names win: "identiteitskaart voor mijn kind" is a kids-id, not an identiteitskaart.
      if (best === undefined || name.length > best.name.length || (name.length === best.name.length && name.order < best.name.order)) {
        best = { name, lastContent };
      }
    }
    return best;
  }

  /** Every name that could match from content word `at` (and a few that do not). */
  private candidateNames(words: readonly string[], at: number): Set<Name> {
    const candidates = new Set<Name>();
    const collect = (index: Map<string, Name[]>, text: string) => {
      for (const key of lookupKeys(text)) for (const name of index.get(key) ?? []) candidates.add(name);
    };
    collect(this.byWord, words[at]!);
    let joined = '';
    for (let count = 1; count <= MAX_JOINED_WORDS && at + count <= words.length; count += 1) {
      joined += words[at + count - 1];
      collect(this.byJoined, joined);
    }
    return candidates;
  }
}

/**
 * The last content word a match of the name starting at `at` uses, or undefined when it does
 * not match there. The word at `at` must be one of the name's words; the others may follow in
 * any order, with `EXTRA_WORDS_IN_NAME` other words among them. Or the name is written as one
 * word where the text has several, or the other way round ("e id" / "eid").
 */
function matchEnd(name: Name, words: readonly string[], at: number): number | undefined {
  const joined = joinedMatchEnd(name, words, at);
  if (joined !== undefined) return joined;
  if (!name.words.some((word) => sameWord(word, words[at]))) return undefined;
  const window = Math.min(words.length, at + name.words.length + (name.words.length > 1 ? EXTRA_WORDS_IN_NAME : 0));
  const used = new Set<number>();
  // The word at `at` takes the first name word it matches, so the match starts there.
  const first = name.words.findIndex((word) => sameWord(word, words[at]));
  used.add(at);
  let last = at;
  for (let w = 0; w < name.words.length; w += 1) {
    if (w === first) continue;
    let found: number | undefined;
    for (let i = at + 1; i < window; i += 1) {
      if (!used.has(i) && sameWord(name.words[w]!, words[i])) {
        found = i;
        break;
      }
    }
    if (found === undefined) return undefined;
    used.add(found);
    last = Math.max(last, found);
  }
  return last;
}

function joinedMatchEnd(name: Name, words: readonly string[], at: number): number | undefined {
  let joined = '';
  for (let count = 1; count <= MAX_JOINED_WORDS && at + count <= words.length; count += 1) {
    joined += words[at + count - 1];
    if (joined.length > name.joined.length + 2) break;
    if ((count > 1 || name.words.length > 1) && sameWord(name.joined, joined)) return at + count - 1;
  }
  return undefined;
}

/** The words that are not little words, in order. */
function contentWords(words: readonly string[]): string[] {
  return words.filter((word) => !LITTLE_WORDS.has(word));
}

/** The word itself; when long enough for a typo, each one-letter deletion; when long, its first letters. */
function lookupKeys(word: string): string[] {
  if (word.length < FUZZY_MIN_LENGTH) return [word];
  const keys = [word];
  for (let i = 0; i < word.length; i += 1) keys.push(word.slice(0, i) + word.slice(i + 1));
  if (word.length >= TWO_TYPOS_MIN_LENGTH - 1) keys.push(`${word.slice(0, PREFIX_LENGTH)}…`);
  return keys;
}

function addUnderKeys(index: Map<string, Name[]>, keys: string[], name: Name): void {
  for (const key of new Set(keys)) {
    const names = index.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    index.set(key, names);
  }
}

function sameWord(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (expected === actual) return true;
  if (expected.length < FUZZY_MIN_LENGTH || actual.length < FUZZY_MIN_LENGTH) return false;
  const long = expected.length >= TWO_TYPOS_MIN_LENGTH && actual.length >= TWO_TYPOS_MIN_LENGTH;
  return withinEdits(expected, actual, long ? 2 : 1);
}

let defaultFinder: DocumentFinder | undefined;

/** The document named first in the text, using the municipality's synonyms file. */
export function findDocument(text: string): DocumentId | undefined {
  defaultFinder ??= new DocumentFinder(loadDocumentSynonyms());
  return defaultFinder.find(text);
}
