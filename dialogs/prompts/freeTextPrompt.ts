import type { TurnContext } from 'botbuilder';
import { TextPrompt, type PromptValidator } from 'botbuilder-dialogs';
import { answerPhrases, answerWords, containsAnyPhrase } from '../../bot/channels/answerPhrases.js';
import type { Language } from '../../bot/i18n.js';
import { readYesNo } from '../../bot/channels/yesNoAnswer.js';
import { buttonValueOf } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import type { OpenQuestion, OpenQuestionReading } from './openQuestion.js';

/** Whether a message answers a free-text question (a name, a contact, a code). */
export type FreeTextReader = (text: string, context: TurnContext) => boolean;

/**
 * A question answered in the resident's own words (a name, an e-mail or phone number, a booking
 * code) that does not swallow what is no answer: "nee toch niet" or "ik wil toch geen afspraak"
 * withdraws (handled as stop), a question or another request is no answer (interruptions decide).
 */
export class FreeTextPrompt extends TextPrompt implements OpenQuestion {
  constructor(
    dialogId: string,
    private readonly reads: FreeTextReader,
    validator?: PromptValidator<string>,
  ) {
    super(dialogId, validator);
  }

  readOpenAnswer(context: TurnContext): OpenQuestionReading {
    // This question has no buttons: a button's value comes from an earlier question (an old slot).
    if (buttonValueOf(context.activity)?.question !== undefined) return { kind: 'oldButton' };
    const text = context.activity.text;
    if (typeof text !== 'string' || !text.trim()) return { kind: 'notAnswer' };
    if (this.reads(text, context)) return { kind: 'answer' };
    return { kind: isWithdrawal(text, turnServices(context).language) ? 'withdraw' : 'notAnswer' };
  }
}

/** "nee toch niet", "laat maar", "ik wil toch geen afspraak": the resident no longer wants to go on. */
export function isWithdrawal(text: string, language: Language): boolean {
  const words = answerWords(text);
  return readYesNo(text, language)?.meaning === 'no' || containsAnyPhrase(words, answerPhrases(language).withdraw);
}

/** "waar is het gemeentehuis", "hoe laat…": a question, also without a question mark. */
export function startsAsQuestion(text: string, language: Language): boolean {
  const first = answerWords(text)[0];
  return first !== undefined && answerPhrases(language).questionWords.includes(first);
}
