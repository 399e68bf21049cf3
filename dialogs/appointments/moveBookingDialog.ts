import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnServices } from '../../bot/turnState.js';
import type { Recognition } from '../../nlu/recognizer.js';
import { knownService, type AppointmentService } from '../../services/appointments/serviceCatalog.js';
import type { FreeSlot } from '../../services/appointments/slots.js';
import { DialogIds } from '../dialogIds.js';
import { ANSWER_YES } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { bookedCard, bookingMoment, explainUnbookable, momentText, summaryLines } from './appointmentTexts.js';
import { bookingChangeRequest, sendAccessFailure, type BookingAccessResult } from './bookingAccessDialog.js';
import { BookingChangeDialog, type BookingChangeOptions } from './bookingChangeDialog.js';
import { wishesToCancel } from './changeWish.js';
import { readMomentWish, type MomentWish } from './momentWish.js';
import { SlotChoiceDialog, slotChoiceFor, type SlotChoiceOptions } from './slotChoiceDialog.js';
import { stepValues } from '../stepValues.js';

interface MoveBookingDialogOptions extends BookingChangeOptions {
  /** The message that asked to move: what it says about when is used ("kan het naar donderdag?", "donderdag past niet meer"). */
  recognition?: Recognition | null;
}

/** Carried over when the steps start again after the new slot was taken. */
interface MoveState {
  access: BookingAccessResult;
  said?: MomentWish;
  proposal?: FreeSlot[];
  intro?: string[];
}

/**
 * "mijn afspraak van zaterdag", "de afspraak op 3 maart om 10u": the appointment being moved, not the wish
 * ("… verzetten naar volgende week"); it runs to "naar", the verb or the end of the clause.
 */
const OLD_MOMENT =
  /\b(afspraak|appointment)\s+(?:van|op|voor|om|on|for)\s+.*?(?=\s+(?:naar|tot|verzet\w*|verplaats\w*|verander\w*|wijzig\w*|verschuiv\w*|to|move)\b|[,.?!;]|$)/giu;

/** The steps' options: the dialog's own, and when they start again, what they carry over. */
type MoveStepsOptions = MoveBookingDialogOptions & { state?: MoveState };

/**
 * Moves a booked appointment to a new slot after the code-and-contact check. The old slot stays
 * booked until the resident confirms the new one; the provider then swaps them in one step.
 */
export class MoveBookingDialog extends BookingChangeDialog {
  constructor(deps: AppointmentDeps) {
    // "ach nee, annuleer hem toch maar gewoon" at any question of the move: cancelling it, with the booking found.
    super(DialogIds.moveAppointment, deps, DialogIds.moveAppointmentSteps, { intent: 'appointment.cancel', wished: wishesToCancel });
    this.addDialog(new SlotChoiceDialog(deps));
    this.addDialog(
      new WaterfallDialog(DialogIds.moveAppointmentSteps, [
        this.accessStep.bind(this),
        this.slotStep.bind(this),
        this.confirmStep.bind(this),
        this.moveStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.moveAppointmentSteps;
  }

  private async accessStep(step: WaterfallStepContext<MoveStepsOptions>): Promise<DialogTurnResult> {
    const options: MoveStepsOptions = step.options ?? {};
    if (options.state) return step.next(options.state.access);
    // Only the message that asked to move carries a wish ("nee, liever donderdag" where the cancel handed over);
    // read it now, before the code and contact answers.
    const text = step.context.activity.text;
    if ((options.recognition?.intent === 'appointment.reschedule' || options.known) && text) {
      const said = readMomentWish(text.replace(OLD_MOMENT, '$1'), this.deps.clock());
      if (said) remembered(step).said = said;
    }
    return this.checkAccess(step, 'move');
  }

  private async slotStep(step: WaterfallStepContext<MoveStepsOptions>): Promise<DialogTurnResult> {
    const access = step.result as BookingAccessResult | undefined;
    if (!access) return step.endDialog();
    const { state }: MoveStepsOptions = step.options ?? {};
    const { t, language } = turnServices(step.context);
    const service = this.serviceOf(access);
    remembered(step).access = access;
    if (!state) {
      const current = bookingMoment(access.booking);
      await step.context.sendActivity([t('appointments:move.current'), ...summaryLines(t, language, { service, ...current })].join('\n'));
    }
    // The appointment being moved is never offered again, and "later in de week" counts from it.
    const moving = { ...bookingMoment(access.booking), start: access.booking.start };
    const said = state?.said ?? remembered(step).said;
    remembered(step).said = said;
    const base = { service: service.id, moving };
    const asked: SlotChoiceOptions = said ? slotChoiceFor(said, base, [], this.deps.clock()) : base;
    // The new slot was taken meanwhile: the next free ones, still without the days refused.
    const choice: SlotChoiceOptions = state?.proposal
      ? {
          ...base,
          ...(asked.avoid ? { avoid: asked.avoid } : {}),
          proposal: state.proposal,
          ...(state.intro ? { intro: state.intro } : {}),
        }
      : asked;
    return step.beginDialog(DialogIds.appointmentSlotChoice, choice);
  }

  private async confirmStep(step: WaterfallStepContext<MoveStepsOptions>): Promise<DialogTurnResult> {
    const slot = step.result as FreeSlot | undefined;
    if (!slot) return step.endDialog();
    remembered(step).slot = slot;
    const access = remembered(step).access!;
    const { t, language } = turnServices(step.context);
    const current = bookingMoment(access.booking);
    const question = t('appointments:move.question', {
      from: momentText(t, language, current.day, current.time),
      to: momentText(t, language, slot.day, slot.time),
    });
    return this.confirm(step, 'appointments.move', question);
  }

  private async moveStep(step: WaterfallStepContext<MoveStepsOptions>): Promise<DialogTurnResult> {
    const { t, language } = turnServices(step.context);
    if (step.result !== ANSWER_YES) {
      await step.context.sendActivity(t('appointments:move.kept'));
      return step.endDialog();
    }
    const access = remembered(step).access!;
    const slot = remembered(step).slot!;
    const result = await this.deps.provider.move({ ...bookingChangeRequest(step, access), newStart: slot.start });
    if (result.ok) {
      await step.context.sendActivity(bookedCard(step.context, this.deps, result.booking, 'appointments:moved.title'));
      return step.endDialog({ moved: result.booking.code });
    }
    const { failure } = result;
    switch (failure.code) {
      case 'slotTaken':
      case 'notBookable': {
        const intro = [
          failure.code === 'slotTaken' ? t('appointments:booked.slotTaken') : explainUnbookable(failure.reason, this.deps, t, language),
        ];
        const said = remembered(step).said;
        const state: MoveState = { access, proposal: failure.nextFree, intro, ...(said ? { said } : {}) };
        return step.replaceDialog(DialogIds.moveAppointmentSteps, { state });
      }
      case 'tooManyAttempts':
      case 'notFound':
      case 'alreadyCancelled':
      case 'alreadyStarted':
        await sendAccessFailure(step, this.deps, failure);
        break;
      case 'unknownService':
        throw new RangeError(`the catalog has no service ${access.booking.service}`);
    }
    return step.endDialog();
  }

  private serviceOf(access: BookingAccessResult): AppointmentService {
    return knownService(this.deps.catalog, access.booking.service);
  }
}

/** What the steps remember between turns. */
interface Remembered {
  access?: BookingAccessResult;
  said?: MomentWish;
  slot?: FreeSlot;
}

function remembered(step: WaterfallStepContext): Remembered {
  return stepValues<Remembered>(step);
}
