import type { Intent } from './contract.js';
import type { LabeledUtterance } from './labeledUtterances.js';
import type { Recognizer } from './recognizer.js';

/** The contract's evaluation report (shared/contract/nlu.md, "Evaluation format"). */
export interface EvaluationReport {
  n: number;
  intentAccuracy: number;
  entityAccuracy: number;
  macroF1: number;
  latencyMs: { p50: number; p99: number };
  confusions: Array<{ expected: Intent; predicted: Intent; count: number }>;
}

export interface EvaluationOptions {
  locale?: string;
  /** Milliseconds; injectable so tests do not depend on the machine's speed. */
  clock?: () => number;
}

/**
 * Runs every example through the recognizer, one at a time, and scores it. Ratios are rounded
 * to 4 decimals, latencies to 3; confusions list wrong intents, most frequent first.
 */
export async function evaluate(
  recognizer: Recognizer,
  examples: readonly LabeledUtterance[],
  { locale = 'nl', clock = () => performance.now() }: EvaluationOptions = {},
): Promise<EvaluationReport> {
  const predictions: Array<{ expected: Intent; predicted: Intent; documentRight: boolean }> = [];
  const latencies: number[] = [];
  for (const example of examples) {
    const started = clock();
    const recognition = await recognizer.recognize(example.text, locale);
    latencies.push(clock() - started);
    predictions.push({
      expected: example.intent,
      predicted: recognition.intent,
      documentRight: recognition.entities.document === example.entities?.document,
    });
  }
  const n = predictions.length;
  return {
    n,
    intentAccuracy: ratio(predictions.filter((p) => p.expected === p.predicted).length, n),
    entityAccuracy: ratio(predictions.filter((p) => p.documentRight).length, n),
    macroF1: round(macroF1(predictions), 4),
    latencyMs: { p50: round(percentile(latencies, 50), 3), p99: round(percentile(latencies, 99), 3) },
    confusions: confusions(predictions),
  };
}

/** Mean F1 over every intent that was expected or predicted at least once. */
function macroF1(predictions: ReadonlyArray<{ expected: Intent; predicted: Intent }>): number {
  const intents = new Set(predictions.flatMap((p) => [p.expected, p.predicted]));
  if (intents.size === 0) return 0;
  let total = 0;
  for (const intent of intents) {
    const truePositives = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
    const predicted = predictions.filter((p) => p.predicted === intent).length;
    const expected = predictions.filter((p) => p.expected === intent).length;
    total += (2 * truePositives) / (predicted + expected);
  }
  return total / intents.size;
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
