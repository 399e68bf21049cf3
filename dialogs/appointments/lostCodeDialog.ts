import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnServices } from '../../bot/turnState.js';
import type { PhoneAvailability } from '../../services/callback/phoneAvailability.js';
import { phoneAvailabilityOf } from '../../services/municipality/phoneLine.js';
import { DialogIds } from '../dialogIds.js';
import type { HandoffOptions } from '../handoffDialog.js';
import { staffBackSentence } from '../handoffWording.js';
import { ANSWER_YES, OptionPrompt, yesNoOptions, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';

/**
 * The resident has no booking code ("weet ik niet meer", "kwijt"): where the code is (the
 * confirmation), then the phone while it is staffed, or else the offer to be called back, which
 * goes straight to the callback's moment question.
 */
export class LostCodeDialog extends ComponentDialog {
  private readonly availability: PhoneAvailability;

  constructor(private readonly deps: Pick<AppointmentDeps, 'phone' | 'municipality' | 'clock'>) {
    super(DialogIds.appointmentLostCode);
    this.availability = phoneAvailabilityOf(deps.municipality);
    this.addDialog(new OptionPrompt(DialogIds.appointmentLostCodeCallback));
    this.addDialog(new WaterfallDialog(DialogIds.appointmentLostCodeSteps, [this.tellStep.bind(this), this.answeredStep.bind(this)]));
    this.initialDialogId = DialogIds.appointmentLostCodeSteps;
  }

  private async tellStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    await step.context.sendActivity(t('appointments:access.codeWhere'));
    if (this.availability.status(this.deps.clock()).staffedNow) {
      await step.context.sendActivity(t('appointments:access.noCode', { phone: this.deps.phone.display }));
      return step.endDialog();
    }
    const offer: OptionPromptOptions = {
      id: 'appointments.lostCodeCallback',
      prompt: t('appointments:access.callbackOffer'),
      options: yesNoOptions(step.context),
    };
    return step.prompt(DialogIds.appointmentLostCodeCallback, offer);
  }

  private async answeredStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== ANSWER_YES) {
      // No callback: the number, and when someone answers it again.
      const { t, language } = turnServices(step.context);
      const now = this.deps.clock();
      const status = this.availability.status(now);
      const lines = [t('appointments:access.noCode', { phone: this.deps.phone.display })];
      if (!status.staffedNow && status.next) lines.push(staffBackSentence(t, language, now, status.next));
      await step.context.sendActivity(lines.join('\n'));
      return step.endDialog();
    }
    return step.replaceDialog(DialogIds.handoff, { callbackWanted: true } satisfies HandoffOptions);
  }
}
