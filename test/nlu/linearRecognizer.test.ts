import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrationInputsHash } from '../../nlu/calibration.js';
import { createLinearRecognizer } from '../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import { itCovers, itIsRecognized, readSet, SMALL_TRAINING_DATA, understandsResidents } from './recognizerContract.js';

const OLD_TEST_SET = readSet('testset.jsonl');
/** Written for #12 before any tuning (see nlu/README.md). */
const RESIDENTS_SET = readSet('residents.jsonl');
/** Written blind (without the training data) for #13; tuned against by class only (see nlu/README.md). */
const HOLDOUT3_SET = readSet('holdout3.jsonl');

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createLinearRecognizer();
});

const intentOf = async (text: string) => (await recognizer.recognize(text, 'nl')).intent;
const documentOf = async (text: string) => (await recognizer.recognize(text, 'nl')).entities.document;

describe('the CI gate', () => {
  itCovers(OLD_TEST_SET, 250, 10, 3);

  itIsRecognized(() => recognizer, OLD_TEST_SET);
});

describe('the CI gate on residents.jsonl', () => {
  itCovers(RESIDENTS_SET, 300, 10);

  itIsRecognized(() => recognizer, RESIDENTS_SET);
});

describe('the CI gate on holdout3.jsonl', () => {
  itCovers(HOLDOUT3_SET, 400);

  // Only the totals: the set's errors are not to be read (it stays as close to blind as it can).
  itIsRecognized(() => recognizer, HOLDOUT3_SET, false);
});

describe('createLinearRecognizer', () => {
  it('uses the none threshold chosen for the training data, documents and settings in the repository (npm run nlu:train)', () => {
    const calibration = JSON.parse(readFileSync(new URL('../../data/nlu/calibration.json', import.meta.url), 'utf8')) as {
      inputsHash: string;
    };
    expect(calibration.inputsHash, 'run npm run nlu:train').toBe(calibrationInputsHash());
  });

  it('trains the same model from the same data (fixed seed)', async () => {
    const again = await createLinearRecognizer();
    for (const text of ['ik wil iets vragen over mijn afspraak', 'hoe laat', 'qwerty']) {
      expect(await again.recognize(text, 'nl')).toEqual(await recognizer.recognize(text, 'nl'));
    }
  });

  understandsResidents(() => recognizer);

  it('below the threshold answers none and keeps its guess as the runner-up', async () => {
    const unsure = await createLinearRecognizer({ noneThreshold: 1, noneBias: 0 });
    const result = await unsure.recognize('ik wil een afspraak maken', 'nl');
    expect(result.intent).toBe('none');
    expect(result.runnerUp?.intent).toBe('appointment.book');
  });

  it('trains from data it is given', async () => {
    const small = await createLinearRecognizer({ trainingData: SMALL_TRAINING_DATA, noneThreshold: 0, noneBias: 0 });
    expect((await small.recognize('hallo daar', 'nl')).intent).toBe('greeting');
    expect((await small.recognize('openingsuren?', 'nl')).intent).toBe('info.hours');
  });
});

describe('negation and contrast', () => {
  it.each([
    ['mijn afspraak niet schrappen maar naar later verzetten', 'appointment.reschedule'],
    ['ik wil ze niet verzetten, maar gewoon annuleren, die afspraak', 'appointment.cancel'],
    ['die afspraak niet wissen, enkel een week opschuiven', 'appointment.reschedule'],
    ['ik wil mijn afspraak niet naar een ander uur, alleen weg', 'appointment.cancel'],
  ])('classifies from what follows the contrast: %j', async (text, intent) => {
    expect(await intentOf(text)).toBe(intent);
  });

  it.each([
    ['geen rijbewijs maar een reispas', 'reispas'],
    ['niet voor mijn eid, wel voor mijn rijbewijs', 'rijbewijs'],
    ['het is niet de geboorteakte maar de overlijdensakte die ik zoek', 'akte-overlijden'],
    ['geen kids-id voor hem, gewoon een paspoort', 'reispas'],
    ['niet mijn rijbewijs, alleen de pincode van mijn eid', 'eid-pincode'],
  ])('a negated document is not the document: %j', async (text, document) => {
    expect(await documentOf(text)).toBe(document);
  });

  it('keeps "maar" that only softens a request', async () => {
    expect(await intentOf('ik wil niet wachten, bel mij maar terug')).toBe('handoff.human');
  });
});

describe('documents', () => {
  it.each([
    ['een identiteitskaart voor mijn zoontje van zes jaar', 'kids-id'],
    ['eid voor ons kindje', 'kids-id'],
    ['mijn dochter is 13 jaar en heeft een identiteitskaart nodig', 'identiteitskaart'],
    ['kids-id voor mijn zoon van 15', 'identiteitskaart'],
  ])('an identity document follows the child’s age: %j', async (text, document) => {
    expect(await documentOf(text)).toBe(document);
  });

  it('an eID named only as the way to log in is no document (thuisloket.info)', async () => {
    expect(await recognizer.recognize('inloggen met de eid op het thuisloket lukt niet', 'nl')).toMatchObject({
      intent: 'thuisloket.info',
      entities: {},
    });
  });

  it('something outside the catalogue is a document request without a document', async () => {
    expect(await recognizer.recognize('ik heb een nieuw trouwboekje nodig', 'nl')).toEqual(
      expect.objectContaining({ intent: 'document.request', entities: {} }),
    );
  });
});
