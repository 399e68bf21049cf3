/**
 * The `none` threshold of the linear recognizer, chosen by cross-validation on the training
 * data (out-of-scope examples included), and the check that it was chosen for the data and
 * settings in the repository. `npm run nlu:train` writes it to `data/nlu/calibration.json`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { INTENTS, type Intent } from '../domain/nluContract.js';
import { DocumentFinder, loadDocumentSynonyms } from './documentEntity.js';
import { LINEAR_SETTINGS, readText, textFeatures, trainLinearModel, withNoneBias } from './linearRecognizer.js';
import { loadIntentTrainingData, trainingFolds, type IntentTrainingData } from './trainingData.js';

const CALIBRATION_FOLDS = 5;
const INTENTS_URL = new URL('../data/nlu/intents.json', import.meta.url);
const DOCUMENTS_URL = new URL('../data/nlu/documents.json', import.meta.url);
/** Thresholds tried, in steps of 0.01. */
const HIGHEST_THRESHOLD = 0.9;
/** None biases tried. */
const BIASES = [0, 0.25, 0.5, 0.75, 1, 1.5, 2];

export interface Calibration {
  noneThreshold: number;
  noneBias: number;
  /** `calibrationInputsHash()` of the data and settings the threshold was chosen for. */
  inputsHash: string;
  crossValidation: { folds: number; intentAccuracy: number };
}

/** What the threshold depends on: the training data, the document names and the model settings. */
export function calibrationInputsHash(): string {
  return createHash('sha256')
    .update(readFileSync(INTENTS_URL))
    .update(readFileSync(DOCUMENTS_URL))
    .update(JSON.stringify(LINEAR_SETTINGS))
    .digest('hex');
}

/**
 * Trains on K-1 folds and keeps the held fold's probabilities, K times; then takes the none bias
 * and threshold (top intent below it → none) that classify the most held utterances right.
 * Of equally good settings, the smallest bias and the middle threshold.
 */
export function calibrate(
  data: IntentTrainingData = loadIntentTrainingData(),
  documentFinder: DocumentFinder = new DocumentFinder(loadDocumentSynonyms()),
  folds: number = CALIBRATION_FOLDS,
): Calibration {
  const held: Array<{ expected: Intent; probabilities: Float64Array }> = [];
  for (const fold of trainingFolds(data, folds)) {
    const classifier = trainLinearModel(fold.training, documentFinder);
    for (const { text, intent } of fold.held) {
      held.push({
        expected: intent,
        probabilities: classifier.probabilities(textFeatures(readText(text, documentFinder).modelWords, LINEAR_SETTINGS)),
      });
    }
  }
  const thresholds = Array.from({ length: Math.round(HIGHEST_THRESHOLD * 100) + 1 }, (_, i) => i / 100);
  let best = { noneBias: 0, noneThreshold: 0, right: -1 };
  for (const noneBias of BIASES) {
    const tops = held.map(({ expected, probabilities }) => {
      const biased = withNoneBias(probabilities, noneBias);
      let top = 0;
      for (let i = 1; i < biased.length; i += 1) if (biased[i]! > biased[top]!) top = i;
      return { expected, top: INTENTS[top]!, probability: biased[top]! };
    });
    const counts = thresholds.map(
      (threshold) =>
        tops.filter(({ expected, top, probability }) => (top !== 'none' && probability < threshold ? 'none' : top) === expected).length,
    );
    const most = Math.max(...counts);
    if (most <= best.right) continue;
    const bestThresholds = thresholds.filter((_, i) => counts[i] === most);
    best = { noneBias, noneThreshold: bestThresholds[Math.floor((bestThresholds.length - 1) / 2)]!, right: most };
  }
  return {
    noneThreshold: best.noneThreshold,
    noneBias: best.noneBias,
    inputsHash: calibrationInputsHash(),
    crossValidation: { folds, intentAccuracy: Math.round((best.right / held.length) * 10000) / 10000 },
  };
}
