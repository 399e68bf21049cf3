import { readFile } from 'node:fs/promises';
import { percentile } from '../nlu/evaluation.js';
import { parseLabeledUtterances } from '../nlu/labeledUtterances.js';
import { OFFLINE_RECOGNIZERS, type OfflineRecognizerName } from '../nlu/offlineRecognizers.js';

const TEST_SETS = ['testset.jsonl', 'residents.jsonl'].map((name) => new URL(`../test/nlu/${name}`, import.meta.url));
/** Every utterance is recognized this many times untimed first, then once per timed round. */
const WARM_UP_ROUNDS = 1;
const TIMED_ROUNDS = 5;

export interface RecognizerBenchRow {
  recognizer: OfflineRecognizerName;
  trainMs: number;
  /** CPU time of training in this process: on a shared machine the wall time also counts other programs. */
  trainCpuMs: number;
  /** Heap and typed-array memory the trained recognizer holds, in MB (after a forced GC when `--expose-gc`). */
  memoryMb: number;
  n: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Every offline recognizer in the same run: training time, the memory it keeps, and latency
 * per utterance over the old and the new test set after a warm-up.
 */
export async function benchRecognizer(): Promise<RecognizerBenchRow[]> {
  const texts = (await Promise.all(TEST_SETS.map((url) => readFile(url, 'utf8')))).flatMap((content) =>
    parseLabeledUtterances(content).map((example) => example.text),
  );
  const rows: RecognizerBenchRow[] = [];
  for (const name of Object.keys(OFFLINE_RECOGNIZERS) as OfflineRecognizerName[]) {
    const memoryBefore = usedMemory();
    const trainStarted = performance.now();
    const cpuStarted = process.cpuUsage();
    const recognizer = await OFFLINE_RECOGNIZERS[name]();
    const trainMs = performance.now() - trainStarted;
    const cpu = process.cpuUsage(cpuStarted);
    const memoryMb = (usedMemory() - memoryBefore) / 1e6;

    for (let round = 0; round < WARM_UP_ROUNDS; round += 1) for (const text of texts) await recognizer.recognize(text, 'nl');
    const latencies: number[] = [];
    for (let round = 0; round < TIMED_ROUNDS; round += 1) {
      for (const text of texts) {
        const started = performance.now();
        await recognizer.recognize(text, 'nl');
        latencies.push(performance.now() - started);
      }
    }
    rows.push({
      recognizer: name,
      trainMs: round(trainMs),
      trainCpuMs: round((cpu.user + cpu.system) / 1000),
      memoryMb: round(memoryMb),
      n: latencies.length,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
    });
  }
  return rows;
}

function usedMemory(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
