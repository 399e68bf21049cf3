import { readFileSync } from 'node:fs';
import { isDocumentId, type DocumentId } from './contract.js';
import { withinOneEdit, wordsOf } from './plainText.js';

/** The names residents use for one document, as listed in `data/nlu/documents.json`. */
export interface DocumentSynonyms {
  id: DocumentId;
  synonyms: string[];
}

/** A document named in a text, with where the name starts (in words) for ordering. */
export interface DocumentMention {
  id: DocumentId;
  firstWord: number;
  wordCount: number;
}

const DEFAULT_CATALOG_URL = new URL('../data/nlu/documents.json', import.meta.url);
/** Shorter words with one typo too often become another word ("akte", "eid"). */
const FUZZY_MIN_LENGTH = 5;
/** "e id" and "kids id" are also written as one word: join up to this many words of the text. */
const MAX_JOINED_WORDS = 3;

interface Name {
  id: DocumentId;
  words: string[];
  joined: string;
}

export class DocumentCatalogError extends Error {
  readonly code = 'nlu.documentCatalogInvalid';
}

/** Reads and checks the synonyms file; throws `DocumentCatalogError` when it does not fit the contract. */
export function loadDocumentSynonyms(file: URL | string = DEFAULT_CATALOG_URL): DocumentSynonyms[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const documents = (parsed as { documents?: unknown }).documents;
  if (!Array.isArray(documents)) throw new DocumentCatalogError('documents.json: "documents" must be a list');
  return documents.map((entry: unknown, index) => {
    const { id, synonyms } = (entry ?? {}) as { id?: unknown; synonyms?: unknown };
    if (!isDocumentId(id)) throw new DocumentCatalogError(`documents.json: entry ${index} has an unknown id`);
    if (!Array.isArray(synonyms) || !synonyms.every((s) => typeof s === 'string' && wordsOf(s).length > 0)) {
      throw new DocumentCatalogError(`documents.json: ${id} needs a list of non-empty synonyms`);
    }
    return { id, synonyms: synonyms as string[] };
  });
}

/** Finds the documents a text names. Pure once built; build once and reuse. */
export class DocumentFinder {
  private readonly names: Name[];

  constructor(catalog: readonly DocumentSynonyms[]) {
    this.names = catalog.flatMap(({ id, synonyms }) =>
      synonyms.map((synonym) => {
        const words = wordsOf(synonym);
        return { id, words, joined: words.join('') };
      }),
    );
  }

  /** The document the text names first, if any. */
  find(text: string): DocumentId | undefined {
    return this.findAll(text)[0]?.id;
  }

  /** Every document the text names, in the order the resident named them, each once. */
  findAll(text: string): DocumentMention[] {
    const mentions: DocumentMention[] = [];
    for (const mention of this.mentionsIn(wordsOf(text))) {
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
    for (const mention of this.mentionsIn(words)) {
      result.push(...words.slice(position, mention.firstWord), placeholder);
      position = mention.firstWord + mention.wordCount;
    }
    result.push(...words.slice(position));
    return result;
  }

  private mentionsIn(words: string[]): DocumentMention[] {
    const mentions: DocumentMention[] = [];
    let position = 0;
    while (position < words.length) {
      const best = this.longestNameAt(words, position);
      if (best === undefined) {
        position += 1;
        continue;
      }
      mentions.push(best);
      position += best.wordCount;
    }
    return mentions;
  }

  private longestNameAt(words: string[], position: number): DocumentMention | undefined {
    let best: DocumentMention | undefined;
    let bestLength = 0;
    for (const name of this.names) {
      const wordCount = this.matchLength(name, words, position);
      if (wordCount === 0) continue;
      // Longer names win: "identiteitskaart voor mijn kind" is a kids-id, not an identiteitskaart.
      const length = words.slice(position, position + wordCount).join('').length;
      if (length > bestLength) {
        best = { id: name.id, firstWord: position, wordCount };
        bestLength = length;
      }
    }
    return best;
  }

  /** How many words of the text from `position` spell this name; 0 when they do not. */
  private matchLength(name: Name, words: string[], position: number): number {
    if (name.words.every((word, offset) => sameWord(word, words[position + offset]))) return name.words.length;
    let joined = '';
    for (let count = 1; count <= MAX_JOINED_WORDS && position + count <= words.length; count += 1) {
      joined += words[position + count - 1];
      if (joined.length > name.joined.length + 1) break;
      if ((count > 1 || name.words.length > 1) && sameWord(name.joined, joined)) return count;
    }
    return 0;
  }
}

function sameWord(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (expected === actual) return true;
  return expected.length >= FUZZY_MIN_LENGTH && actual.length >= FUZZY_MIN_LENGTH && withinOneEdit(expected, actual);
}

let defaultFinder: DocumentFinder | undefined;

/** The document named first in the text, using the municipality's synonyms file. */
export function findDocument(text: string): DocumentId | undefined {
  defaultFinder ??= new DocumentFinder(loadDocumentSynonyms());
  return defaultFinder.find(text);
}
