import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderInfoCard, type Option } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import type { Municipality } from '../../services/municipality/municipalityData.js';
import { DialogIds } from '../dialogIds.js';
import { askOptions, FOLLOW_UP } from '../prompts/askOptions.js';
import { OptionPrompt } from '../prompts/optionPrompt.js';

/** What a resident who cannot log in chose; the caller handles `appointment` (it knows the service). */
const LOGIN_ALTERNATIVES = ['appointment', 'phone', 'family'] as const;
export type LoginAlternative = (typeof LOGIN_ALTERNATIVES)[number];

export interface LoginAlternativesOptions {
  /** False when the resident's request cannot be done at the counter either. */
  appointmentPossible?: boolean;
}

/**
 * For residents without itsme or a card reader: come by appointment, call, or ask someone they
 * know. Answers phone and family itself; ends with the choice so the caller can book.
 */
export class LoginAlternativesDialog extends ComponentDialog {
  constructor(private readonly municipality: Municipality) {
    super(DialogIds.loginAlternatives);
    this.addDialog(new OptionPrompt(DialogIds.loginAlternativesQuestion));
    this.addDialog(new WaterfallDialog(DialogIds.loginAlternativesSteps, [this.offerStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = DialogIds.loginAlternativesSteps;
  }

  private async offerStep(step: WaterfallStepContext<LoginAlternativesOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    const { appointmentPossible = true }: LoginAlternativesOptions = step.options ?? {};
    await step.context.sendActivity(t('thuisloket:alternatives.intro'));
    const choices = LOGIN_ALTERNATIVES.filter((choice) => appointmentPossible || choice !== 'appointment');
    const options: Option[] = choices.map((choice) => ({ value: choice, label: t(`thuisloket:alternatives.options.${choice}`) }));
    return askOptions(
      step,
      DialogIds.loginAlternativesQuestion,
      t('thuisloket:alternatives.ask'),
      options,
      'thuisloket.alternatives',
      FOLLOW_UP,
    );
  }

  private async answerStep(step: WaterfallStepContext<LoginAlternativesOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    const choice = step.result as LoginAlternative;
    if (choice === 'phone') {
      const { phone } = this.municipality;
      await step.context.sendActivity(
        renderInfoCard(step.context.activity.channelId, {
          title: t('thuisloket:alternatives.phoneTitle'),
          lines: [t('thuisloket:alternatives.phone', { phone: phone.display })],
          links: [{ label: t('thuisloket:alternatives.callButton'), url: `tel:${phone.e164}` }],
        }),
      );
    } else if (choice === 'family') {
      await step.context.sendActivity(t('thuisloket:alternatives.family'));
    }
    return step.endDialog(choice);
  }
}
