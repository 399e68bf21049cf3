import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTENTS } from '../../domain/nluContract.js';
import { createOfflineRecognizer } from '../../nlu/offlineRecognizer.js';
import { loadIntentTrainingData } from '../../nlu/trainingData.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import { itCovers, itIsRecognized, readSet, SMALL_TRAINING_DATA, understandsResidents } from './recognizerContract.js';

const TEST_SET = readSet('testset.jsonl');
const TRAINING = loadIntentTrainingData();

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createOfflineRecognizer();
});

describe('the test set', () => {
  itCovers(TEST_SET, 250, 10, 3);

  itIsRecognized(() => recognizer, TEST_SET);
});

describe('holdout2.jsonl', () => {
  itCovers(readSet('holdout2.jsonl'), 120);
});

describe('createOfflineRecognizer', () => {
  it('has at least 15 training utterances per intent and many for none', () => {
    for (const intent of INTENTS) expect(TRAINING.intents[intent]?.length ?? 0, intent).toBeGreaterThanOrEqual(15);
    expect(TRAINING.intents.none?.length ?? 0).toBeGreaterThanOrEqual(80);
  });

  understandsResidents(() => recognizer);

  it('trains from data it is given and never writes a model file into the working directory', async () => {
    const small = await createOfflineRecognizer({ trainingData: SMALL_TRAINING_DATA });
    expect((await small.recognize('hallo daar', 'nl')).intent).toBe('greeting');
    expect(() => readFileSync('model.nlp')).toThrow();
  });
});
