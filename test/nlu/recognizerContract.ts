/**
 * What every offline recognizer must do, called by the test file of each (linear, nlp.js): the labelled
 * sets and their 95% gate, and the phrasings residents use that both must understand.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DOCUMENT_IDS, INTENTS } from '../../domain/nluContract.js';
import { evaluate } from '../../nlu/evaluation.js';
import { parseLabeledUtterances, type LabeledUtterance } from '../../nlu/labeledUtterances.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import type { IntentTrainingData } from '../../nlu/trainingData.js';

/** A labelled set of this folder (`testset.jsonl`, `holdout3.jsonl`, ...). */
export const readSet = (name: string) => parseLabeledUtterances(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));

/** A test: the set has at least `minSize` lines, `perIntent` of every intent and `perDocument` naming every document. */
export function itCovers(set: readonly LabeledUtterance[], minSize: number, perIntent = 1, perDocument = 1): void {
  it(`covers every intent ${perIntent}+ times and names every document ${perDocument}+ times in ${minSize}+ lines`, () => {
    expect(set.length).toBeGreaterThanOrEqual(minSize);
    for (const intent of INTENTS) expect(set.filter((e) => e.intent === intent).length, intent).toBeGreaterThanOrEqual(perIntent);
    for (const id of DOCUMENT_IDS) expect(set.filter((e) => e.entities?.document === id).length, id).toBeGreaterThanOrEqual(perDocument);
  });
}

/**
 * A test, the CI gate: at least 95% intent and document accuracy on the set. `readErrors: false` for a set
 * whose errors are not to be read (it stays as close to blind as it can): a failure then shows only the totals.
 */
export function itIsRecognized(recognizer: () => Recognizer, set: readonly LabeledUtterance[], readErrors = true): void {
  it('is recognized with at least 95% intent and document accuracy', async () => {
    const report = await evaluate(recognizer(), set);
    expect(report.n).toBe(set.length);
    const errors = readErrors ? JSON.stringify({ confusions: report.confusions, errors: report.errors }) : undefined;
    expect(report.intentAccuracy, errors).toBeGreaterThanOrEqual(0.95);
    expect(report.entityAccuracy, errors).toBeGreaterThanOrEqual(0.95);
  });
}

/** Three intents in a handful of utterances: a recognizer trains from the data it is given, not only from data/nlu. */
export const SMALL_TRAINING_DATA: IntentTrainingData = {
  locale: 'nl',
  intents: {
    greeting: ['hallo', 'goeiemorgen', 'dag'],
    'info.hours': ['openingsuren', 'wanneer zijn jullie open'],
    none: ['grofvuil', 'weerbericht'],
  },
};

/**
 * Typos, nonsense, Flemish forms, a document name alone, stop versus cancel, a runner-up when unsure:
 * call inside the recognizer's `describe`.
 */
export function understandsResidents(recognizer: () => Recognizer): void {
  const intentOf = async (text: string) => (await recognizer().recognize(text, 'nl')).intent;

  it.each([
    ['afsraak maken aub', 'appointment.book'],
    ['ik wil mijn afspraak verplaatsne', 'appointment.reschedule'],
    ['openingsuurn', 'info.hours'],
  ])('forgives a typo in a key word: %j', async (text, intent) => {
    expect(await intentOf(text)).toBe(intent);
  });

  it.each(['', '   ', '!!!', 'qsdfqsdf', 'xkcd jjjj wwww', 'wat is de hoofdstad van peru', 'wanneer wordt het snoeiafval opgehaald'])(
    'answers none to %j',
    async (text) => {
      expect(await intentOf(text)).toBe('none');
    },
  );

  it.each([
    ['kunde gij mij iemand aan de lijn geven', 'handoff.human'],
    ["'k wou ne afspraak vastleggen", 'appointment.book'],
    ['zijde gij open op dinsdagavond', 'info.hours'],
    ['dankuwel, salukes', 'goodbye'],
    ['goeie morgen allemaal', 'greeting'],
  ])('understands Flemish and glued forms: %j', async (text, intent) => {
    expect(await intentOf(text)).toBe(intent);
  });

  it('reads a document name alone as a request for it, and with an appointment word as booking', async () => {
    expect(await recognizer().recognize('overlijdensakte?', 'nl')).toMatchObject({
      intent: 'document.request',
      entities: { document: 'akte-overlijden' },
    });
    expect(await recognizer().recognize('afspraakje voor een kids-id', 'nl')).toMatchObject({
      intent: 'appointment.book',
      entities: { document: 'kids-id' },
    });
  });

  it('tells stopping the conversation from cancelling an appointment', async () => {
    expect(await intentOf('stop, laat maar')).toBe('cancel');
    expect(await intentOf('ik wil mijn afspraak bij burgerzaken annuleren')).toBe('appointment.cancel');
  });

  it('carries the document, also when booking', async () => {
    expect(await recognizer().recognize('afspraak voor mijn reispas', 'nl')).toMatchObject({
      intent: 'appointment.book',
      entities: { document: 'reispas' },
    });
  });

  it.each(['ik wil mijn afspraak annuleren of verzetten', 'afspraak annuleren of verplaatsen, ik weet het nog niet'])(
    'gives a runner-up that differs from the top intent and scores no higher: %j',
    async (text) => {
      const result = await recognizer().recognize(text, 'nl');
      expect(result.runnerUp).toBeDefined();
      expect(result.runnerUp?.intent).not.toBe(result.intent);
      expect(result.runnerUp?.score ?? 1).toBeLessThanOrEqual(result.score);
    },
  );
}
