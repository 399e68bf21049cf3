import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnServices } from '../../bot/turnState.js';
import { knownService } from '../../services/appointments/serviceCatalog.js';
import { DialogIds } from '../dialogIds.js';
import { ANSWER_YES } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { bookingMoment, summaryLines } from './appointmentTexts.js';
import { bookingChangeRequest, sendAccessFailure, type BookingAccessResult } from './bookingAccessDialog.js';
import { BookingChangeDialog, type BookingChangeOptions } from './bookingChangeDialog.js';
import { stepValues } from '../stepValues.js';

/** Cancels a booked appointment after the code-and-contact check and a yes/no question. */
export class CancelBookingDialog extends BookingChangeDialog {
  constructor(deps: AppointmentDeps) {
    super(DialogIds.cancelAppointment, deps, DialogIds.cancelAppointmentSteps);
    this.addDialog(
      new WaterfallDialog(DialogIds.cancelAppointmentSteps, [
        this.accessStep.bind(this),
        this.confirmStep.bind(this),
        this.cancelStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.cancelAppointmentSteps;
  }

  private async accessStep(step: WaterfallStepContext<BookingChangeOptions>): Promise<DialogTurnResult> {
    return this.checkAccess(step, 'cancel');
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const access = step.result as BookingAccessResult | undefined;
    if (!access) return step.endDialog();
    remembered(step).access = access;
    const { t, language } = turnServices(step.context);
    const service = knownService(this.deps.catalog, access.booking.service);
    const summary = summaryLines(t, language, { service, ...bookingMoment(access.booking) });
    return this.confirm(step, 'appointments.cancel', [...summary, t('appointments:cancel.question')].join('\n'));
  }

  private async cancelStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    if (step.result !== ANSWER_YES) {
      await step.context.sendActivity(t('appointments:cancel.kept'));
      return step.endDialog();
    }
    const access = remembered(step).access!;
    const result = await this.deps.provider.cancel(bookingChangeRequest(step, access));
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
