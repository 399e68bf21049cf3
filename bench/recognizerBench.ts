import { readFile } from 'node:fs/promises';
import { percentile } from '../nlu/evaluation.js';
import { parseLabeledUtterances } from '../nlu/labeledUtterances.js';
import { createOfflineRecognizer } from '../nlu/offlineRecognizer.js';

const TEST_SET_URL = new URL('../test/nlu/testset.jsonl', import.meta.url);

/** Training time of the offline recognizer and its latency per utterance over our test set. */
export async function benchRecognizer(): Promise<{ trainMs: number; n: number; p50Ms: number; p99Ms: number }> {
  const examples = parseLabeledUtterances(await readFile(TEST_SET_URL, 'utf8'));
  const trainStarted = performance.now();
  const recognizer = await createOfflineRecognizer();
  const trainMs = performance.now() - trainStarted;

  const latencies: number[] = [];
  for (const { text } of examples) {
    const started = performance.now();
    await recognizer.recognize(text, 'nl');
    latencies.push(performance.now() - started);
  }
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    trainMs: round(trainMs),
    n: examples.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}
