import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_IDS, INTENTS } from '../../nlu/contract.js';
import { evaluate } from '../../nlu/evaluation.js';
import { parseLabeledUtterances } from '../../nlu/labeledUtterances.js';
import { createOfflineRecognizer, loadIntentTrainingData } from '../../nlu/offlineRecognizer.js';
import type { Recognizer } from '../../nlu/recognizer.js';

const readSet = (name: string) => parseLabeledUtterances(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
const TEST_SET = readSet('testset.jsonl');
/** testset.jsonl, and holdout.jsonl: written after tuning and never tuned against. */
const ALL_SETS = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.jsonl'));
const TRAINING = loadIntentTrainingData();

/** The comparison the overlap rule uses: lowercase, trimmed, punctuation stripped. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createOfflineRecognizer();
});

describe('the test set', () => {
  it.each(ALL_SETS)('%s shares no utterance with the training data', (name) => {
    const trained = new Set(Object.values(TRAINING.intents).flat().map(comparable));
    const overlapping = readSet(name).filter((example) => trained.has(comparable(example.text))).map((e) => e.text);
    expect(overlapping).toEqual([]);
  });

  it('covers every intent and names every document at least 3 times', () => {
    expect(TEST_SET.length).toBeGreaterThanOrEqual(250);
    for (const intent of INTENTS) expect(TEST_SET.filter((e) => e.intent === intent).length, intent).toBeGreaterThanOrEqual(10);
    for (const id of DOCUMENT_IDS) {
      expect(TEST_SET.filter((e) => e.entities?.document === id).length, id).toBeGreaterThanOrEqual(3);
    }
  });

  it('is recognized with at least 95% intent and document accuracy', async () => {
    const report = await evaluate(recognizer, TEST_SET);
    expect(report.n).toBe(TEST_SET.length);
    expect(report.intentAccuracy, JSON.stringify(report.confusions)).toBeGreaterThanOrEqual(0.95);
    expect(report.entityAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('createOfflineRecognizer', () => {
  it('has at least 15 training utterances per intent and many for none', () => {
    for (const intent of INTENTS) expect(TRAINING.intents[intent]?.length ?? 0, intent).toBeGreaterThanOrEqual(15);
    expect(TRAINING.intents.none?.length ?? 0).toBeGreaterThanOrEqual(80);
  });

  it.each([
    ['afsraak maken aub', 'appointment.book'],
    ['ik wil mijn afspraak verplaatsne', 'appointment.reschedule'],
    ['openingsuurn', 'info.hours'],
  ])('forgives one typo in a key word: %j', async (text, intent) => {
    expect((await recognizer.recognize(text, 'nl')).intent).toBe(intent);
  });

  it.each(['', '   ', 'qsdfqsdf', 'xkcd jjjj wwww', 'wat is de hoofdstad van peru', 'wanneer wordt het snoeiafval opgehaald'])(
    'answers none to %j',
    async (text) => {
      expect((await recognizer.recognize(text, 'nl')).intent).toBe('none');
    },
  );

  it('carries the document, also when booking', async () => {
    expect(await recognizer.recognize('afspraak voor mijn reispas', 'nl')).toMatchObject({
      intent: 'appointment.book',
      entities: { document: 'reispas' },
    });
  });

  it('gives a runner-up that differs from the top intent and scores no higher', async () => {
    const result = await recognizer.recognize('kan ik mijn afspraak voor mijn rijbewijs annuleren of verplaatsen', 'nl');
    expect(result.runnerUp).toBeDefined();
    expect(result.runnerUp?.intent).not.toBe(result.intent);
    expect(result.runnerUp?.score ?? 1).toBeLessThanOrEqual(result.score);
  });

  it('trains from data it is given and never writes a model file into the working directory', async () => {
    const small = await createOfflineRecognizer({
      trainingData: {
        locale: 'nl',
        intents: {
          greeting: ['hallo', 'goeiemorgen', 'dag'],
          'info.hours': ['openingsuren', 'wanneer zijn jullie open'],
          none: ['grofvuil', 'weerbericht'],
        },
      },
    });
    expect((await small.recognize('hallo daar', 'nl')).intent).toBe('greeting');
    expect(() => readFileSync('model.nlp')).toThrow();
  });
});
