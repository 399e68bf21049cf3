import { isDocumentId, isIntent, type DocumentId, type Intent } from '../domain/nluContract.js';
import { CodedError } from '../services/errorCatalogue.js';

/** One line of a test set in the contract's JSON Lines format. */
export interface LabeledUtterance {
  text: string;
  intent: Intent;
  entities?: { document?: DocumentId };
}

export class LabeledUtteranceError extends CodedError {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super('LABELED_UTTERANCE_INVALID', `line ${line}: ${reason}`);
  }
}

/** Parses a JSON Lines test set; blank lines are skipped. Throws `LabeledUtteranceError` naming the first bad line. */
export function parseLabeledUtterances(content: string): LabeledUtterance[] {
  const examples: LabeledUtterance[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new LabeledUtteranceError(line, 'not valid JSON');
    }
    examples.push(toLabeledUtterance(value, line));
  });
  return examples;
}

function toLabeledUtterance(value: unknown, line: number): LabeledUtterance {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LabeledUtteranceError(line, 'expected an object {"text", "intent", "entities"?}');
  }
  const { text, intent, entities } = value as Record<string, unknown>;
  if (typeof text !== 'string' || text.trim() === '') throw new LabeledUtteranceError(line, '"text" must be a non-empty string');
  if (!isIntent(intent)) throw new LabeledUtteranceError(line, `unknown intent ${JSON.stringify(intent)}`);
  if (entities === undefined) return { text, intent };
  if (typeof entities !== 'object' || entities === null || Array.isArray(entities)) {
    throw new LabeledUtteranceError(line, '"entities" must be an object');
  }
  const { document } = entities as Record<string, unknown>;
  if (document === undefined) return { text, intent, entities: {} };
  if (!isDocumentId(document)) throw new LabeledUtteranceError(line, `unknown document ${JSON.stringify(document)}`);
  return { text, intent, entities: { document } };
}
