import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogReason,
  WaterfallDialog,
  type DialogContext,
  type DialogInstance,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { turnServices } from '../../bot/turnState.js';
import type { AccessFailure, BookingAccess, ClosedBookingFailure } from '../../services/appointments/bookingProvider.js';
import type { Booking, BookingContact } from '../../stores/bookings/bookingStore.js';
import { DialogIds } from '../dialogIds.js';
import { OptionPrompt, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import { LostCodeDialog } from './lostCodeDialog.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import {
  REPEATED_FAILURES,
  bookingCodeInRequest,
  codeLostInRequest,
  bookingCodePrompt,
  callUsLine,
  checkContact,
  contactPrompt,
  findBookingCode,
  readContact,
} from './appointmentPrompts.js';
import { SenderNumberQuestion, type SenderNumberQuestionOptions } from '../prompts/senderNumberQuestion.js';
import { formatTime, parseInstant, toBrussels, clockLabel } from '../../services/brusselsTime.js';
import { requestIdOf } from '../requestId.js';
import { stepValues } from '../stepValues.js';

/** Proof that the resident owns the booking, and its current state: what cancel and move go on with. */
export interface BookingAccessResult {
  code: string;
  contact: BookingContact;
  booking: Booking;
}

const TRY_AGAIN = 'tryAgain';
const STOP = 'stop';

/**
 * Asks the booking code and the contact given when booking, and looks the booking up. Wrong code
 * and wrong contact get the same answer; wrong attempts are limited per conversation by the provider.
 * After repeated failures every way out gives the phone, also a "stop" in the middle of a question.
 * Ends with a BookingAccessResult for an active, future appointment, or with nothing.
 */
