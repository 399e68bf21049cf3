import type { TurnContext } from 'botbuilder';
import { turnServices } from '../../bot/turnState.js';
import type { Intent } from '../../domain/nluContract.js';
import { startsAsQuestion } from './freeTextPrompt.js';

/** Questions answered in passing at any open question (the hours, the address): the open question is asked again after. */
export const QUESTIONS_ASIDE: readonly Intent[] = ['info.hours', 'info.contact'];

/**
 * "hoe laat zijn jullie open?", "waar is het gemeentehuis": a message shaped as a question (its first word or a
 * question mark) that the recognizer reads as one answered in passing. How sure it must be is the interruptions' call.
 */
export function asksInPassing(context: TurnContext): boolean {
  const text = context.activity.text ?? '';
  const { recognition, language } = turnServices(context);
  if (!recognition || !QUESTIONS_ASIDE.includes(recognition.intent)) return false;
  return text.includes('?') || startsAsQuestion(text, language);
}
