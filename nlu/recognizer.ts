import type { DocumentId, Intent } from '../domain/nluContract.js';

export interface ScoredIntent {
  intent: Intent;
  /** 0..1; comparable between the top intent and the runner-up of one recognizer. */
  score: number;
}

/** What a resident's message means to the assistant. */
export interface Recognition extends ScoredIntent {
  runnerUp?: ScoredIntent;
  entities: RecognizedEntities;
}

interface RecognizedEntities {
  document?: DocumentId;
}

/** Text in, meaning out. Implementations never throw for ordinary text; they answer `none`. */
export interface Recognizer {
  recognize(text: string, locale: string): Promise<Recognition>;
}
