import { readFileSync } from 'node:fs';
import { LangNl } from '@nlpjs/lang-nl';
import { Nlp, type NlpClassification } from '@nlpjs/nlp';
import { INTENTS, isIntent, type Intent } from './contract.js';
import { DocumentFinder, loadDocumentSynonyms } from './documentEntity.js';
import { KnownWords } from './knownWords.js';
import type { Recognition, Recognizer, ScoredIntent } from './recognizer.js';

/** Utterances per intent, as in `data/nlu/intents.json`. */
export interface IntentTrainingData {
  locale: string;
  intents: Partial<Record<Intent, string[]>>;
}

export interface OfflineRecognizerOptions {
  /** Defaults to `data/nlu/intents.json`. */
  trainingData?: IntentTrainingData;
  /** Defaults to the synonyms in `data/nlu/documents.json`. */
  documentFinder?: DocumentFinder;
  /** A top intent scoring below this is `none`: the assistant would rather ask than guess. */
  noneThreshold?: number;
}

export class IntentTrainingDataError extends Error {
  readonly code = 'nlu.intentTrainingDataInvalid';
}

const DEFAULT_TRAINING_DATA_URL = new URL('../data/nlu/intents.json', import.meta.url);
const DEFAULT_NONE_THRESHOLD = 0.5;
/** nlp.js keeps every text it has seen for an hour; a bound keeps that memory and the latency small. */
const MAX_TEXT_LENGTH = 500;
/** nlp.js's own name for "no intent"; our contract calls it `none`. */
const NLPJS_NONE = 'None';
const MODEL_LOCALE = 'nl';
/**
 * Little words that say nothing about what a resident wants. Left in, "nodig voor de bank" looks
 * like "bedankt voor de hulp". nlp.js's own Dutch list also drops "wat", "hoe", "niet" and "kan",
 * which do carry intent ("wat kan je"), so we drop ours before nlp.js sees the text.
 */
const LITTLE_WORDS = new Set([
  'de', 'het', 'een', "'n", "'t", 'van', 'voor', 'op', 'in', 'aan', 'met', 'te', 'naar', 'bij', 'mijn', "m'n",
  'uw', 'ik', 'u', 'we', 'wij', 'ze', 'zij', 'hij', 'er', 'en', 'ook', 'nog', 'wel', 'toch', 'eens', 'dat', 'die', 'dit', 'deze',
]);
/** Stands in for any document name, in training and recognition alike. */
const DOCUMENT_PLACEHOLDER = 'document';

/** Reads and checks the training file; throws `IntentTrainingDataError` when it does not fit the contract. */
export function loadIntentTrainingData(file: URL | string = DEFAULT_TRAINING_DATA_URL): IntentTrainingData {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { locale?: unknown; intents?: unknown };
  if (typeof parsed.locale !== 'string') throw new IntentTrainingDataError('intents.json: "locale" must be a string');
  if (typeof parsed.intents !== 'object' || parsed.intents === null) {
    throw new IntentTrainingDataError('intents.json: "intents" must map intents to utterances');
  }
  const intents: Partial<Record<Intent, string[]>> = {};
  for (const [intent, utterances] of Object.entries(parsed.intents)) {
    if (!isIntent(intent)) throw new IntentTrainingDataError(`intents.json: unknown intent "${intent}"`);
    if (!Array.isArray(utterances) || !utterances.every((u) => typeof u === 'string' && u.trim() !== '')) {
      throw new IntentTrainingDataError(`intents.json: "${intent}" needs a list of non-empty utterances`);
    }
    intents[intent] = utterances as string[];
  }
  return { locale: parsed.locale, intents };
}

/**
 * Trains the offline Dutch recognizer (nlp.js, in memory, nothing written to disk).
 * Training takes tens of milliseconds, so there is no model cache to keep in step with the data.
 */
export async function createOfflineRecognizer(options: OfflineRecognizerOptions = {}): Promise<Recognizer> {
  const trainingData = options.trainingData ?? loadIntentTrainingData();
  const documentFinder = options.documentFinder ?? new DocumentFinder(loadDocumentSynonyms());
  const noneThreshold = options.noneThreshold ?? DEFAULT_NONE_THRESHOLD;

  const nlp = new Nlp({
    languages: [MODEL_LOCALE],
    autoSave: false,
    autoLoad: false,
    log: false,
    calculateSentiment: false,
    // We apply our own threshold to merged scores, after mapping nlp.js's "None".
    threshold: 0,
    nlu: {
      log: false,
      // Words never seen in training push towards None: out-of-domain text is not forced onto an intent.
      useNoneFeature: true,
      // One typo in a known word ("afsraak") still counts as that word.
      spellCheck: true,
      spellCheckDistance: 1,
    },
  });
  nlp.container.use(LangNl);
  const trainingWords: string[] = [];
  for (const [intent, utterances] of Object.entries(trainingData.intents)) {
    for (const utterance of utterances) {
      const words = documentFinder.wordsWithPlaceholder(utterance, DOCUMENT_PLACEHOLDER).filter((w) => !LITTLE_WORDS.has(w));
      trainingWords.push(...words);
      nlp.addDocument(MODEL_LOCALE, words.join(' '), intent);
    }
  }
  await nlp.train();
  const knownWords = new KnownWords(trainingWords);

  return {
    async recognize(text: string): Promise<Recognition> {
      const bounded = text.slice(0, MAX_TEXT_LENGTH);
      const entities = withDocument(documentFinder, bounded);
      const plain = documentFinder
        .wordsWithPlaceholder(withoutStretchedLetters(bounded), DOCUMENT_PLACEHOLDER)
        .filter((word) => !LITTLE_WORDS.has(word))
        .map((word) => knownWords.correct(word))
        .join(' ');
      if (plain === '') return { intent: 'none', score: 1, entities };
      // One Dutch model serves every locale: English residents often write Dutch words, and the
      // training data holds the English phrases residents commonly use.
      const result = await nlp.process(MODEL_LOCALE, plain);
      const [top, runnerUp] = rankIntents(result.classifications);
      if (top === undefined) return { intent: 'none', score: 1, entities };
      if (top.intent !== 'none' && top.score < noneThreshold) {
        // Too unsure to act on: none, with the best guess kept for a clarifying question.
        return { intent: 'none', score: 1 - top.score, runnerUp: top, entities };
      }
      return runnerUp === undefined ? { ...top, entities } : { ...top, runnerUp, entities };
    },
  };
}

/** Contract intents by score, highest first, with nlp.js's None and our none counted together. */
function rankIntents(classifications: readonly NlpClassification[]): ScoredIntent[] {
  const scores = new Map<Intent, number>();
  for (const { intent, score } of classifications) {
    const ours: Intent = intent === NLPJS_NONE ? 'none' : isIntent(intent) ? intent : 'none';
    scores.set(ours, (scores.get(ours) ?? 0) + score);
  }
  return [...scores]
    .filter(([, score]) => score > 0)
    .map(([intent, score]) => ({ intent, score }))
    .sort((a, b) => b.score - a.score || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent));
}

/** "daaag", "heeeelp": three or more of the same letter are written for emphasis; two remain. */
function withoutStretchedLetters(text: string): string {
  return text.replace(/(\p{L})\1{2,}/gu, '$1$1');
}

function withDocument(documentFinder: DocumentFinder, text: string): Recognition['entities'] {
  const document = documentFinder.find(text);
  return document === undefined ? {} : { document };
}
