import { ComponentDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Intent } from '../../domain/nluContract.js';
import { DialogIds } from '../dialogIds.js';
import { OptionPrompt, yesNoOptions, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { BookingAccessDialog, bookingKnownIn, type AccessOptions, type ChangedMindOptions } from './bookingAccessDialog.js';
import type { CarriesOver } from '../prompts/openQuestion.js';

/** Which change a cancel or a move is: its steps (whose values keep `access`), and the other change a change of mind goes to. */
interface ChangeKind {
  steps: string;
  changesTo: Intent;
}

/**
 * What cancel and move have in common: the resident first proves to own the booking (the
 * code-and-contact check), and says yes to the change before it is made. A change of mind to the
 * other ("wacht nee toch niet, kan ik ze verzetten?" while cancelling) hands it the code given or the booking found.
 */
export abstract class BookingChangeDialog extends ComponentDialog implements CarriesOver {
  constructor(
    dialogId: string,
    protected readonly deps: AppointmentDeps,
    private readonly change: ChangeKind,
  ) {
    super(dialogId);
    this.addDialog(new BookingAccessDialog(deps));
    this.addDialog(new OptionPrompt(DialogIds.appointmentConfirmPrompt));
  }

  carriedOver(innerDc: DialogContext, intent: Intent): object | undefined {
    if (intent !== this.change.changesTo) return undefined;
    return { known: bookingKnownIn(innerDc, this.change.steps) } satisfies ChangedMindOptions;
  }

  /**
   * The code-and-contact check; its first question says what it is for. After a change of mind in the other
   * change, what that one knew: the booking found (no check), or the code (only the contact is asked).
   */
  protected checkAccess(step: WaterfallStepContext, purpose: NonNullable<AccessOptions['purpose']>): Promise<DialogTurnResult> {
    const known = (step.options as ChangedMindOptions | undefined)?.known;
    if (known?.found) return step.next(known.found);
    return step.beginDialog(DialogIds.appointmentAccess, { purpose, code: known?.code } satisfies AccessOptions);
  }

  /** The yes/no question before the change; the next step gets ANSWER_YES or ANSWER_NO. */
  protected confirm(step: WaterfallStepContext, id: string, question: string): Promise<DialogTurnResult> {
    const prompt: OptionPromptOptions = { id, prompt: question, options: yesNoOptions(step.context) };
    return step.prompt(DialogIds.appointmentConfirmPrompt, prompt);
  }
}