export class BookingAccessDialog extends ComponentDialog {
  constructor(private readonly deps: AppointmentDeps) {
    super(DialogIds.appointmentAccess);
    this.addDialog(bookingCodePrompt(DialogIds.appointmentCodePrompt, deps.phone));
    this.addDialog(
      new SenderNumberQuestion(DialogIds.appointmentAccessContactQuestion, contactPrompt(DialogIds.appointmentContactPrompt), checkContact),
    );
    this.addDialog(new OptionPrompt(DialogIds.appointmentTryAgainPrompt));
    this.addDialog(new LostCodeDialog(deps));
    this.addDialog(
      new WaterfallDialog(DialogIds.appointmentAccessSteps, [
        this.codeStep.bind(this),
        this.contactStep.bind(this),
        this.checkStep.bind(this),
        this.tryAgainStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.appointmentAccessSteps;
  }

  /** Stopped ("stop", "laat maar") after repeated failures: the resident still learns whom to call. */
  override async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    // Read before ending: ending a cancelled component empties its inner stack.
    const failures = reason === DialogReason.cancelCalled ? failuresIn(instance) : 0;
    await super.endDialog(context, instance, reason);
    if (failures < REPEATED_FAILURES) return;
    await context.sendActivity(callUsLine(context, this.deps.phone));
  }

  private async codeStep(step: WaterfallStepContext<AccessAttempt>): Promise<DialogTurnResult> {
    // Carried over from the try before (replaceDialog starts with fresh values); from here on values hold it.
    remembered(step).lookupFailures = step.options?.lookupFailures ?? 0;
    const { t } = turnServices(step.context);
    const purpose = step.options?.purpose;
    // Given before the resident changed their mind (cancel instead of move), or in the request that started this
    // ("annuleer afspraak K9F-U4H"): what they do now, then the contact. A new try asks the code.
    const firstTry = step.options?.lookupFailures === undefined;
    const request = firstTry ? (step.context.activity.text ?? '') : '';
    const known = step.options?.code ?? bookingCodeInRequest(request);
    // "verplaatsen maar ik weet mijn code niet meer": no code question, straight to where the code is.
    if (known || (!step.options?.code && codeLostInRequest(request))) {
      if (purpose) await step.context.sendActivity(t(`appointments:access.purpose.${purpose}`));
      return step.next(known ?? '');
    }
    const question = t('appointments:access.codeQuestion');
    return step.prompt(DialogIds.appointmentCodePrompt, {
      prompt: purpose ? [t(`appointments:access.purpose.${purpose}`), question].join('\n') : question,
      retryPrompt: t('appointments:access.codeRetry'),
    });
  }

  private async contactStep(step: WaterfallStepContext<AccessAttempt>): Promise<DialogTurnResult> {
    const code = findBookingCode(String(step.result));
    const { t } = turnServices(step.context);
    if (code === undefined) return step.replaceDialog(DialogIds.appointmentLostCode);
    remembered(step).code = code;
    const question: SenderNumberQuestionOptions = {
      offerKey: 'appointments:access.senderNumber',
      ask: { prompt: t('appointments:access.contactQuestion'), retryPrompt: t('appointments:contact.retry') },
    };
    return step.beginDialog(DialogIds.appointmentAccessContactQuestion, question);
  }

  private async checkStep(step: WaterfallStepContext<AccessAttempt>): Promise<DialogTurnResult> {
    const answer = readContact(String(step.result));
    if (!answer.ok) throw new Error('the contact prompt let an unreadable contact through');
    const code = remembered(step).code!;
    const found = await this.deps.provider.lookup({ code, contact: answer.contact, attemptKey: attemptKeyOf(step) });
    const { t } = turnServices(step.context);
    if (!found.ok) {
      if (found.failure.code === 'tooManyAttempts') {
        await sendTooManyAttempts(step, this.deps, found.failure);
        return step.endDialog();
      }
      const failures = (remembered(step).lookupFailures = (remembered(step).lookupFailures ?? 0) + 1);
      const callUs = failures >= REPEATED_FAILURES ? [callUsLine(step.context, this.deps.phone)] : [];
      const prompt: OptionPromptOptions = {
        id: 'appointments.tryAgain',
        prompt: [t('appointments:access.notFound'), ...callUs, t('appointments:access.tryAgainQuestion')].join('\n'),
        options: [
          { value: TRY_AGAIN, label: t('appointments:access.tryAgain') },
          { value: STOP, label: t('appointments:access.stop') },
        ],
      };
      return step.prompt(DialogIds.appointmentTryAgainPrompt, prompt);
    }
    const { booking } = found;
    if (booking.status !== 'booked') {
      await step.context.sendActivity(t('appointments:access.notActive'));
      return step.endDialog();
    }
    if (parseInstant(booking.start) <= this.deps.clock().getTime()) {
      await step.context.sendActivity(t('appointments:access.started', { phone: this.deps.phone.display }));
      return step.endDialog();
    }
    return step.endDialog({ code, contact: answer.contact, booking } satisfies BookingAccessResult);
  }

  private async tryAgainStep(step: WaterfallStepContext<AccessAttempt>): Promise<DialogTurnResult> {
    if (step.result === TRY_AGAIN) {
      return step.replaceDialog(DialogIds.appointmentAccessSteps, {
        lookupFailures: remembered(step).lookupFailures,
      } satisfies AccessAttempt);
    }
    const { t } = turnServices(step.context);
    await step.context.sendActivity(t('appointments:access.stopped', { phone: this.deps.phone.display }));
    return step.endDialog();
  }
}

/** Wrong attempts count per conversation: one conversation cannot try many codes. */
function attemptKeyOf(step: WaterfallStepContext): string {
  return step.context.activity.conversation?.id ?? 'unknown-conversation';
}

/**
 * The one booking made in this conversation, still active and to come, when the message that asks to change
 * an appointment names no code ("oei, toch annuleren" right after booking): the code and contact are known.
 */
export async function bookingMadeHere(step: WaterfallStepContext, deps: AppointmentDeps): Promise<BookingAccessResult | undefined> {
  if (bookingCodeInRequest(step.context.activity.text ?? '') !== undefined) return undefined;
  const here = await deps.madeHere?.onlyOne(step.context);
  if (!here) return undefined;
  const found = await deps.provider.lookup({ code: here.code, contact: here.contact, attemptKey: attemptKeyOf(step) });
  if (!found.ok || found.booking.status !== 'booked' || parseInstant(found.booking.start) <= deps.clock().getTime()) return undefined;
  return { code: here.code, contact: here.contact, booking: found.booking };
}

/** What a cancel or a move of the reached booking is asked with: its access, counted like the lookup, and this turn's request id. */
export function bookingChangeRequest(step: WaterfallStepContext, access: BookingAccessResult): BookingAccess & { requestId: string } {
  return { code: access.code, contact: access.contact, attemptKey: attemptKeyOf(step), requestId: requestIdOf(step.context) };
}

async function sendTooManyAttempts(
  step: WaterfallStepContext,
  deps: AppointmentDeps,
  failure: Extract<AccessFailure, { code: 'tooManyAttempts' }>,
): Promise<void> {
  const { t, language } = turnServices(step.context);
  const time = clockLabel(formatTime(toBrussels(Date.parse(failure.retryAfter)).minutes), language);
  await step.context.sendActivity(t('appointments:access.tooMany', { time, phone: deps.phone.display }));
}

/** Why a cancel or a move of a booking the resident reached could not be done, in one message. */
export async function sendAccessFailure(
  step: WaterfallStepContext,
  deps: AppointmentDeps,
  failure: AccessFailure | ClosedBookingFailure,
): Promise<void> {
  const { t } = turnServices(step.context);
  switch (failure.code) {
    case 'tooManyAttempts':
      return sendTooManyAttempts(step, deps, failure);
    case 'notFound':
      await step.context.sendActivity(t('appointments:access.notFound'));
      return;
    case 'alreadyCancelled':
      await step.context.sendActivity(t('appointments:access.notActive'));
      return;
    case 'alreadyStarted':
      await step.context.sendActivity(t('appointments:access.started', { phone: deps.phone.display }));
  }
}

/** What the steps remember between turns. */
interface Remembered {
  code?: string;
  lookupFailures?: number;
}

/** What a new try carries over from the tries before it. */
interface AccessAttempt {
  lookupFailures?: number;
  /** What the resident is doing, said once before the first code question ("U wilt een afspraak annuleren."). */
  purpose?: AccessPurpose;
  /** The code, when given before the resident changed their mind (cancel instead of move): not asked again. */
  code?: string;
}

/** What a cancel or a move hands the other when the resident changes their mind: the booking found, or the code given. */
export interface BookingKnown {
  found?: BookingAccessResult;
  code?: string;
}

/**
 * How far a cancel or a move got (`innerDc`: its own inner context, `stepsId`: its steps, whose values keep
 * `access` once the booking was found): the booking found, else the code given at the open access dialog.
 */
export function bookingKnownIn(innerDc: DialogContext, stepsId: string): BookingKnown {
  const steps = innerDc.stack.find((instance) => instance.id === stepsId);
  const found = (steps?.state as { values?: { access?: BookingAccessResult } } | undefined)?.values?.access;
  if (found) return { found };
  const access = innerDc.stack.find((instance) => instance.id === DialogIds.appointmentAccess);
  const stack = (access?.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack ?? [];
  const accessSteps = stack.find((dialog) => dialog.id === DialogIds.appointmentAccessSteps);
  const code = (accessSteps?.state as { values?: Remembered } | undefined)?.values?.code;
  return code ? { code } : {};
}

/** Why the booking is looked up: the first code question says it, so "ik kan niet komen" read as cancel can be corrected. */
type AccessPurpose = 'cancel' | 'move';

/** What cancel and move pass when they start the access dialog. */
export type AccessOptions = Pick<AccessAttempt, 'purpose' | 'code'>;

/** Failed tries so far in an active access dialog: bookings not found, plus wrong answers to the open code question. */
function failuresIn(instance: DialogInstance): number {
  const stack = (instance.state as { dialogs?: DialogState }).dialogs?.dialogStack ?? [];
  const steps = stack.find((dialog) => dialog.id === DialogIds.appointmentAccessSteps);
  const code = stack.find((dialog) => dialog.id === DialogIds.appointmentCodePrompt);
  const lookups = (steps?.state as { values?: Remembered } | undefined) ?? {};
  const wrongCodes = (code?.state as { state?: { attemptCount?: number } } | undefined)?.state?.attemptCount ?? 0;
  return (lookups.values?.lookupFailures ?? 0) + wrongCodes;
}

function remembered(step: WaterfallStepContext): Remembered {
  return stepValues<Remembered>(step);
}
