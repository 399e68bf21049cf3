import { readFileSync } from 'node:fs';
import { isUnderKidsIdAge } from './childAge.js';
import { standardWords } from './colloquialDutch.js';
import { INTENTS, type DocumentId, type Intent } from '../domain/nluContract.js';
import { DocumentFinder, loadDocumentSynonyms, type DocumentMention } from './documentEntity.js';
import { withoutStretchedLetters, wordsOf } from './plainText.js';
import type { Recognition, Recognizer, ScoredIntent } from './recognizer.js';
import { SoftmaxClassifier, type SoftmaxSettings, type SparseFeatures } from './softmaxClassifier.js';
import { loadIntentTrainingData, type IntentTrainingData } from './trainingData.js';

export interface LinearRecognizerOptions {
  /** Defaults to `data/nlu/intents.json`. */
  trainingData?: IntentTrainingData;
  /** Defaults to the synonyms in `data/nlu/documents.json`. */
  documentFinder?: DocumentFinder;
  /** A top intent below this probability is `none`. Defaults to the calibrated one (`npm run nlu:train`). */
  noneThreshold?: number;
  /**
   * How much less `none` weighs than the model says (its probability times e^-bias, then all
   * renormalised): the training data holds many out-of-scope examples, and a message with one
   * unseen word should not fall to `none` for that alone. Defaults to the calibrated one.
   */
  noneBias?: number;
}

interface FeatureSettings {
  buckets: number;
  minGram: number;
  maxGram: number;
  /** Weight of a word or word pair against one character gram, before length normalisation. */
  wordWeight: number;
}

/** Settings of features and training; chosen by 5-fold cross-validation on the training data. */
export const LINEAR_SETTINGS: FeatureSettings & SoftmaxSettings = {
  buckets: 1 << 17,
  minGram: 3,
  maxGram: 6,
  wordWeight: 2,
  epochs: 20,
  learningRate: 1,
  seed: 12,
};

const CALIBRATION_URL = new URL('../data/nlu/calibration.json', import.meta.url);
/** nothing longer is read: a pasted letter says what it wants in its first lines. */
const MAX_TEXT_LENGTH = 500;
/** Stands in for any document name, in training and recognition alike. */
const DOCUMENT_PLACEHOLDER = 'document';
/** The identity documents whose choice follows the child's age. */
const IDENTITY_DOCUMENTS: ReadonlySet<DocumentId> = new Set(['identiteitskaart', 'kids-id']);

/** The none threshold and bias `npm run nlu:train` chose (see `calibration.ts`). */
function calibrated(): { noneThreshold: number; noneBias: number } {
  const { noneThreshold, noneBias } = JSON.parse(readFileSync(CALIBRATION_URL, 'utf8')) as { noneThreshold?: unknown; noneBias?: unknown };
  if (typeof noneThreshold !== 'number' || typeof noneBias !== 'number')
    throw new Error('data/nlu/calibration.json: run npm run nlu:train');
  return { noneThreshold, noneBias };
}

const NONE_INDEX = INTENTS.indexOf('none');

/** The probabilities with none's weighed down by `bias` (see `noneBias`), summing to 1 again. */
export function withNoneBias(probabilities: Float64Array, bias: number): Float64Array {
  if (bias === 0) return probabilities;
  const result = Float64Array.from(probabilities);
  result[NONE_INDEX]! *= Math.exp(-bias);
  const sum = result.reduce((a, b) => a + b, 0);
  for (let i = 0; i < result.length; i += 1) result[i]! /= sum;
  return result;
}

/*
 * The negated part: "niet annuleren maar verschuiven", "geen paspoort maar een identiteitskaart", "niet schrappen,
 * enkel verplaatsen": what a resident negates before a contrast is what they do not want. This finds that part.
 */

const NEGATIONS = new Set(['niet', 'geen']);
const CONTRASTS = new Set(['maar', 'wel', 'alleen', 'enkel', 'gewoon', 'liever']);
/** "laat maar", "bel mij maar terug": after these, "maar" softens a request instead of contrasting. */
const SOFTENED_BY_MAAR = new Set([
  'laat',
  'mij',
  'me',
  'het',
  'ze',
  'hem',
  'haar',
  'u',
  'dat',
  'dan',
  'gerust',
  'zet',
  'doe',
  'ga',
  'kom',
  'vergeet',
  'hou',
  'stop',
  'zeg',
  'bel',
]);
/** A contrast further than this from its negation belongs to another clause. */
const MAX_NEGATED_WORDS = 6;

/** Word positions [start, end): the negation, the negated words and the contrast word. */
interface NegatedPart {
  start: number;
  end: number;
}

