import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Intent } from '../../domain/nluContract.js';
import { DialogIds } from '../dialogIds.js';
import type { HandOver } from '../capabilityOptions.js';
import type { CarriesOver, HearsAside } from '../prompts/openQuestion.js';
import { OptionPrompt, yesNoOptions, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { BookingAccessDialog, bookingKnownIn, bookingMadeHere, type AccessOptions, type BookingKnown } from './bookingAccessDialog.js';
import { turnServices } from '../../bot/turnState.js';

/** How a cancel or a move starts: on intent, or after a change of mind in the other with what it knew. */
export interface BookingChangeOptions {
  known?: BookingKnown;
}

/** The other change a resident may switch to while in this one, and how the message says so. */
export interface OtherChange {
  intent: Extract<Intent, 'appointment.cancel' | 'appointment.reschedule'>;
  wished(text: string): boolean;
}

/**
 * What cancel and move have in common: the resident first proves to own the booking (the
 * code-and-contact check), and says yes to the change before it is made. A change of mind to the
 * other one ("ach nee, annuleer hem toch maar gewoon" while moving) at any of its questions ends it
 * with a hand-over to the other, which goes on with the booking found or the code given (and asks
 * its own yes/no before it changes anything).
 */
export abstract class BookingChangeDialog extends ComponentDialog implements HearsAside, CarriesOver {
  constructor(
    dialogId: string,
    protected readonly deps: AppointmentDeps,
    private readonly stepsId: string,
    private readonly other?: OtherChange,
  ) {
    super(dialogId);
    this.addDialog(new BookingAccessDialog(deps));
    this.addDialog(new OptionPrompt(DialogIds.appointmentConfirmPrompt));
  }

  /** The other change, asked where the root reads a change of mind ("wacht nee toch niet, kan ik ze verzetten?"): what this one knew. */
  carriedOver(innerDc: DialogContext, intent: Intent): object | undefined {
    if (intent !== 'appointment.cancel' && intent !== 'appointment.reschedule') return undefined;
    return { known: bookingKnownIn(innerDc, this.stepsId) } satisfies BookingChangeOptions;
  }

  hearsAside(innerDc: DialogContext): boolean {
    return this.other?.wished(innerDc.context.activity.text ?? '') === true;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (!this.other || !this.hearsAside(innerDc)) return super.onContinueDialog(innerDc);
    const options: BookingChangeOptions = { known: bookingKnownIn(innerDc, this.stepsId) };
    const handOver: HandOver = { handOver: { intent: this.other.intent, options } };
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: handOver };
  }

  /**
   * The code-and-contact check (its first question says what it is for), or the booking already found before a
   * change of mind, or the one booking made in this conversation when the message names no code.
   */
  protected async checkAccess(
    step: WaterfallStepContext<BookingChangeOptions>,
    purpose: NonNullable<AccessOptions['purpose']>,
  ): Promise<DialogTurnResult> {
    const known = step.options?.known;
    if (known?.found) return step.next(known.found);
    const madeHere = known?.code ? undefined : await bookingMadeHere(step, this.deps);
    if (madeHere) {
      await step.context.sendActivity(turnServices(step.context).t('appointments:access.madeHere'));
      return step.next(madeHere);
    }
    return step.beginDialog(DialogIds.appointmentAccess, { purpose, ...(known?.code ? { code: known.code } : {}) } satisfies AccessOptions);
  }

  /** The yes/no question before the change; the next step gets ANSWER_YES or ANSWER_NO. */
  protected confirm(step: WaterfallStepContext, id: string, question: string): Promise<DialogTurnResult> {
    const prompt: OptionPromptOptions = { id, prompt: question, options: yesNoOptions(step.context) };
    return step.prompt(DialogIds.appointmentConfirmPrompt, prompt);
  }
}
