import type { TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type PromptOptions, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnServices } from '../../bot/turnState.js';
import { parseDutchDateTime } from '../../nlu/dutchDateTime.js';
import type { FreeSlot, SlotWish } from '../../services/appointments/slots.js';
import { DialogIds } from '../dialogIds.js';
import { INTERRUPTION_MIN_SCORE } from '../interruptibleDialog.js';
import type { OpenQuestion, OpenQuestionReading } from '../prompts/openQuestion.js';
import { OptionPrompt, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { explainUnbookable, slotOption } from './appointmentTexts.js';
import { readSlotAnswer } from './slotAnswer.js';
import { readVagueWish } from './vagueWish.js';

export interface SlotChoiceOptions {
  service: string;
  /** What the resident asked for ("donderdag na 16 uur"); without one, the earliest free slots. */
  wish?: SlotWish;
  /** Slots to offer as they are, e.g. the next free ones after the chosen one was taken. */
  proposal?: FreeSlot[];
  /** Sentences to say first, already in the resident's language (why these slots). */
  intro?: string[];
  /** A period the resident named ("volgende week", "begin april"): the earliest free slots in it. */
  period?: { from: string; until?: string };
  /** The resident named a period the assistant cannot place: ask from which day, offering nothing yet. */
  askDay?: boolean;
  /** The resident agreed without choosing ("ja dat is goed"): offer the same slots asking which one suits. */
  askWhichOne?: boolean;
}

/** The slot question's options, with the slots they stand for: answers are read against them. */
interface SlotQuestion extends OptionPromptOptions {
  slots: FreeSlot[];
}

/** How many slots one question offers: enough to choose, few enough for an SMS. */
export const OFFERED_SLOTS = 4;
const OTHER_MOMENT = 'otherMoment';
const ASK_DAY = 'askDay';

/** Whether a message says when the resident can come, exactly or vaguely. */
function isWish(text: string | undefined, now: Date): boolean {
  return text !== undefined && (parseDutchDateTime(text, now) !== undefined || readVagueWish(text, now) !== undefined);
}

/** "zijn jullie zaterdag open?" names a day but asks the hours. */
function asksTheHours(context: TurnContext): boolean {
  const recognition = turnServices(context).recognition;
  return recognition?.intent === 'info.hours' && recognition.score >= INTERRUPTION_MIN_SCORE;
}

/** The slot question: a wish typed instead of an option is an answer too ("zo snel mogelijk" is no call for help). */
class SlotPrompt extends OptionPrompt {
  constructor(
    dialogId: string,
    private readonly clock: () => Date,
  ) {
    // An answer that is no option is not an error here: it may be a wish ("liever woensdag").
    super(dialogId, async () => true);
  }

  override readOpenAnswer(context: TurnContext, options: PromptOptions): OpenQuestionReading {
    const reading = super.readOpenAnswer(context, options);
    if (reading.kind !== 'notAnswer' || asksTheHours(context)) return reading;
    const text = context.activity.text;
    const { language } = turnServices(context);
    const answers = text !== undefined && readSlotAnswer(text, (options as SlotQuestion).slots ?? [], this.clock(), language) !== undefined;
    return answers || isWish(text, this.clock()) ? { ...reading, kind: 'answer' } : reading;
  }
}

/** "Wanneer past het u?": any wish it can read is its answer. */
class WishPrompt extends TextPrompt implements OpenQuestion {
  constructor(
    dialogId: string,
    private readonly clock: () => Date,
  ) {
    super(dialogId);
  }

  readOpenAnswer(context: TurnContext): OpenQuestionReading {
    return { kind: isWish(context.activity.text, this.clock()) ? 'answer' : 'notAnswer' };
  }
}

/**
 * Offers free slots as options plus "another day or time", and understands a Dutch date wish typed
 * instead of a choice. Ends with the chosen FreeSlot, or with nothing when no slot is free at all.
 */
export class SlotChoiceDialog extends ComponentDialog {
  constructor(private readonly deps: AppointmentDeps) {
    super(DialogIds.appointmentSlotChoice);
    this.addDialog(new SlotPrompt(DialogIds.appointmentSlotPrompt, deps.clock));
    this.addDialog(new WishPrompt(DialogIds.appointmentWishPrompt, deps.clock));
    this.addDialog(
      new WaterfallDialog(DialogIds.appointmentSlotChoiceSteps, [
        this.offerStep.bind(this),
        this.pickStep.bind(this),
        this.wishStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.appointmentSlotChoiceSteps;
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as SlotChoiceOptions;
    const { t, language } = turnServices(step.context);
    const said = [...(options.intro ?? [])];
    if (options.askDay) {
      remembered(step).slots = options.proposal ?? [];
      return step.next(ASK_DAY);
    }
    let slots: FreeSlot[];
    let question: string;
    if (options.period) {
      const { from, until } = options.period;
      const found = await this.deps.provider.freeSlots({ service: options.service, from, limit: OFFERED_SLOTS });
      const inside = found.filter((slot) => until === undefined || slot.day <= until);
      if (inside.length > 0) {
        slots = inside;
        question = t('appointments:slots.matching');
      } else {
        if (found.length > 0) said.push(t('appointments:slots.noneInPeriod'));
        slots = found;
        question = t('appointments:slots.nearest');
      }
    } else if (options.proposal) {
      slots = options.proposal;
      question = t(options.askWhichOne ? 'appointments:slots.whichOne' : 'appointments:slots.pick');
    } else if (options.wish) {
      const found = await this.deps.provider.matchWish({
        service: options.service,
        wish: options.wish,
        limit: OFFERED_SLOTS,
        alternatives: OFFERED_SLOTS,
      });
      if (found.kind === 'match') {
        slots = found.slots;
        question = t('appointments:slots.matching');
      } else {
        said.push(explainUnbookable(found.reason, this.deps, t, language));
        slots = found.alternatives;
        question = t('appointments:slots.nearest');
      }
    } else {
      slots = await this.deps.provider.freeSlots({ service: options.service, limit: OFFERED_SLOTS });
      question = t('appointments:slots.earliest');
    }
    if (slots.length === 0) {
      said.push(t('appointments:slots.none', { phone: this.deps.phone.display }));
      await step.context.sendActivity(said.join('\n'));
      return step.endDialog();
    }
    if (said.length > 0) await step.context.sendActivity(said.join('\n'));
    remembered(step).slots = slots;
    const prompt: SlotQuestion = {
      id: 'appointments.slot',
      prompt: question,
      options: [...slots.map((slot) => slotOption(slot, t, language)), { value: OTHER_MOMENT, label: t('appointments:slots.otherMoment') }],
      slots,
    };
    return step.prompt(DialogIds.appointmentSlotPrompt, prompt);
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const slots = remembered(step).slots;
    const chosen = slots.find((slot) => slot.start === step.result);
    if (chosen) return step.endDialog(chosen);
    if (step.result === OTHER_MOMENT || step.result === ASK_DAY) {
      const { t } = turnServices(step.context);
      const question = step.result === ASK_DAY ? 'appointments:slots.askFromDay' : 'appointments:slots.askWish';
      return step.prompt(DialogIds.appointmentWishPrompt, { prompt: t(question) });
    }
    const text = step.context.activity.text ?? '';
    const answer = readSlotAnswer(text, slots, this.deps.clock(), turnServices(step.context).language);
    if (answer?.kind === 'pick') return step.endDialog(answer.slot);
    if (answer?.kind === 'agree') {
      const { service } = step.options as SlotChoiceOptions;
      return step.replaceDialog(DialogIds.appointmentSlotChoiceSteps, { service, proposal: slots, askWhichOne: true } satisfies SlotChoiceOptions);
    }
    return this.followWish(step, text, slots);
  }

  private async wishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.followWish(step, String(step.result ?? ''), remembered(step).slots);
  }

  /** Searches again for a wish the resident typed, or says it was not understood and offers the same slots. */
  private async followWish(step: WaterfallStepContext, text: string, offered: FreeSlot[]): Promise<DialogTurnResult> {
    const { service } = step.options as SlotChoiceOptions;
    const now = this.deps.clock();
    const vague = readVagueWish(text, now);
    // "zo snel mogelijk" is no Sunday ("zo"): any-moment wishes first, then exact days, then periods.
    const wish = vague?.kind === 'earliest' ? undefined : parseDutchDateTime(text, now);
    if (wish) return step.replaceDialog(DialogIds.appointmentSlotChoiceSteps, { service, wish } satisfies SlotChoiceOptions);
    if (vague) {
      const next: SlotChoiceOptions =
        vague.kind === 'earliest'
          ? { service }
          : vague.kind === 'period'
            ? { service, period: { from: vague.from, ...(vague.until ? { until: vague.until } : {}) } }
            : { service, askDay: true, proposal: offered };
      return step.replaceDialog(DialogIds.appointmentSlotChoiceSteps, next);
    }
    const { t } = turnServices(step.context);
    const again: SlotChoiceOptions = { service, proposal: offered, intro: [t('appointments:slots.wishNotUnderstood')] };
    return step.replaceDialog(DialogIds.appointmentSlotChoiceSteps, again);
  }
}

/** What the steps remember between turns. */
interface Remembered {
  slots: FreeSlot[];
}

function remembered(step: WaterfallStepContext): Remembered {
  return step.values as Remembered;
}
