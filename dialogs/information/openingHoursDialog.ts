import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderInfoCard, type Option } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import type { MunicipalityData } from '../../services/municipality/municipalityData.js';
import { parseDutchDateTime } from '../../nlu/dutchDateTime.js';
import { isNoRequest } from '../../domain/nluContract.js';
import { DialogIds } from '../dialogIds.js';
import { INTERRUPTION_MIN_SCORE } from '../interruptibleDialog.js';
import { askOptions, FOLLOW_UP } from '../prompts/askOptions.js';
import { OptionPrompt } from '../prompts/optionPrompt.js';
import { closingDaysCard, weekCard, type HoursContext } from './openingHoursAnswers.js';
import { hoursMessages } from './quickAnswers.js';
import { brusselsDateTime } from '../../services/brusselsTime.js';

/** What a resident can ask after the first answer about the hours. */
const MORE_ABOUT_HOURS = ['weekLoket', 'weekTelefoon', 'closingDays', 'done'] as const;
type MoreAboutHours = (typeof MORE_ABOUT_HOURS)[number];
/** The follow-up names a day ("en op kerstavond?", "en zaterdag?"): the hours of that day, and the question again. */
const ANOTHER_DAY = 'anotherDay';

/**
 * Answers "when are you open": now, today, or on the day the resident names ("zaterdag",
 * "morgen"), for the counter and the phone, with holidays and closing days and their reason.
 */
export class OpeningHoursDialog extends ComponentDialog {
  constructor(
    private readonly facts: MunicipalityData,
    private readonly now: () => Date,
  ) {
    super(DialogIds.openingHours);
    // "en dinsdag?" asks that day's hours; "een afspraak, liefst dinsdag" is another request that names a day.
    const namesADay = (context: TurnContext) =>
      !asksSomethingElse(context) && parseDutchDateTime(context.activity.text ?? '', this.now())?.day !== undefined;
    this.addDialog(new OptionPrompt(DialogIds.openingHoursQuestion, undefined, { value: ANOTHER_DAY, reads: namesADay }));
    this.addDialog(new WaterfallDialog(DialogIds.openingHoursSteps, [this.answerStep.bind(this), this.moreStep.bind(this)]));
    this.initialDialogId = DialogIds.openingHoursSteps;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // One bubble (one SMS) for the answer, one for the question: the message budget.
    await step.context.sendActivity(hoursMessages(step.context, this.facts, this.now()).join('\n'));
    const { t } = this.hoursContext(step);
    const options: Option[] = MORE_ABOUT_HOURS.map((value) => ({ value, label: t(`info:hours.more.options.${value}`) }));
    return askOptions(step, DialogIds.openingHoursQuestion, t('info:hours.more.ask'), options, 'info.hoursMore', FOLLOW_UP);
  }

  private async moreStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = this.hoursContext(step);
    const today = brusselsDateTime(this.now()).date;
    if (step.result === ANOTHER_DAY) return step.replaceDialog(DialogIds.openingHoursSteps);
    const choice = step.result as MoreAboutHours;
    const card =
      choice === 'weekLoket'
        ? weekCard('loket', today, ctx)
        : choice === 'weekTelefoon'
          ? weekCard('telefoon', today, ctx)
          : choice === 'closingDays'
            ? closingDaysCard(today, ctx)
            : null;
    if (card) await step.context.sendActivity(renderInfoCard(step.context.activity.channelId, card));
    return step.endDialog();
  }

  private hoursContext(step: WaterfallStepContext): HoursContext {
    const { t, language } = turnServices(step.context);
    return { t, language, municipality: this.facts.municipality };
  }
}

/** The recognizer is sure the message asks for something other than the hours (a booking, a document). */
function asksSomethingElse(context: TurnContext): boolean {
  const { recognition } = turnServices(context);
  return (
    !!recognition && recognition.score >= INTERRUPTION_MIN_SCORE && recognition.intent !== 'info.hours' && !isNoRequest(recognition.intent)
  );
}
