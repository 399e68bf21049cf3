import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnServices } from '../../bot/turnState.js';
import { parseDutchDateTime } from '../../nlu/dutchDateTime.js';
import type { FreeSlot, SlotWish } from '../../services/appointments/slots.js';
import { DialogIds } from '../dialogIds.js';
import type { OptionPromptOptions } from '../prompts/optionPrompt.js';
import { OptionPrompt } from '../prompts/optionPrompt.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { explainUnbookable, slotOption } from './appointmentTexts.js';

export interface SlotChoiceOptions {
  service: string;
  /** What the resident asked for ("donderdag na 16 uur"); without one, the earliest free slots. */
  wish?: SlotWish;
  /** Slots to offer as they are, e.g. the next free ones after the chosen one was taken. */
  proposal?: FreeSlot[];
  /** Sentences to say first, already in the resident's language (why these slots). */
  intro?: string[];
}

/** How many slots one question offers: enough to choose, few enough for an SMS. */
export const OFFERED_SLOTS = 4;
const OTHER_MOMENT = 'otherMoment';

/**
 * Offers free slots as options plus "another day or time", and understands a Dutch date wish typed
 * instead of a choice. Ends with the chosen FreeSlot, or with nothing when no slot is free at all.
 */
export class SlotChoiceDialog extends ComponentDialog {
  constructor(private readonly deps: AppointmentDeps) {
    super(DialogIds.appointmentSlotChoice);
    // An answer that is no option is not an error here: it may be a wish ("liever woensdag").
    this.addDialog(new OptionPrompt(DialogIds.appointmentSlotPrompt, async () => true));
    this.addDialog(new TextPrompt(DialogIds.appointmentWishPrompt));
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
    let slots: FreeSlot[];
    let question: string;
    if (options.proposal) {
      slots = options.proposal;
      question = t('appointments:slots.pick');
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
    const prompt: OptionPromptOptions = {
      id: 'appointments.slot',
      prompt: question,
      options: [...slots.map((slot) => slotOption(slot, t, language)), { value: OTHER_MOMENT, label: t('appointments:slots.otherMoment') }],
    };
    return step.prompt(DialogIds.appointmentSlotPrompt, prompt);
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const slots = remembered(step).slots;
    const chosen = slots.find((slot) => slot.start === step.result);
    if (chosen) return step.endDialog(chosen);
    if (step.result === OTHER_MOMENT) {
      const { t } = turnServices(step.context);
      return step.prompt(DialogIds.appointmentWishPrompt, { prompt: t('appointments:slots.askWish') });
    }
    return this.followWish(step, step.context.activity.text ?? '', slots);
  }

  private async wishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.followWish(step, String(step.result ?? ''), remembered(step).slots);
  }

  /** Searches again for a wish the resident typed, or says it was not understood and offers the same slots. */
  private async followWish(step: WaterfallStepContext, text: string, offered: FreeSlot[]): Promise<DialogTurnResult> {
    const { service } = step.options as SlotChoiceOptions;
    const wish = parseDutchDateTime(text, this.deps.clock());
    if (wish) return step.replaceDialog(DialogIds.appointmentSlotChoiceSteps, { service, wish } satisfies SlotChoiceOptions);
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
