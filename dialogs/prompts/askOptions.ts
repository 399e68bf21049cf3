import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Option } from '../../bot/channels/renderer.js';
import type { OptionPromptOptions } from './optionPrompt.js';

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
): Promise<DialogTurnResult> {
  const question: OptionPromptOptions = { id, prompt, options };
  return step.prompt(promptId, question);
}
