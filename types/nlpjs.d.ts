// @nlpjs ships no type declarations: only what the offline recognizer uses.
declare module '@nlpjs/nlp' {
  export interface NlpClassification {
    intent: string;
    score: number;
  }

  export interface NlpResult {
    locale: string;
    utterance: string;
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }

  export interface NlpSettings {
    languages?: string[];
    autoSave?: boolean;
    autoLoad?: boolean;
    log?: boolean;
    threshold?: number;
    forceNER?: boolean;
    calculateSentiment?: boolean;
    nlu?: Record<string, unknown>;
    [setting: string]: unknown;
  }

  export class Nlp {
    constructor(settings?: NlpSettings);
    container: { use(plugin: unknown): unknown };
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
}

declare module '@nlpjs/lang-nl' {
  export const LangNl: unknown;
}
