import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { MunicipalityData } from '../../services/municipality/municipalityData.js';
import { DialogIds } from '../dialogIds.js';
import { contactCard } from './quickAnswers.js';

/** How to reach the town hall: address, phone, e-mail, parking and website, or only what was asked. */
export class ContactDialog extends ComponentDialog {
  constructor(private readonly facts: MunicipalityData) {
    super(DialogIds.contact);
    this.addDialog(new WaterfallDialog(DialogIds.contactSteps, [this.answerStep.bind(this)]));
    this.initialDialogId = DialogIds.contactSteps;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(contactCard(step.context, this.facts));
    return step.endDialog();
  }
}
