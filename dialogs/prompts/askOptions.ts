import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Option } from '../../bot/channels/renderer.js';
import type { OptionPromptOptions } from './optionPrompt.js';

/** How a question treats what is not an answer to it (see `OpenQuestionReading`). */
export type QuestionKind = Pick<OptionPromptOptions, 'otherRequestsLeave'>;

/**
 * A follow-up that holds nothing the resident has answered yet ("Wilt u nog meer weten?", "Kunt u
 * inloggen?"): another request leaves it and is routed, instead of being asked again.
 */
export const FOLLOW_UP: QuestionKind = { otherRequestsLeave: true };

/**
 * Asks a question with options through the OptionPrompt registered as `promptId`; the answer is the option's value.
 * `id` names the question (e.g. `documents.group`): buttons send it back and it keys the options' short labels.
 */
export function askOptions(
  step: WaterfallStepContext,
  promptId: string,
  prompt: string,
  options: readonly Option[],
  id?: string,
  kind: QuestionKind = {},
): Promise<DialogTurnResult> {
  const question: OptionPromptOptions = { id, prompt, options, ...kind };
  return step.prompt(promptId, question);
}
