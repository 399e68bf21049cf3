import { describe, expect, it } from 'vitest';
import type { Intent } from '../../domain/nluContract.js';
import { crossValidate, evaluate, percentile } from '../../nlu/evaluation.js';
import { LabeledUtteranceError, parseLabeledUtterances } from '../../nlu/labeledUtterances.js';
import type { Recognition, Recognizer } from '../../nlu/recognizer.js';
import type { IntentTrainingData } from '../../nlu/trainingData.js';

/** Answers from a table, so the figures below follow from the table alone. */
function tableRecognizer(answers: Record<string, Recognition>): Recognizer {
  return { recognize: async (text) => answers[text] ?? { intent: 'none', score: 1, entities: {} } };
}

const said = (intent: Intent, document?: Recognition['entities']['document']): Recognition => ({
  intent,
  score: 0.9,
  entities: document === undefined ? {} : { document },
});

describe('evaluate', () => {
  it('scores intents, documents, macro F1 and confusions', async () => {
    const recognizer = tableRecognizer({
      a: said('greeting'),
      b: said('greeting'),
      c: said('cancel'),
      d: said('document.request', 'reispas'),
      e: said('document.request', 'rijbewijs'),
    });
    const report = await evaluate(recognizer, [
      { text: 'a', intent: 'greeting' },
      { text: 'b', intent: 'goodbye' },
      { text: 'c', intent: 'appointment.cancel' },
      { text: 'd', intent: 'document.request', entities: { document: 'reispas' } },
      { text: 'e', intent: 'document.request', entities: { document: 'reispas' } },
    ]);
    expect(report.n).toBe(5);
    expect(report.intentAccuracy).toBe(0.6);
    expect(report.entityAccuracy).toBe(0.8);
    // F1: greeting 2/3, goodbye 0, cancel 0, appointment.cancel 0, document.request 1 → (2/3 + 1) / 5
    expect(report.macroF1).toBe(0.3333);
    expect(report.confusions).toEqual([
      { expected: 'appointment.cancel', predicted: 'cancel', count: 1 },
      { expected: 'goodbye', predicted: 'greeting', count: 1 },
    ]);
  });

  it('measures latency per utterance with the clock it is given', async () => {
    let now = 0;
    const durations = [5, 1, 3, 2, 4];
    const recognizer: Recognizer = {
      async recognize() {
        now += durations.shift() ?? 0;
        return said('none');
      },
    };
    const examples = ['a', 'b', 'c', 'd', 'e'].map((text) => ({ text, intent: 'none' as const }));
    const report = await evaluate(recognizer, examples, { clock: () => now });
    expect(report.latencyMs).toEqual({ p50: 3, p99: 5 });
    expect(report.intentAccuracy).toBe(1);
    expect(report.confusions).toEqual([]);
  });

  it('uses nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([10], 99)).toBe(10);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(
      percentile(
        [...Array(100).keys()].map((i) => i + 1),
        99,
      ),
    ).toBe(99);
  });
});

describe('parseLabeledUtterances', () => {
  it('reads the contract format and skips blank lines', () => {
    const content = [
      '{"text": "ik ben mijn eid kwijt", "intent": "document.request", "entities": {"document": "identiteitskaart"}}',
      '',
      '{"text": "hallo", "intent": "greeting"}',
    ].join('\n');
    expect(parseLabeledUtterances(content)).toEqual([
      { text: 'ik ben mijn eid kwijt', intent: 'document.request', entities: { document: 'identiteitskaart' } },
      { text: 'hallo', intent: 'greeting' },
    ]);
  });

  it.each([
    ['{"text": "hallo", "intent": "greeting"}\n{not json', 2, 'not valid JSON'],
    ['{"text": "hallo", "intent": "groet"}', 1, 'unknown intent'],
    ['{"text": "", "intent": "greeting"}', 1, '"text"'],
    ['{"text": "x", "intent": "document.request", "entities": {"document": "paspoort"}}', 1, 'unknown document'],
    ['[1, 2]', 1, 'expected an object'],
  ])('names the line of a bad entry: %j', (content, line, reason) => {
    try {
      parseLabeledUtterances(content);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(LabeledUtteranceError);
      expect((error as LabeledUtteranceError).line).toBe(line);
      expect((error as Error).message).toContain(reason);
    }
  });
});

describe('evaluate, per intent and errors', () => {
  const recognizer = tableRecognizer({
    a: said('greeting'),
    b: said('greeting'),
    c: said('document.request', 'rijbewijs'),
  });
  const examples = [
    { text: 'a', intent: 'greeting' as const },
    { text: 'b', intent: 'goodbye' as const },
    { text: 'c', intent: 'document.request' as const, entities: { document: 'reispas' as const } },
  ];

  it('scores precision, recall and F1 for each intent', async () => {
    const report = await evaluate(recognizer, examples);
    expect(report.perIntent.greeting).toEqual({ precision: 0.5, recall: 1, f1: 0.6667, support: 1 });
    expect(report.perIntent.goodbye).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(report.perIntent['document.request']).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
  });

  it('lists the utterances with a wrong intent or a wrong document', async () => {
    const report = await evaluate(recognizer, examples);
    expect(report.errors).toEqual([
      { text: 'b', expected: 'goodbye', predicted: 'greeting', score: 0.9 },
      {
        text: 'c',
        expected: 'document.request',
        predicted: 'document.request',
        score: 0.9,
        expectedDocument: 'reispas',
        predictedDocument: 'rijbewijs',
      },
    ]);
  });

  it('runs warm-up passes untimed before the timed one', async () => {
    const calls: string[] = [];
    const counting: Recognizer = {
      async recognize(text) {
        calls.push(text);
        return said('none');
      },
    };
    const report = await evaluate(counting, [{ text: 'x', intent: 'none' }], { warmUpRounds: 2 });
    expect(calls).toEqual(['x', 'x', 'x']);
    expect(report.n).toBe(1);
  });
});

describe('crossValidate', () => {
  it('trains K times without the held fold and scores every utterance once', async () => {
    const trainedOn: string[][] = [];
    // Knows exactly the utterances it was trained on; anything else is none.
    const train = async (data: IntentTrainingData): Promise<Recognizer> => {
      const known = new Map(Object.entries(data.intents).flatMap(([intent, texts]) => texts.map((t) => [t, intent as Intent])));
      trainedOn.push([...known.keys()].sort());
      return { recognize: async (text) => said(known.get(text) ?? 'none') };
    };
    const data: IntentTrainingData = { locale: 'nl', intents: { greeting: ['g1', 'g2', 'g3'], none: ['n1', 'n2', 'n3'] } };
    const report = await crossValidate(train, data, 3);
    expect(trainedOn).toEqual([
      ['g2', 'g3', 'n2', 'n3'],
      ['g1', 'g3', 'n1', 'n3'],
      ['g1', 'g2', 'n1', 'n2'],
    ]);
    expect(report.n).toBe(6);
    // Held greetings are unknown, so none; held none utterances are right.
    expect(report.intentAccuracy).toBe(0.5);
    expect(report.confusions).toEqual([{ expected: 'greeting', predicted: 'none', count: 3 }]);
  });
});
