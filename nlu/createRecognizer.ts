import type { LuisConfig } from '../bot/config.js';
import type { Logger } from '../bot/logger.js';
import { createLuisRecognizer } from './luisRecognizer.js';
import { createLinearRecognizer } from './linearRecognizer.js';
import type { Recognizer } from './recognizer.js';

/** The offline Dutch recognizer (the linear one); with LUIS configured, LUIS first and the offline one as its fallback. */
export async function createRecognizer(luis: LuisConfig | null, logger: Logger): Promise<Recognizer> {
  const offline = await createLinearRecognizer();
  if (!luis) return offline;
  logger.info('nlu.luis', { endpoint: new URL(luis.endpoint).host });
  return createLuisRecognizer({ ...luis, fallback: offline, logger });
}
