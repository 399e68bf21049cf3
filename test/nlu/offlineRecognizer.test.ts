import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_IDS, INTENTS } from '../../domain/nluContract.js';
import { evaluate } from '../../nlu/evaluation.js';
import { parseLabeledUtterances } from '../../nlu/labeledUtterances.js';
import { createOfflineRecognizer } from '../../nlu/offlineRecognizer.js';
import { loadIntentTrainingData } from '../../nlu/trainingData.js';
import type { Recognizer } from '../../nlu/recognizer.js';

const readSet = (name: string) => parseLabeledUtterances(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
const TEST_SET = readSet('testset.jsonl');
const TRAINING = loadIntentTrainingData();

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createOfflineRecognizer();
});

describe('the test set', () => {
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

describe('holdout2.jsonl', () => {
  it('covers every intent and names every document', () => {
    const holdout = readSet('holdout2.jsonl');
    expect(holdout.length).toBeGreaterThanOrEqual(120);
    for (const intent of INTENTS)
      expect(
        holdout.some((e) => e.intent === intent),
        intent,
      ).toBe(true);
    for (const id of DOCUMENT_IDS)
      expect(
        holdout.some((e) => e.entities?.document === id),
        id,
      ).toBe(true);
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

  it.each([
    ['kunde gij mij iemand aan de lijn geven', 'handoff.human'],
    ["'k wou ne afspraak vastleggen", 'appointment.book'],
    ['zijde gij open op dinsdagavond', 'info.hours'],
    ['dankuwel, salukes', 'goodbye'],
    ['goeie morgen allemaal', 'greeting'],
  ])('understands Flemish and glued forms: %j', async (text, intent) => {
    expect((await recognizer.recognize(text, 'nl')).intent).toBe(intent);
  });

  it('reads a document name alone as a request for it, and with an appointment word as booking', async () => {
    expect(await recognizer.recognize('overlijdensakte?', 'nl')).toMatchObject({
      intent: 'document.request',
      entities: { document: 'akte-overlijden' },
    });
    expect(await recognizer.recognize('afspraakje voor een kids-id', 'nl')).toMatchObject({
      intent: 'appointment.book',
      entities: { document: 'kids-id' },
    });
  });

  it('tells stopping the conversation from cancelling an appointment', async () => {
    expect((await recognizer.recognize('stop, laat maar', 'nl')).intent).toBe('cancel');
    expect((await recognizer.recognize('ik wil mijn afspraak bij burgerzaken annuleren', 'nl')).intent).toBe('appointment.cancel');
  });

  it('carries the document, also when booking', async () => {
    expect(await recognizer.recognize('afspraak voor mijn reispas', 'nl')).toMatchObject({
      intent: 'appointment.book',
      entities: { document: 'reispas' },
    });
  });

  it('gives a runner-up that differs from the top intent and scores no higher', async () => {
    // With the larger training data nlp.js is sure (score 1, no runner-up) of the shorter "ik wil mijn afspraak annuleren of verzetten".
    const result = await recognizer.recognize('afspraak annuleren of verplaatsen, ik weet het nog niet', 'nl');
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
