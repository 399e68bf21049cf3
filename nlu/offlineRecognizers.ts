import { createLinearRecognizer } from './linearRecognizer.js';
import { createOfflineRecognizer } from './offlineRecognizer.js';
import type { Recognizer } from './recognizer.js';
import type { IntentTrainingData } from './trainingData.js';

/**
 * The offline recognizers by name, each trained from the data it is given (the default data
 * when none), for evaluation and benchmarks that compare them in one run. The first is the default.
 */
export const OFFLINE_RECOGNIZERS = {
  linear: (trainingData?: IntentTrainingData): Promise<Recognizer> =>
    createLinearRecognizer(trainingData === undefined ? {} : { trainingData }),
  nlpjs: (trainingData?: IntentTrainingData): Promise<Recognizer> =>
    createOfflineRecognizer(trainingData === undefined ? {} : { trainingData }),
} as const;

export type OfflineRecognizerName = keyof typeof OFFLINE_RECOGNIZERS;
export const DEFAULT_OFFLINE_RECOGNIZER: OfflineRecognizerName = 'linear';

export function isOfflineRecognizerName(value: string): value is OfflineRecognizerName {
  return Object.hasOwn(OFFLINE_RECOGNIZERS, value);
}
