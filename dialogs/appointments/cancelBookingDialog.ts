import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { readYesNo } from '../../bot/channels/yesNoAnswer.js';
import { turnServices } from '../../bot/turnState.js';
import { knownService } from '../../services/appointments/serviceCatalog.js';
import { DialogIds } from '../dialogIds.js';
import { ANSWER_YES } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { bookingMoment, summaryLines } from './appointmentTexts.js';
import { bookingChangeRequest, sendAccessFailure, type BookingAccessResult } from './bookingAccessDialog.js';
import { BookingChangeDialog, type BookingChangeOptions } from './bookingChangeDialog.js';
import { newBookingAsked, wishesToMove } from './changeWish.js';
import { visitWhenIn, type VisitWhen } from './firstMessageWish.js';
import { readMomentWish } from './momentWish.js';
import { handOverToBooking } from '../capabilityOptions.js';
import { stepValues } from '../stepValues.js';

/**
 * Cancels a booked appointment after the code-and-contact check and a yes/no question. A wish to move it
 * instead ("nee, liever verzetten", "kan het niet op donderdag?") hands over to moving, with the booking found;
 * a new booking asked with the cancel ("ja, en maak dan een nieuwe voor dinsdag") follows once it is cancelled.
 */
export class CancelBookingDialog extends BookingChangeDialog {
  constructor(deps: AppointmentDeps) {
    super(DialogIds.cancelAppointment, deps, DialogIds.cancelAppointmentSteps, { intent: 'appointment.reschedule', wished: wishesToMove });
    this.addDialog(
      new WaterfallDialog(DialogIds.cancelAppointmentSteps, [
        this.accessStep.bind(this),
        this.confirmStep.bind(this),
        this.cancelStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.cancelAppointmentSteps;
  }

  /** At the yes/no question, a moment that is no yes ("nee, liever donderdag", "kan het woensdag?") asks to move it. */
  override hearsAside(innerDc: DialogContext): boolean {
    if (super.hearsAside(innerDc)) return true;
    if (innerDc.activeDialog?.id !== DialogIds.appointmentConfirmPrompt) return false;
    const text = innerDc.context.activity.text ?? '';
    if (readYesNo(text, turnServices(innerDc.context).language, 'confirmation')?.meaning === 'yes' || newBookingAsked(text)) return false;
    return readMomentWish(text, this.deps.clock()) !== undefined;
  }

  private async accessStep(step: WaterfallStepContext<BookingChangeOptions>): Promise<DialogTurnResult> {
    // "annuleer die van maandag en zet er een op woensdag": the new one, once this one is cancelled.
    const asked = newBookingAsked(step.context.activity.text ?? '');
    if (asked) remembered(step).next = visitWhenIn(asked, this.deps.clock()) ?? {};
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
      await this.deps.madeHere?.forget(step.context, result.booking.code);
      const asked = newBookingAsked(step.context.activity.text ?? '');
      const next = asked ? (visitWhenIn(asked, this.deps.clock()) ?? {}) : remembered(step).next;
      // The new booking asked with the cancel: the same service, at the moment said.
      if (next) return step.endDialog(handOverToBooking(access.booking.service, Object.keys(next).length > 0 ? next : undefined));
      return step.endDialog({ cancelled: result.booking.code });
    }
    await sendAccessFailure(step, this.deps, result.failure);
    return step.endDialog();
  }
}

/** What the steps remember between turns. */
interface Remembered {
  access?: BookingAccessResult;
  /** A new booking asked with the cancel, and what it said about when (empty: nothing). */
  next?: VisitWhen;
}

function remembered(step: WaterfallStepContext): Remembered {
  return stepValues<Remembered>(step);
}
