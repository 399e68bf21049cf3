/**
 * `npm run nlu:train`: chooses the linear recognizer's none threshold by cross-validation on
 * `data/nlu/intents.json` and writes it to `data/nlu/calibration.json`. Run it after changing
 * the training data, the document names or the model settings; a test fails until you do.
 */
import { writeFileSync } from 'node:fs';
import { calibrate } from '../nlu/calibration.js';

const started = performance.now();
const calibration = calibrate();
writeFileSync(new URL('../data/nlu/calibration.json', import.meta.url), `${JSON.stringify(calibration, null, 2)}\n`);
process.stdout.write(
  `none threshold ${calibration.noneThreshold}, none bias ${calibration.noneBias} (${calibration.crossValidation.folds}-fold cross-validation: intent accuracy ${calibration.crossValidation.intentAccuracy}), ${Math.round(performance.now() - started)} ms\n`,
);
