/**
 * The `none` threshold of the linear recognizer, chosen by cross-validation on the training
 * data (out-of-scope examples included), and the check that it was chosen for the data and
 * settings in the repository. `npm run nlu:train` writes it to `data/nlu/calibration.json`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { INTENTS, type Intent } from './contract.js';
import { DocumentFinder, loadDocumentSynonyms } from './documentEntity.js';
import { LINEAR_SETTINGS, readText, trainLinearModel } from './linearRecognizer.js';
import { textFeatures } from './textFeatures.js';
import { loadIntentTrainingData, trainingFolds, type IntentTrainingData } from './trainingData.js';

export const CALIBRATION_FOLDS = 5;
const INTENTS_URL = new URL('../data/nlu/intents.json', import.meta.url);
const DOCUMENTS_URL = new URL('../data/nlu/documents.json', import.meta.url);
/** Thresholds tried, in steps of 0.01. */
const HIGHEST_THRESHOLD = 0.9;

export interface Calibration {
  noneThreshold: number;
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
 * Trains on K-1 folds and reads the held fold's top intent and probability, K times; then takes
 * the threshold (top intent below it → none) that classifies the most held utterances right.
 * Of equally good thresholds, the middle one.
 */
export function calibrate(
  data: IntentTrainingData = loadIntentTrainingData(),
  documentFinder: DocumentFinder = new DocumentFinder(loadDocumentSynonyms()),
  folds: number = CALIBRATION_FOLDS,
): Calibration {
  const held: Array<{ expected: Intent; top: Intent; probability: number }> = [];
  for (const fold of trainingFolds(data, folds)) {
    const classifier = trainLinearModel(fold.training, documentFinder);
    for (const { text, intent } of fold.held) {
      const probabilities = classifier.probabilities(textFeatures(readText(text, documentFinder).modelWords, LINEAR_SETTINGS));
      let best = 0;
      for (let i = 1; i < probabilities.length; i += 1) if (probabilities[i]! > probabilities[best]!) best = i;
      held.push({ expected: intent, top: INTENTS[best]!, probability: probabilities[best]! });
    }
  }
  const rightAt = (threshold: number) =>
    held.filter(({ expected, top, probability }) => (top !== 'none' && probability < threshold ? 'none' : top) === expected).length;
  const thresholds = Array.from({ length: Math.round(HIGHEST_THRESHOLD * 100) + 1 }, (_, i) => i / 100);
  const counts = thresholds.map(rightAt);
  const most = Math.max(...counts);
  const best = thresholds.filter((_, i) => counts[i] === most);
  return {
    noneThreshold: best[Math.floor((best.length - 1) / 2)]!,
    inputsHash: calibrationInputsHash(),
    crossValidation: { folds, intentAccuracy: Math.round((most / held.length) * 10000) / 10000 },
  };
}
