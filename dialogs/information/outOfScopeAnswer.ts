import type { TurnContext } from 'botbuilder';
import { turnServices } from '../../bot/turnState.js';
import type { MunicipalityData } from '../../services/municipality/municipalityData.js';
import { firstMentioned, OUT_OF_SCOPE_TOPICS } from '../../services/municipality/questionCues.js';

/** Answers a request the assistant understood but cannot handle; false when the message is not one. */
export type OutOfScopeAnswer = (context: TurnContext) => Promise<boolean>;

/**
 * Waste, permits, complaints, taxes: say honestly that the assistant cannot help with that, and
 * where to go (the municipality's page for the topic, when the data has one, and the phone).
 */
export function outOfScopeAnswer(facts: MunicipalityData): OutOfScopeAnswer {
  return async (context) => {
    const topic = firstMentioned(context.activity.text, OUT_OF_SCOPE_TOPICS, facts.cues.outOfScope);
    if (!topic) return false;
    const { t } = turnServices(context);
    const { phone, topicLinks } = facts.municipality;
    const url = topicLinks?.[topic];
    const where = url
      ? [t(`info:outOfScope.link.${topic}`, { url }), t('info:outOfScope.phone', { phone: phone.display })]
      : [t('info:outOfScope.phoneOnly', { phone: phone.display })];
    await context.sendActivity([t('info:outOfScope.cannotHelp'), ...where].join(' '));
    return true;
  };
}
