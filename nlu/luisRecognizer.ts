import { LUISRuntimeClient, type LUISRuntimeModels } from '@azure/cognitiveservices-luis-runtime';
import type { Logger } from '../bot/logger.js';
import { isDocumentId, isIntent, type DocumentId, type Intent } from '../domain/nluContract.js';
import type { Recognition, Recognizer, ScoredIntent } from './recognizer.js';
import { CodedError } from '../services/errorCatalogue.js';

export interface LuisRecognizerOptions {
  appId: string;
  apiKey: string;
  /** e.g. https://westeurope.api.cognitive.microsoft.com */
  endpoint: string;
  /** Answers whenever LUIS does not: down, refusing, too slow or answering nonsense. */
  fallback: Recognizer;
  logger: Logger;
  timeoutMs?: number;
  /** LUIS intent names that are not spelled as ours, e.g. `{ "Afspraak": "appointment.book" }`. */
  intentNames?: Readonly<Record<string, Intent>>;
  slot?: 'production' | 'staging';
}

type Credentials = ConstructorParameters<typeof LUISRuntimeClient>[0];
type LuisAbortSignal = NonNullable<LUISRuntimeModels.PredictionGetSlotPredictionOptionalParams['abortSignal']>;
type FailureReason = 'timeout' | 'http' | 'network' | 'badResponse';

/** LUIS refuses longer queries. */
const MAX_QUERY_LENGTH = 500;
const DOCUMENT_ENTITY = 'document';

class LuisUnavailable extends CodedError {
  constructor(
    readonly reason: FailureReason,
    readonly status?: number,
  ) {
    super('LUIS_UNAVAILABLE', `LUIS unavailable: ${reason}${status === undefined ? '' : ` ${status}`}`);
  }
}

/**
 * Recognizes through LUIS's v3 prediction endpoint (LUIS is retired; kept for municipalities that
 * still run an app). Any failure answers with the fallback for that turn; the outage is logged
 * once as `luis.unavailable` and its end once as `luis.recovered`.
 */
export function createLuisRecognizer(options: LuisRecognizerOptions): Recognizer {
  const { appId, apiKey, endpoint, fallback, logger, timeoutMs = 2000, intentNames = {}, slot = 'production' } = options;
  const credentials: Credentials = {
    async signRequest(request) {
      request.headers.set('Ocp-Apim-Subscription-Key', apiKey);
      return request;
    },
  };
  // No retries: a resident is waiting, and the fallback answers right away.
  const client = new LUISRuntimeClient(credentials, endpoint.replace(/\/+$/, ''), { noRetryPolicy: true });
  let unavailable = false;

  async function predict(text: string): Promise<LUISRuntimeModels.Prediction> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await client.prediction.getSlotPrediction(
        appId,
        slot,
        { query: text.slice(0, MAX_QUERY_LENGTH) },
        // Node's AbortSignal is what the SDK's AbortSignalLike describes; only `this` typing differs.
        // Our own timer rather than the SDK's `timeout`, which leaves its timer running after the answer.
        { showAllIntents: true, log: false, abortSignal: controller.signal as unknown as LuisAbortSignal },
      );
      const prediction = (response as Partial<LUISRuntimeModels.PredictionResponse>).prediction;
      if (typeof prediction?.topIntent !== 'string' || typeof prediction.intents !== 'object') {
        throw new LuisUnavailable('badResponse');
      }
      return prediction;
    } catch (error) {
      if (error instanceof LuisUnavailable) throw error;
      if (controller.signal.aborted) throw new LuisUnavailable('timeout');
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number') throw new LuisUnavailable('http', status);
      throw new LuisUnavailable('network');
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async recognize(text: string, locale: string): Promise<Recognition> {
      let prediction: LUISRuntimeModels.Prediction;
      try {
        prediction = await predict(text);
      } catch (error) {
        if (!(error instanceof LuisUnavailable)) throw error;
        if (!unavailable) {
          unavailable = true;
          logger.warn('luis.unavailable', { reason: error.reason, status: error.status });
        }
        return fallback.recognize(text, locale);
      }
      if (unavailable) {
        unavailable = false;
        logger.info('luis.recovered');
      }
      return recognitionFromLuis(prediction, intentNames);
    },
  };
}

/** Maps a LUIS v3 prediction onto the contract's intents and document ids. */
export function recognitionFromLuis(
  prediction: LUISRuntimeModels.Prediction,
  intentNames: Readonly<Record<string, Intent>> = {},
): Recognition {
  const best = new Map<Intent, number>();
  for (const [name, { score }] of Object.entries(prediction.intents ?? {})) {
    const intent = contractIntent(name, intentNames);
    best.set(intent, Math.max(best.get(intent) ?? 0, score ?? 0));
  }
  const topIntent = contractIntent(prediction.topIntent, intentNames);
  const top: ScoredIntent = { intent: topIntent, score: best.get(topIntent) ?? 0 };
  const runnerUp = [...best]
    .filter(([intent]) => intent !== topIntent)
    .map(([intent, score]) => ({ intent, score }))
    .sort((a, b) => b.score - a.score)[0];
  const document = documentFromEntities(prediction.entities);
  return {
    ...top,
    ...(runnerUp === undefined ? {} : { runnerUp }),
    entities: document === undefined ? {} : { document },
  };
}

/** "appointment.book", "Appointment_Book" and "None" map by spelling; anything unknown is none. */
function contractIntent(name: string, intentNames: Readonly<Record<string, Intent>>): Intent {
  const explicit = intentNames[name];
  if (explicit !== undefined) return explicit;
  const spelled = name.toLowerCase().replace(/_/g, '.');
  return isIntent(spelled) ? spelled : 'none';
}

/** A list entity's value is its normalized (canonical) form: `"document": [["reispas"]]`. */
function documentFromEntities(entities: Record<string, unknown> | undefined): DocumentId | undefined {
  const values = entities?.[DOCUMENT_ENTITY];
  if (!Array.isArray(values)) return undefined;
  for (const value of values.flat()) {
    if (isDocumentId(value)) return value;
  }
  return undefined;
}
