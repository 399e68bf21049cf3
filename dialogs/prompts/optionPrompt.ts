import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { matchOption } from '../../bot/channels/optionAnswer.js';
import { optionsAsShown, renderQuestion, type Option } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';

/** What a dialog passes when it asks a question with options. */
export interface OptionPromptOptions extends PromptOptions {
  /** Stable name of the question (e.g. `survey.awareness`): buttons send it back; it keys the short labels. */
  id?: string;
  prompt: string;
  retryPrompt?: string;
  options: readonly Option[];
}

/**
 * A question with options that every channel can show and answer: rendered by the channel
 * renderer, answered by number (also Dutch words), label or code. Resolves to the option's value.
 * botbuilder's ChoicePrompt is not used because its recognisers know no Dutch numbers.
 */
export class OptionPrompt extends Prompt<string> {
  constructor(dialogId: string, validator?: PromptValidator<string>) {
    super(dialogId, validator);
  }

  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const { id, prompt, retryPrompt, options: choices } = options as OptionPromptOptions;
    const { t } = turnServices(context);
    const text = isRetry ? (retryPrompt ?? t('common:choice.retry', { question: prompt })) : prompt;
    await context.sendActivity(renderQuestion(context.activity.channelId, { id, text, options: choices }, t));
  }

  protected override async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
    const { id, options: choices } = options as OptionPromptOptions;
    const answer = answerText(context);
    // A tapped button sends the label the channel showed, which may be the short form.
    const shown = () => optionsAsShown(context.activity.channelId, { id, text: '', options: choices }, turnServices(context).t);
    const picked = answer === undefined ? undefined : (matchOption(answer, choices) ?? matchOption(answer, shown()));
    return picked ? { succeeded: true, value: picked.value } : { succeeded: false };
  }
}

/** The text of a message, or the `value` sent by a card button. */
function answerText(context: TurnContext): string | undefined {
  const { text, value } = context.activity;
  if (typeof text === 'string' && text.trim()) return text;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { answer?: unknown }).answer === 'string') {
    return (value as { answer: string }).answer;
  }
  return undefined;
}
