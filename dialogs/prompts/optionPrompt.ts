import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { matchAnswer, type OptionAnswer } from '../../bot/channels/optionAnswer.js';
import { buttonValueOf, optionsAsShown, renderQuestion, type Option } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import { reportMisreadAgain, RETRIES_BEFORE_PERSON, type OpenQuestion, type OpenQuestionReading } from './openQuestion.js';
import { readOncePerTurn } from './readOncePerTurn.js';

export const ANSWER_YES = 'yes';
export const ANSWER_NO = 'no';

/** The options of a yes/no question, "Ja" first; `noKey` where "no" is said in the question's own words. */
export function yesNoOptions(context: TurnContext, noKey = 'common:answer.no'): Option[] {
  const { t } = turnServices(context);
  return [
    { value: ANSWER_YES, label: t('common:answer.yes') },
    { value: ANSWER_NO, label: t(noKey) },
  ];
}

/** What a dialog passes when it asks a question with options. */
export interface OptionPromptOptions extends PromptOptions {
  /** Stable name of the question (e.g. `survey.awareness`): buttons send it back; it keys the short labels and synonyms. */
  id?: string;
  prompt: string;
  retryPrompt?: string;
  options: readonly Option[];
  /** Compare key words of the answer with the labels (default true); off where the recognizer reads requests better. */
  keyWords?: boolean;
  /** Only an explicit "stop" ends this question, not every cancel-like message (the survey). */
  stopOnlyByStopWord?: boolean;
  /** A new request is an answer here, not an aside ("Kan ik nog iets voor u doen?"). */
  newRequestsWelcome?: boolean;
  /** Another capability's request leaves this question and is routed (a question that is a menu of its own). */
  otherRequestsLeave?: boolean;
}

/** A button of an earlier question, or of an option no longer offered. */
const OLD_BUTTON = 'oldButton';

/**
 * A question with options that every channel can show and answer: rendered by the channel
 * renderer, answered by number (also Dutch words), label, synonym, yes/no in its many forms, key
 * words, or a button's code. The open question comes first: its reading (`readOpenAnswer`) lets the
 * root dialog's interruptions defer to an answer. What an answer resolves to is the subclass's:
 * `OptionPrompt` gives the option's value. botbuilder's ChoicePrompt is not used because its
 * recognisers know no Dutch. `O`: the options the dialogs ask it with; botbuilder hands a prompt back
 * the options it was begun with, so its methods read them as `O`.
 */
export abstract class OptionQuestion<T, O extends OptionPromptOptions = OptionPromptOptions> extends Prompt<T> implements OpenQuestion {
  /** This question's picks of the turn (see `readOncePerTurn`). */
  private readonly picks = Symbol('optionPicks');

  constructor(
    dialogId: string,
    validator?: PromptValidator<T>,
    private readonly otherAnswer?: OtherAnswer,
  ) {
    super(dialogId, validator);
  }

  readOpenAnswer(context: TurnContext, question: O): OpenQuestionReading {
    const picked = this.pickOrOther(context, question);
    const flags = {
      stopOnlyByStopWord: question.stopOnlyByStopWord === true,
      newRequestsWelcome: question.newRequestsWelcome === true,
      otherRequestsLeave: question.otherRequestsLeave === true,
    };
    if (picked === OLD_BUTTON) return { kind: 'oldButton', ...flags };
    if (!picked) return { kind: 'notAnswer', ...flags };
    return { kind: picked.whole ? 'answer' : 'likelyAnswer', ...flags };
  }

  protected override async onPrompt(context: TurnContext, state: object, question: O, isRetry: boolean): Promise<void> {
    const { id, prompt, retryPrompt, options: choices, stopOnlyByStopWord } = question;
    const { t } = turnServices(context);
    // Not understood a third time: the root offers a person (the phone, a callback) instead of the same question.
    if (isRetry && !stopOnlyByStopWord && countRetry(state) > RETRIES_BEFORE_PERSON && reportMisreadAgain(context)) {
      (state as RetryState).retries = 0;
      return;
    }
    const text = isRetry ? (retryPrompt ?? t('common:choice.retry', { question: prompt })) : prompt;
    await context.sendActivity(renderQuestion(context.activity.channelId, { id, text, options: choices }, t));
  }

  /** The value of the option the message picks (or of the other answer); undefined when it picks none, or is an old button. */
  protected pickedValue(context: TurnContext, question: O): string | undefined {
    const picked = this.pickOrOther(context, question);
    return picked && picked !== OLD_BUTTON ? picked.option.value : undefined;
  }

  /**
   * The option the message picks; else, when it answers in its own way, the other answer's value.
   * Read once per turn: the open question's reading and the prompt's recognition both ask.
   */
  private pickOrOther(context: TurnContext, question: OptionPromptOptions): OptionAnswer | typeof OLD_BUTTON | undefined {
    return readOncePerTurn(context, this.picks, question, () => {
      const other = this.otherAnswer;
      const otherPicked = { option: { value: other?.value ?? '', label: '' }, whole: true };
      if (other?.beforeOptions && other.reads(context)) return otherPicked;
      const picked = pick(context, question);
      if (picked || !other?.reads(context)) return picked;
      return otherPicked;
    });
  }
}

/** What an option question keeps between turns besides botbuilder's own state. */
interface RetryState {
  retries?: number;
}

/** Counts one more "niet begrepen" of this question; the count so far, this one included. */
function countRetry(state: object): number {
  const kept = state as RetryState;
  kept.retries = (kept.retries ?? 0) + 1;
  return kept.retries;
}

/** A question with options that resolves to the value of the option chosen. */
export class OptionPrompt<O extends OptionPromptOptions = OptionPromptOptions> extends OptionQuestion<string, O> {
  protected override async onRecognize(context: TurnContext, _state: object, question: O): Promise<PromptRecognizerResult<string>> {
    const value = this.pickedValue(context, question);
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }
}

/**
 * An answer to the question that is none of its options, read by the dialog that asks it (at the
 * hours question, a named day: "en op kerstavond?"). It resolves to `value`; the dialog reads the
 * message itself.
 */
export interface OtherAnswer {
  value: string;
  reads(context: TurnContext): boolean;
  /** Read before the options: at the satisfaction question "6/10" is a mark, not option 6. */
  beforeOptions?: boolean;
}

/** The option a message picks: by a button's code first, then by its words. */
function pick(context: TurnContext, question: OptionPromptOptions): OptionAnswer | typeof OLD_BUTTON | undefined {
  const button = buttonValueOf(context.activity);
  if (button) {
    if (button.question !== undefined && question.id !== undefined && button.question !== question.id) return OLD_BUTTON;
    const option = question.options.find((choice) => choice.value === button.answer);
    // The same question asked earlier with other options (an old slot): no longer on offer.
    if (option) return { option, whole: true };
    if (button.question !== undefined) return OLD_BUTTON;
  }
  const text = context.activity.text;
  if (typeof text !== 'string' || !text.trim()) return undefined;
  const { language, t } = turnServices(context);
  const matching = { language, id: question.id, keyWords: question.keyWords };
  const picked = matchAnswer(text, question.options, matching);
  if (picked?.whole) return picked;
  // A tapped button sends the label the channel showed, which may be the short form.
  const shown = optionsAsShown(context.activity.channelId, { id: question.id, text: '', options: question.options }, t);
  // Every label shown as it is: matching what was shown would read the same again.
  if (shown.every((option, index) => option.label === question.options[index]!.label)) return picked;
  const asShown = matchAnswer(text, shown, matching);
  return asShown?.whole ? asShown : (picked ?? asShown);
}
