import type { Activity, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type Dialog,
  type DialogTurnResult,
  type PromptOptions,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { channelCapabilities } from '../../bot/channels/channelStyle.js';
import { renderQuestion } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import { normaliseBelgianPhone } from '../../nlu/belgianPhone.js';
import { DialogIds } from '../dialogIds.js';
import { ANSWER_NO, ANSWER_YES, yesNoOptions, OptionPrompt, type OptionPromptOptions } from './optionPrompt.js';
import { stepValues } from '../stepValues.js';

/** The Belgian number a resident writes from, as stored (E.164) and as staff read it ("0470 12 34 56"). */
export interface SenderNumber {
  e164: string;
  national: string;
}

/**
 * The Belgian phone number the message came from, on channels whose sender id is a phone number
 * (SMS: "+32470123456"); undefined elsewhere, and for a foreign or unreadable number.
 */
export function senderNumberOf(activity: Pick<Partial<Activity>, 'channelId' | 'from'>): SenderNumber | undefined {
  if (!channelCapabilities(activity.channelId).senderIsPhoneNumber) return undefined;
  const id = activity.from?.id;
  if (typeof id !== 'string' || !id.trim()) return undefined;
  const phone = normaliseBelgianPhone(id);
  return phone.ok ? { e164: phone.e164, national: phone.national } : undefined;
}

/** Whether a typed answer is the number (or contact) asked for; if not, the question to ask instead (why it is not). */
export type NumberCheck = (text: string, context: TurnContext) => { ok: true } | { ok: false; retry: string };

/** Digits or an @: meant as a number or contact, not as yes or no. */
export const TYPED_CONTACT = /[\d@]/;

/** The offer's answer when the resident typed a number or address instead of yes or no: the message is the answer. */
const TYPED = 'typed';

/** What a dialog passes when it needs a number (or contact) from the resident. */
export interface SenderNumberQuestionOptions {
  /** Locale key of the "op dit nummer?" question, with `{{number}}`. */
  offerKey: string;
  /** The question asked when the channel gives no number, or when the resident wants another one. */
  ask: PromptOptions;
  /** A number the resident typed earlier: offered instead of the one they write from. */
  known?: SenderNumber;
}

interface OfferOptions extends OptionPromptOptions {
  offerKey: string;
  known?: SenderNumber;
}

/** The number to offer: the one typed earlier, else the sender's. */
function offeredNumber(context: TurnContext, known: SenderNumber | undefined): SenderNumber | undefined {
  return known ?? senderNumberOf(context.activity);
}

/**
 * Asks for a number, offering first one typed earlier (`known`) or else the one the resident writes
 * from ("op dit nummer?", yes/no) where the channel gives it (SMS). Ends with the answer as text:
 * the offered number in E.164 after yes, or what the resident typed (at the offer or at the
 * question asked instead). The sender's number is read from the turn and never put in dialog state.
 */
export class SenderNumberQuestion extends ComponentDialog {
  constructor(
    dialogId: string,
    private readonly ask: Dialog,
    private readonly check: NumberCheck,
  ) {
    super(dialogId);
    this.addDialog(ask);
    this.addDialog(
      new SenderNumberOffer(DialogIds.senderNumberOffer, undefined, {
        value: TYPED,
        reads: (context) => TYPED_CONTACT.test(context.activity.text ?? ''),
      }),
    );
    // The answer to the question asked instead ends the waterfall, and so this dialog, with it.
    this.addDialog(new WaterfallDialog(DialogIds.senderNumberSteps, [this.offerStep.bind(this), this.offerAnsweredStep.bind(this)]));
    this.initialDialogId = DialogIds.senderNumberSteps;
  }

  private async offerStep(step: WaterfallStepContext<SenderNumberQuestionOptions>): Promise<DialogTurnResult> {
    const { options } = step;
    if (!offeredNumber(step.context, options.known)) return step.prompt(this.ask.id, options.ask);
    stepValues<{ offered?: boolean }>(step).offered = true;
    const offer: OfferOptions = {
      id: 'contact.senderNumber',
      prompt: '',
      offerKey: options.offerKey,
      known: options.known,
      options: yesNoOptions(step.context),
    };
    return step.prompt(DialogIds.senderNumberOffer, offer);
  }

  private async offerAnsweredStep(step: WaterfallStepContext<SenderNumberQuestionOptions>): Promise<DialogTurnResult> {
    if (!stepValues<{ offered?: boolean }>(step).offered) return step.endDialog(step.result);
    if (step.result === ANSWER_YES) return step.endDialog(offeredNumber(step.context, step.options.known)?.e164);
    const { ask } = step.options;
    if (step.result === ANSWER_NO) return step.prompt(this.ask.id, ask);
    // Another number typed instead of yes or no: taken when usable, else the question asked instead, with why.
    const typed = step.context.activity.text ?? '';
    const checked = this.check(typed, step.context);
    return checked.ok ? step.endDialog(typed) : step.prompt(this.ask.id, { ...ask, prompt: checked.retry });
  }
}

/**
 * "Op dit nummer: 0470 12 34 56?" with yes and no. The text is made when it is sent, so the
 * number stays out of the prompt's saved options; a number or address typed instead is the answer (the TYPED other answer).
 */
class SenderNumberOffer extends OptionPrompt<OfferOptions> {
  protected override async onPrompt(context: TurnContext, _state: object, offer: OfferOptions, isRetry: boolean): Promise<void> {
    const { id, offerKey, known, options: choices } = offer;
    const { t } = turnServices(context);
    const question = t(offerKey, { number: offeredNumber(context, known)?.national ?? '' });
    const text = isRetry ? t('common:choice.retry', { question }) : question;
    await context.sendActivity(renderQuestion(context.activity.channelId, { id, text, options: choices }, t));
  }
}
