import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Intent } from '../../domain/nluContract.js';
import { turnServices } from '../../bot/turnState.js';
import { knownService } from '../../services/appointments/serviceCatalog.js';
import { DialogIds } from '../dialogIds.js';
import { ANSWER_YES, yesNoOptions, OptionPrompt, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { requestIdOf } from '../requestId.js';
import { bookingMoment, summaryLines } from './appointmentTexts.js';
import {
  attemptKeyOf,
  BookingAccessDialog,
  bookingKnownIn,
  sendAccessFailure,
  type AccessOptions,
  type BookingAccessResult,
  type ChangedMindOptions,
} from './bookingAccessDialog.js';
import type { CarriesOver } from '../prompts/openQuestion.js';
import { stepValues } from '../stepValues.js';

/**
 * Cancels a booked appointment after the code-and-contact check and a yes/no question. A change of mind to
 * moving it ("wacht, kan ik ze verzetten?") hands the move the code or the booking found.
 */
export class CancelBookingDialog extends ComponentDialog implements CarriesOver {
  constructor(private readonly deps: AppointmentDeps) {
    super(DialogIds.cancelAppointment);
    this.addDialog(new BookingAccessDialog(deps));
    this.addDialog(new OptionPrompt(DialogIds.appointmentConfirmPrompt));
    this.addDialog(
      new WaterfallDialog(DialogIds.cancelAppointmentSteps, [
        this.accessStep.bind(this),
        this.confirmStep.bind(this),
        this.cancelStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.cancelAppointmentSteps;
  }

  carriedOver(innerDc: DialogContext, intent: Intent): object | undefined {
    if (intent !== 'appointment.reschedule') return undefined;
    return { known: bookingKnownIn(innerDc, DialogIds.cancelAppointmentSteps) } satisfies ChangedMindOptions;
  }

  private async accessStep(step: WaterfallStepContext<ChangedMindOptions>): Promise<DialogTurnResult> {
    const known = step.options?.known;
    if (known?.found) return step.next(known.found);
    return step.beginDialog(DialogIds.appointmentAccess, { purpose: 'cancel', code: known?.code } satisfies AccessOptions);
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const access = step.result as BookingAccessResult | undefined;
    if (!access) return step.endDialog();
    remembered(step).access = access;
    const { t, language } = turnServices(step.context);
    const service = knownService(this.deps.catalog, access.booking.service);
    const prompt: OptionPromptOptions = {
      id: 'appointments.cancel',
      prompt: [...summaryLines(t, language, { service, ...bookingMoment(access.booking) }), t('appointments:cancel.question')].join('\n'),
      options: yesNoOptions(step.context),
    };
    return step.prompt(DialogIds.appointmentConfirmPrompt, prompt);
  }

  private async cancelStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    if (step.result !== ANSWER_YES) {
      await step.context.sendActivity(t('appointments:cancel.kept'));
      return step.endDialog();
    }
    const access = remembered(step).access!;
    const result = await this.deps.provider.cancel({
      code: access.code,
      contact: access.contact,
      attemptKey: attemptKeyOf(step),
      requestId: requestIdOf(step.context),
    });
    if (result.ok) {
      await step.context.sendActivity(t('appointments:cancel.done'));
      return step.endDialog({ cancelled: result.booking.code });
    }
    await sendAccessFailure(step, this.deps, result.failure);
    return step.endDialog();
  }
}

/** What the steps remember between turns. */
interface Remembered {
  access?: BookingAccessResult;
}

function remembered(step: WaterfallStepContext): Remembered {
  return stepValues<Remembered>(step);
}