/** The first "niet/geen X maar/wel Y" in the words, when Y follows; otherwise undefined. */
function negatedPart(words: readonly string[]): NegatedPart | undefined {
  for (let start = 0; start < words.length; start += 1) {
    if (!NEGATIONS.has(words[start]!)) continue;
    const last = Math.min(words.length - 2, start + MAX_NEGATED_WORDS + 1);
    for (let at = start + 1; at <= last; at += 1) {
      const word = words[at]!;
      if (NEGATIONS.has(word)) break;
      if (!CONTRASTS.has(word) || (word === 'maar' && SOFTENED_BY_MAAR.has(words[at - 1]!))) continue;
      return { start, end: at + 1 };
    }
  }
  return undefined;
}

/** The words without the negated part: what the resident does want. */
function withoutNegatedPart(words: readonly string[], part: NegatedPart | undefined): string[] {
  return part === undefined ? [...words] : [...words.slice(0, part.start), ...words.slice(part.end)];
}

/** The words of a text as the linear model reads them, and what the resident negated. */
export interface ReadText {
  /** Flemish and chat forms as standard words, stretched letters shortened. */
  words: string[];
  /** The documents named, without those the resident negated ("geen paspoort maar ..."). */
  documents: DocumentMention[];
  /** The words for the classifier: without the negated part, document names as one placeholder. */
  modelWords: string[];
}

export function readText(text: string, documentFinder: DocumentFinder): ReadText {
  const words = standardWords(wordsOf(withoutStretchedLetters(text.slice(0, MAX_TEXT_LENGTH))));
  const negated = negatedPart(words);
  const mentions = documentFinder.mentions(words);
  const isNegated = (m: DocumentMention) => negated !== undefined && m.firstWord >= negated.start && m.firstWord < negated.end;
  const modelWords: string[] = [];
  let position = 0;
  for (const mention of mentions) {
    modelWords.push(...words.slice(position, mention.firstWord), DOCUMENT_PLACEHOLDER);
    position = mention.firstWord + mention.wordCount;
  }
  modelWords.push(...words.slice(position));
  const placeholderShift = (index: number) =>
    mentions.filter((m) => m.firstWord + m.wordCount <= index).reduce((shift, m) => shift + m.wordCount - 1, 0);
  const negatedInModel =
    negated === undefined
      ? undefined
      : { start: negated.start - placeholderShift(negated.start), end: negated.end - placeholderShift(negated.end) };
  return {
    words,
    documents: mentions.filter((m) => !isNegated(m)),
    modelWords: withoutNegatedPart(modelWords, negatedInModel),
  };
}

const FNV_OFFSET = 0x811c9dc5;

/**
 * FNV-1a, 32 bits (take `>>> 0` of the result), of `text` from `from` to `to`, carried on from the hash
 * `h` of what comes before it (FNV_OFFSET: nothing): the same index for the same key text on every machine.
 */
