import { LangNl } from '@nlpjs/lang-nl';
import { Nlp, type NlpClassification } from '@nlpjs/nlp';
import { INTENTS, isIntent, type Intent } from '../domain/nluContract.js';
import { isColloquialForm, standardWords } from './colloquialDutch.js';
import { DocumentFinder, loadDocumentSynonyms } from './documentEntity.js';
import { KnownWords } from './knownWords.js';
import { withoutStretchedLetters } from './plainText.js';
import type { Recognition, Recognizer, ScoredIntent } from './recognizer.js';
import { loadIntentTrainingData, type IntentTrainingData } from './trainingData.js';

export interface OfflineRecognizerOptions {
  /** Defaults to `data/nlu/intents.json`. */
  trainingData?: IntentTrainingData;
  /** Defaults to the synonyms in `data/nlu/documents.json`. */
  documentFinder?: DocumentFinder;
  /** A top intent scoring below this is `none`: the assistant would rather ask than guess. */
  noneThreshold?: number;
}

const DEFAULT_NONE_THRESHOLD = 0.5;
/** Training rounds of nlp.js's network; see the `nlu` settings below. */
const TRAINING_ROUNDS = 100;
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
  'de',
  'het',
  'een',
  "'n",
  "'t",
  'van',
  'voor',
  'op',
  'in',
  'aan',
  'met',
  'te',
  'naar',
  'bij',
  'mijn',
  "m'n",
  'uw',
  'ik',
  'u',
  'we',
  'wij',
  'ze',
  'zij',
  'hij',
  'er',
  'en',
  'ook',
  'nog',
  'wel',
  'toch',
  'eens',
  'dat',
  'die',
  'dit',
  'deze',
  // Politeness and filler: "adres aub" asks for the address, not for a person who says "aub".
  'aub',
  'hoor',
  'he',
  'even',
  'eventjes',
  'efkes',
  'effe',
  'allee',
  'awel',
  'amai',
  'zo',
]);
/** Stands in for any document name, in training and recognition alike. */
const DOCUMENT_PLACEHOLDER = 'document';

/**
 * Trains the offline Dutch recognizer (nlp.js, in memory, nothing written to disk).
 * Training takes a few hundred milliseconds, so there is no model cache to keep in step with the data.
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
      // nlp.js's own spell check also "corrects" short words ("doet" became "doei", a goodbye);
      // KnownWords corrects typos in words of 5+ letters instead.
      spellCheck: false,
      // nlp.js answers a text whose words equal a training utterance's from a lookup table, last
      // one written wins. Two intents can share such a text after our normalisation ("dag"),
      // and the model itself generalises better; so every text goes through the model.
      useStemDict: false,
      // The model's settings for our locale (nlp.js reads per-locale settings from here).
      [MODEL_LOCALE]: {
        '*': {
          className: 'NeuralNlu',
          // Stopping early generalises better on phrasings the data does not hold (5-fold
          // cross-validation on the training data: 0.844 at 100 rounds, 0.832 at the default of
          // about 200), and halves the training time.
          iterations: TRAINING_ROUNDS,
        },
      },
    },
  });
  nlp.container.use(LangNl);
  const examples = Object.entries(trainingData.intents).flatMap(([intent, utterances]) =>
    utterances.map((utterance) => {
      const written = documentFinder.wordsWithPlaceholder(utterance, DOCUMENT_PLACEHOLDER);
      return { intent, written, words: meaningfulWords(written) };
    }),
  );
  // Typos are corrected towards the words as written too: "mercie" is "merci", then "bedankt".
  const knownWords = new KnownWords(
    examples.flatMap(({ written, words }) => [...words, ...written]),
    (word) => LITTLE_WORDS.has(word) || isColloquialForm(word),
  );
  for (const { intent, words } of examples) {
    nlp.addDocument(MODEL_LOCALE, words.map((word) => knownWords.withoutDiminutive(word)).join(' '), intent);
  }
  await nlp.train();

  return {
    async recognize(text: string): Promise<Recognition> {
      const bounded = text.slice(0, MAX_TEXT_LENGTH);
      const entities = withDocument(documentFinder, bounded);
      const words = meaningfulWords(documentFinder.wordsWithPlaceholder(withoutStretchedLetters(bounded), DOCUMENT_PLACEHOLDER));
      const plain = meaningfulWords(words.flatMap((word) => knownForm(knownWords, word))).join(' ');
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

/**
 * A known word without its diminutive ending ("afspraakje"), else a typo corrected to a trained
 * word ("afspaak"), else glued words split ("dankuwel"), else the word itself.
 */
function knownForm(knownWords: KnownWords, word: string): string[] {
  const base = knownWords.withoutDiminutive(word);
  if (base !== word) return [base];
  const corrected = knownWords.correct(word);
  return corrected !== word ? [corrected] : (knownWords.split(word) ?? [word]);
}

/** Standard words for colloquial forms, without the little words. */
function meaningfulWords(words: readonly string[]): string[] {
  return standardWords(words).filter((word) => !LITTLE_WORDS.has(word));
}

function withDocument(documentFinder: DocumentFinder, text: string): Recognition['entities'] {
  const document = documentFinder.find(text);
  return document === undefined ? {} : { document };
}
