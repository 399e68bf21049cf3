import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderInfoCard } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import type { Municipality } from '../../services/municipality/municipalityData.js';
import { DialogIds } from '../dialogIds.js';

/** How to reach the town hall: address, phone, e-mail, parking and website, in one card. */
export class ContactDialog extends ComponentDialog {
  constructor(private readonly municipality: Municipality) {
    super(DialogIds.contact);
    this.addDialog(new WaterfallDialog(DialogIds.contactSteps, [this.answerStep.bind(this)]));
    this.initialDialogId = DialogIds.contactSteps;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t, language } = turnServices(step.context);
    const { address, phone, email, website, appointmentUrl, parking } = this.municipality;
    const lines = [
      address.building
        ? t('info:contact.address', { ...address, building: address.building })
        : t('info:contact.addressWithoutBuilding', { ...address }),
      t('info:contact.phone', { phone: phone.display }),
      t('info:contact.email', { email }),
      ...(parking ? [parking[language]] : []),
      t('info:contact.appointment', { url: appointmentUrl }),
      t('info:contact.website', { url: website }),
    ];
    await step.context.sendActivity(
      renderInfoCard(step.context.activity.channelId, {
        title: t('info:contact.title'),
        lines,
        links: [
          { label: t('info:contact.callButton'), url: `tel:${phone.e164}` },
          { label: t('info:contact.mailButton'), url: `mailto:${email}` },
          { label: t('info:contact.websiteButton'), url: website },
        ],
      }),
    );
    return step.endDialog();
  }
}
