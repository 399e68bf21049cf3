import type { TurnContext } from 'botbuilder';
import { answerPhrases, answerWords, isOnlyPhrase } from '../../bot/channels/answerPhrases.js';
import { turnServices } from '../../bot/turnState.js';

/** Whether the whole message only takes note or thanks ("ok", "merci", "oké bedankt"), in the resident's language. */
export function isAcknowledgement(context: TurnContext): boolean {
  const text = context.activity.text;
  if (typeof text !== 'string') return false;
  const { language } = turnServices(context);
  return isOnlyPhrase(answerWords(text), answerPhrases(language).acknowledge, language);
}
