import type { DocumentId, Intent } from '../domain/nluContract.js';
import type { LabeledUtterance } from './labeledUtterances.js';
import type { Recognizer } from './recognizer.js';
import { trainingFolds, type IntentTrainingData } from './trainingData.js';

/** Precision, recall and F1 of one intent, with how many examples expected it. */
interface IntentScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** One misclassified utterance: a wrong intent or a wrong document. */
interface EvaluationError {
  text: string;
  expected: Intent;
  predicted: Intent;
  score: number;
  expectedDocument?: DocumentId;
  predictedDocument?: DocumentId;
}

/**
 * The contract's evaluation report (docs/contract/nlu.md, "Evaluation format"), extended with
 * per-intent scores and the misclassified utterances.
 */
export interface EvaluationReport {
  n: number;
  intentAccuracy: number;
  entityAccuracy: number;
  macroF1: number;
  latencyMs: { p50: number; p99: number };
  confusions: Array<{ expected: Intent; predicted: Intent; count: number }>;
  perIntent: Partial<Record<Intent, IntentScore>>;
  errors: EvaluationError[];
}

export interface EvaluationOptions {
  locale?: string;
  /** Milliseconds; injectable so tests do not depend on the machine's speed. */
  clock?: () => number;
  /** Untimed passes over the examples before the timed one: the first calls of a fresh process are slow. */
  warmUpRounds?: number;
}

interface Prediction extends EvaluationError {
  documentRight: boolean;
}

/**
 * Runs every example through the recognizer, one at a time, and scores it. Ratios are rounded
 * to 4 decimals, latencies to 3; confusions list wrong intents, most frequent first.
 */
export async function evaluate(
  recognizer: Recognizer,
  examples: readonly LabeledUtterance[],
  options: EvaluationOptions = {},
): Promise<EvaluationReport> {
  const { predictions, latencies } = await predict(recognizer, examples, options);
  return report(predictions, latencies);
}

/**
 * K-fold cross-validation on training data: a recognizer trained on K-1 folds classifies the
 * held fold, K times, and the K folds are scored together. Training utterances carry no
 * document labels, so only the intent figures (accuracy, macro F1, per intent, confusions)
 * mean something here; documents are not scored.
 */
export async function crossValidate(
  train: (data: IntentTrainingData) => Promise<Recognizer>,
  data: IntentTrainingData,
  k: number,
  options: EvaluationOptions = {},
): Promise<EvaluationReport> {
  const predictions: Prediction[] = [];
  const latencies: number[] = [];
  for (const { training, held } of trainingFolds(data, k)) {
    const fold = await predict(await train(training), held, options);
    predictions.push(...fold.predictions.map((p) => ({ ...p, documentRight: true })));
    latencies.push(...fold.latencies);
  }
  return report(predictions, latencies);
}

async function predict(
  recognizer: Recognizer,
  examples: readonly LabeledUtterance[],
  { locale = 'nl', clock = () => performance.now(), warmUpRounds = 0 }: EvaluationOptions,
): Promise<{ predictions: Prediction[]; latencies: number[] }> {
  for (let pass = 0; pass < warmUpRounds; pass += 1) {
    for (const example of examples) await recognizer.recognize(example.text, locale);
  }
  const predictions: Prediction[] = [];
  const latencies: number[] = [];
  for (const example of examples) {
    const started = clock();
    const recognition = await recognizer.recognize(example.text, locale);
    latencies.push(clock() - started);
    const expectedDocument = example.entities?.document;
    const predictedDocument = recognition.entities.document;
    predictions.push({
      text: example.text,
      expected: example.intent,
      predicted: recognition.intent,
      score: round(recognition.score, 4),
      ...(expectedDocument === undefined ? {} : { expectedDocument }),
      ...(predictedDocument === undefined ? {} : { predictedDocument }),
      documentRight: predictedDocument === expectedDocument,
    });
  }
  return { predictions, latencies };
}

function report(predictions: readonly Prediction[], latencies: readonly number[]): EvaluationReport {
  const n = predictions.length;
  const perIntent = intentScores(predictions);
  const f1s = Object.values(perIntent).map((s) => s.f1);
  return {
    n,
    intentAccuracy: ratio(predictions.filter((p) => p.expected === p.predicted).length, n),
    entityAccuracy: ratio(predictions.filter((p) => p.documentRight).length, n),
    macroF1: f1s.length === 0 ? 0 : round(f1s.reduce((a, b) => a + b, 0) / f1s.length, 4),
    latencyMs: { p50: round(percentile(latencies, 50), 3), p99: round(percentile(latencies, 99), 3) },
    confusions: confusions(predictions),
    perIntent,
    errors: predictions.filter((p) => p.expected !== p.predicted || !p.documentRight).map(({ documentRight: _, ...error }) => error),
  };
}

/** Scores of every intent that was expected or predicted at least once. */
function intentScores(predictions: ReadonlyArray<{ expected: Intent; predicted: Intent }>): Partial<Record<Intent, IntentScore>> {
  const intents = [...new Set(predictions.flatMap((p) => [p.expected, p.predicted]))].sort();
  const scores: Partial<Record<Intent, IntentScore>> = {};
  for (const intent of intents) {
    const truePositives = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
    const predicted = predictions.filter((p) => p.predicted === intent).length;
    const support = predictions.filter((p) => p.expected === intent).length;
    scores[intent] = {
      precision: ratio(truePositives, predicted),
      recall: ratio(truePositives, support),
      f1: round((2 * truePositives) / (predicted + support), 4),
      support,
    };
  }
  return scores;
}

function confusions(predictions: ReadonlyArray<{ expected: Intent; predicted: Intent }>): EvaluationReport['confusions'] {
  const counts = new Map<string, { expected: Intent; predicted: Intent; count: number }>();
  for (const { expected, predicted } of predictions) {
    if (expected === predicted) continue;
    const key = `${expected}\u0000${predicted}`;
    const entry = counts.get(key) ?? { expected, predicted, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted),
  );
}

/** Nearest-rank percentile; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : round(part / whole, 4);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
