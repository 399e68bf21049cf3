import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Option } from '../../bot/channels/renderer.js';
import type { OptionPromptOptions } from './optionPrompt.js';

/** Asks a question with options through the OptionPrompt registered as `promptId`; the answer is the option's value. */
export function askOptions(step: WaterfallStepContext, promptId: string, prompt: string, options: readonly Option[]): Promise<DialogTurnResult> {
  const question: OptionPromptOptions = { prompt, options };
  return step.prompt(promptId, question);
}
