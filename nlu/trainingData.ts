import { readFileSync } from 'node:fs';
import { isIntent, type Intent } from '../domain/nluContract.js';
import { CodedError } from '../services/errorCatalogue.js';

/** Utterances per intent, as in `data/nlu/intents.json`. */
export interface IntentTrainingData {
  locale: string;
  intents: Partial<Record<Intent, string[]>>;
}

class IntentTrainingDataError extends CodedError {
  constructor(message: string) {
    super('INTENT_TRAINING_DATA_INVALID', message);
  }
}

const DEFAULT_TRAINING_DATA_URL = new URL('../data/nlu/intents.json', import.meta.url);

/** Reads and checks the training file; throws `IntentTrainingDataError` when it does not fit the contract. */
export function loadIntentTrainingData(file: URL | string = DEFAULT_TRAINING_DATA_URL): IntentTrainingData {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { locale?: unknown; intents?: unknown };
  if (typeof parsed.locale !== 'string') throw new IntentTrainingDataError('intents.json: "locale" must be a string');
  if (typeof parsed.intents !== 'object' || parsed.intents === null) {
    throw new IntentTrainingDataError('intents.json: "intents" must map intents to utterances');
  }
  const intents: Partial<Record<Intent, string[]>> = {};
  for (const [intent, utterances] of Object.entries(parsed.intents)) {
    if (!isIntent(intent)) throw new IntentTrainingDataError(`intents.json: unknown intent "${intent}"`);
    if (!Array.isArray(utterances) || !utterances.every((u) => typeof u === 'string' && u.trim() !== '')) {
      throw new IntentTrainingDataError(`intents.json: "${intent}" needs a list of non-empty utterances`);
    }
    intents[intent] = utterances as string[];
  }
  return { locale: parsed.locale, intents };
}

/**
 * K folds of the training data for cross-validation: utterance i of each intent goes to fold
 * i mod K, so every fold holds every intent in proportion and the split never changes.
 */
export function trainingFolds(
  data: IntentTrainingData,
  k: number,
): Array<{ training: IntentTrainingData; held: Array<{ text: string; intent: Intent }> }> {
  return Array.from({ length: k }, (_, fold) => {
    const intents: Partial<Record<Intent, string[]>> = {};
    const held: Array<{ text: string; intent: Intent }> = [];
    for (const [intent, utterances] of Object.entries(data.intents) as Array<[Intent, string[]]>) {
      intents[intent] = utterances.filter((_, i) => i % k !== fold);
      held.push(...utterances.filter((_, i) => i % k === fold).map((text) => ({ text, intent })));
    }
    return { training: { locale: data.locale, intents }, held };
  });
}
