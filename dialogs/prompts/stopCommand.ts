import type { TurnContext } from 'botbuilder';
import { answerPhrases, answerWords, isOnlyPhrase } from '../../bot/channels/answerPhrases.js';
import { turnServices } from '../../bot/turnState.js';

/** Whether the message is an explicit stop ("stop", "ik wil stoppen", "genoeg"), in the resident's language. */
export function isStopCommand(context: TurnContext): boolean {
  const text = context.activity.text;
  if (typeof text !== 'string') return false;
  const { language } = turnServices(context);
  return isOnlyPhrase(answerWords(text), answerPhrases(language).stop, language);
}
