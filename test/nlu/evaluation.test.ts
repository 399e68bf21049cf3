import { describe, expect, it } from 'vitest';
import type { Intent } from '../../nlu/contract.js';
import { evaluate, percentile } from '../../nlu/evaluation.js';
import { LabeledUtteranceError, parseLabeledUtterances } from '../../nlu/labeledUtterances.js';
import type { Recognition, Recognizer } from '../../nlu/recognizer.js';

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
    expect(percentile([...Array(100).keys()].map((i) => i + 1), 99)).toBe(99);
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
