import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Intent } from '../../domain/nluContract.js';
import { DialogIds } from '../dialogIds.js';
import type { HandOver } from '../mainDialog.js';
import type { HearsAside } from '../prompts/openQuestion.js';
import { OptionPrompt, yesNoOptions, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { BookingAccessDialog, bookingKnownIn, type AccessOptions, type BookingKnown } from './bookingAccessDialog.js';

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
export abstract class BookingChangeDialog extends ComponentDialog implements HearsAside {
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

  /** The code-and-contact check (its first question says what it is for), or the booking already found before a change of mind. */
  protected checkAccess(
    step: WaterfallStepContext<BookingChangeOptions>,
    purpose: NonNullable<AccessOptions['purpose']>,
  ): Promise<DialogTurnResult> {
    const known = step.options?.known;
    if (known?.found) return step.next(known.found);
    return step.beginDialog(DialogIds.appointmentAccess, { purpose, ...(known?.code ? { code: known.code } : {}) } satisfies AccessOptions);
  }

  /** The yes/no question before the change; the next step gets ANSWER_YES or ANSWER_NO. */
  protected confirm(step: WaterfallStepContext, id: string, question: string): Promise<DialogTurnResult> {
    const prompt: OptionPromptOptions = { id, prompt: question, options: yesNoOptions(step.context) };
    return step.prompt(DialogIds.appointmentConfirmPrompt, prompt);
  }
}

/** A word for calling the appointment off ("annuleer hem", "zeg ze maar af", "schrap die afspraak"), not under a negation. */
const CANCEL_VERB =
  /(?<!\p{L})(?:annul\p{L}*|afzeg\p{L}*|afgezegd|zeg\p{L}*(?:\s+\p{L}+){0,3}\s+af|schrap\p{L}*|afgelast\p{L}*|cancel\p{L}*|afbestel\p{L}*)(?!\p{L})/u;
const NOT_CANCEL = /(?<!\p{L})(?:niet|nie|ni|geen|not|don'?t)\s+(?:\p{L}+\s+)?(?:annul|afzeg|zeg|schrap|afgelast|cancel|afbestel)/u;

/** Whether the resident asks to cancel the appointment itself ("ach nee, annuleer hem toch maar gewoon"), not just to stop. */
export function wishesToCancel(text: string): boolean {
  const said = text.toLowerCase();
  return CANCEL_VERB.test(said) && !NOT_CANCEL.test(said);
}
