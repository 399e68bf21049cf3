import { ComponentDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DialogIds } from '../dialogIds.js';
import { OptionPrompt, yesNoOptions, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { BookingAccessDialog, type AccessOptions } from './bookingAccessDialog.js';

/**
 * What cancel and move have in common: the resident first proves to own the booking (the
 * code-and-contact check), and says yes to the change before it is made.
 */
export abstract class BookingChangeDialog extends ComponentDialog {
  constructor(
    dialogId: string,
    protected readonly deps: AppointmentDeps,
  ) {
    super(dialogId);
    this.addDialog(new BookingAccessDialog(deps));
    this.addDialog(new OptionPrompt(DialogIds.appointmentConfirmPrompt));
  }

  /** The code-and-contact check; its first question says what it is for. */
  protected checkAccess(step: WaterfallStepContext, purpose: NonNullable<AccessOptions['purpose']>): Promise<DialogTurnResult> {
    return step.beginDialog(DialogIds.appointmentAccess, { purpose } satisfies AccessOptions);
  }

  /** The yes/no question before the change; the next step gets ANSWER_YES or ANSWER_NO. */
  protected confirm(step: WaterfallStepContext, id: string, question: string): Promise<DialogTurnResult> {
    const prompt: OptionPromptOptions = { id, prompt: question, options: yesNoOptions(step.context) };
    return step.prompt(DialogIds.appointmentConfirmPrompt, prompt);
  }
}
