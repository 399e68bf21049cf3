import type { i18n } from 'i18next';
import { createRecognizer } from '../../nlu/createRecognizer.js';
import { phoneAvailabilityOf } from '../../services/municipality/phoneLine.js';
import { turnLockMiddleware } from '../../stores/turnLock/turnLock.js';
import { createAdapter, type AssistantAdapter } from '../adapter.js';
import { createAssistant } from '../assistant.js';
import type { AssistantBot } from '../assistantBot.js';
import type { AppParts, AppServices } from './appServices.js';

/** The bot side: what answers a turn. */
export interface AssistantRuntime {
  adapter: AssistantAdapter;
  bot: AssistantBot;
}

/** Services → bot: the recognizer, the adapter (one turn per conversation at a time) and the assistant with its dialogs. */
export async function createAssistantRuntime(
  { config, logger, facts, catalog, stores, now }: AppParts,
  services: AppServices,
  i18n: i18n,
): Promise<AssistantRuntime> {
  const recognizer = await createRecognizer(config.luis, logger);
  const { adapter } = createAdapter({
    botAuth: config.botAuth,
    logger,
    i18n,
    phoneDisplay: facts.municipality.phone.display,
    defaultLocale: config.defaultLocale,
  });
  // Turns of one conversation run one at a time, across instances too: state is saved last-writer-wins.
  adapter.use(turnLockMiddleware(stores.turnLock));
  const bot = createAssistant({
    storage: stores.state,
    recognizer,
    i18n,
    phone: facts.municipality.phone,
    defaultLocale: config.defaultLocale,
    handoff: {
      mode: config.handoffMode,
      availability: phoneAvailabilityOf(facts.municipality),
      callbacks: stores.callbacks,
      retentionDays: config.callbackRetentionDays,
      logger,
    },
    facts,
    now,
    appointments: {
      provider: services.bookingProvider,
      catalog,
      municipality: facts.municipality,
      calendarLinks: services.calendarLinks,
      clock: now,
    },
    survey: { surveyStore: stores.survey.surveyStore, outcomeStore: stores.survey.outcomeStore },
  });
  return { adapter, bot };
}