function fnv(h: number, text: string, from = 0, to = text.length): number {
  let hash = h;
  for (let i = from; i < to; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** The hash of the "c " every character gram's key starts with. */
const CHAR_GRAM_HASH = fnv(FNV_OFFSET, 'c ');

/**
 * What the linear recognizer sees of a text: hashed word 1–2-grams and character 3–6-grams of
 * each word (with word boundaries, so "akte" at the end of "overlijdensakte" and the word "akte"
 * share grams), scaled to length 1 so long and short messages weigh the same. Character grams carry compounds, inflections and typos ("terugbelverzoek",
 * "herplannen", "afspaak") to the words the model was trained on; word grams carry the order.
 */
export function textFeatures(words: readonly string[], settings: FeatureSettings): SparseFeatures {
  const features = new Map<number, number>();
  const addHashed = (keyHash: number, weight: number) => {
    const index = (keyHash >>> 0) % settings.buckets;
    features.set(index, (features.get(index) ?? 0) + weight);
  };
  const bounded = ['<s>', ...words, '</s>'];
  for (let i = 0; i < bounded.length; i += 1) {
    const word = bounded[i]!;
    if (i > 0) addHashed(fnv(FNV_OFFSET, `b ${bounded[i - 1]} ${word}`), settings.wordWeight);
    if (i === 0 || i === bounded.length - 1) continue;
    addHashed(fnv(FNV_OFFSET, `w ${word}`), settings.wordWeight);
    const padded = `<${word}>`;
    // The hash of `c ${gram}` carried on from that of "c ", over the gram's letters in `padded`: no string per gram.
    for (let n = settings.minGram; n <= settings.maxGram; n += 1) {
      for (let start = 0; start + n <= padded.length; start += 1) addHashed(fnv(CHAR_GRAM_HASH, padded, start, start + n), 1);
    }
  }
  let norm = 0;
  for (const value of features.values()) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [index, value] of features) features.set(index, value / norm);
  return features;
}

/**
 * The default offline recognizer: a linear softmax classifier over hashed word 1–2-grams and
 * character 3–6-grams of the normalised text, trained in memory at start-up (a fixed seed: the
 * same data gives the same model). The top intent below the calibrated threshold is `none`,
 * with the guess as `runnerUp`.
 */
export async function createLinearRecognizer(options: LinearRecognizerOptions = {}): Promise<Recognizer> {
  const trainingData = options.trainingData ?? loadIntentTrainingData();
  const documentFinder = options.documentFinder ?? new DocumentFinder(loadDocumentSynonyms());
  const calibration = options.noneThreshold === undefined || options.noneBias === undefined ? calibrated() : undefined;
  const noneThreshold = options.noneThreshold ?? calibration!.noneThreshold;
  const noneBias = options.noneBias ?? calibration!.noneBias;
  const classifier = trainLinearModel(trainingData, documentFinder);

  return {
    async recognize(text: string): Promise<Recognition> {
      const read = readText(text, documentFinder);
      const entities = documentOf(read);
      if (read.modelWords.length === 0) return { intent: 'none', score: 1, entities };
      const ranking = ranked(withNoneBias(classifier.probabilities(textFeatures(read.modelWords, LINEAR_SETTINGS)), noneBias));
      const [top, runnerUp] = entities.document !== undefined && saysNeedsRenewal(read.words) ? asDocumentRequest(ranking) : ranking;
      if (top!.intent !== 'none' && top!.score < noneThreshold) {
        return { intent: 'none', score: 1 - top!.score, runnerUp: top!, entities: withoutLoginCard('none', entities) };
      }
      return { ...top!, runnerUp: runnerUp!, entities: withoutLoginCard(top!.intent, entities) };
    },
  };
}

/** Trains the classifier on the data, each utterance read exactly as a resident's message is. */
export function trainLinearModel(trainingData: IntentTrainingData, documentFinder: DocumentFinder): SoftmaxClassifier {
  const examples = (Object.entries(trainingData.intents) as Array<[Intent, string[]]>).flatMap(([intent, utterances]) =>
    utterances.map((utterance) => ({
      features: textFeatures(readText(utterance, documentFinder).modelWords, LINEAR_SETTINGS),
      label: INTENTS.indexOf(intent),
    })),
  );
  return SoftmaxClassifier.train(examples, INTENTS.length, LINEAR_SETTINGS);
}

function ranked(probabilities: Float64Array): ScoredIntent[] {
  return INTENTS.map((intent, i) => ({ intent, score: probabilities[i]! })).sort(
    (a, b) => b.score - a.score || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent),
  );
}

/** The first document named and not negated; an identity document follows the child's age. */
function documentOf(read: ReadText): Recognition['entities'] {
  const document = read.documents[0]?.id;
  if (document === undefined) return {};
  if (!IDENTITY_DOCUMENTS.has(document)) return { document };
  const young = isUnderKidsIdAge(read.words);
  if (young === undefined) return { document };
  return { document: young ? 'kids-id' : 'identiteitskaart' };
}

/** "vervallen", "kwijt", "kapot": a document said to need replacing (the contract: then it is asked for, not a login). */
const NEEDS_RENEWAL = new Set([
  'vervallen',
  'vervalt',
  'verlopen',
  'verloopt',
  'kwijt',
  'verloren',
  'gestolen',
  'kapot',
  'gebroken',
  'beschadigd',
  'ongeldig',
  'vernieuwen',
  'hernieuwen',
  'expired',
  'lost',
  'stolen',
  'broken',
]);

function saysNeedsRenewal(words: readonly string[]): boolean {
  return words.some((word) => NEEDS_RENEWAL.has(word));
}

/**
 * The contract: a document that is lost, broken or expired is `document.request`, also when the resident tells
 * of the thuisloket ("mijn identiteitskaart is vervallen en ik heb geen kaartlezer"): the thuisloket's share of
 * the reading is the request's.
 */
function asDocumentRequest(ranking: ScoredIntent[]): ScoredIntent[] {
  const score = (intent: Intent) => ranking.find((scored) => scored.intent === intent)?.score ?? 0;
  const request: ScoredIntent = { intent: 'document.request', score: score('document.request') + score('thuisloket.info') };
  const others = ranking.filter((scored) => scored.intent !== 'document.request' && scored.intent !== 'thuisloket.info');
  return [request, ...others].sort((a, b) => b.score - a.score || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent));
}

/**
 * The contract: an eID named only as the way to log in to the thuisloket carries no document
 * ("aanmelden met mijn eid en kaartlezer" is `thuisloket.info` alone).
 */
function withoutLoginCard(intent: Intent, entities: Recognition['entities']): Recognition['entities'] {
  return intent === 'thuisloket.info' && entities.document === 'identiteitskaart' ? {} : entities;
}
