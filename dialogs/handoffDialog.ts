import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderInfoCard } from '../bot/channels/renderer.js';
import { turnServices } from '../bot/turnState.js';
import { DialogIds } from './dialogIds.js';

/** The municipality's phone line as residents dial it. */
export interface PhoneLine {
  display: string;
  e164: string;
}

/** Hands a resident over to a person: the phone number to call. */
export class HandoffDialog extends ComponentDialog {
  constructor(private readonly phone: PhoneLine) {
    super(DialogIds.handoff);
    this.addDialog(new WaterfallDialog(`${DialogIds.handoff}.steps`, [this.offerPhoneStep.bind(this)]));
  }

  private async offerPhoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    await step.context.sendActivity(
      renderInfoCard(step.context.activity.channelId, {
        title: t('handoff:title'),
        lines: [t('handoff:callUs', { phone: this.phone.display })],
        links: [{ label: t('handoff:callButton'), url: `tel:${this.phone.e164}` }],
      }),
    );
    return step.endDialog();
  }
}
