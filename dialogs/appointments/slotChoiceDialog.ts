import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Prompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { buttonValueOf } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import { timeOfDayFilter, type FreeSlot, type SlotWish } from '../../services/appointments/slots.js';
import { DialogIds } from '../dialogIds.js';
import { INTERRUPTION_MIN_SCORE } from '../interruptibleDialog.js';
import type { OpenQuestion, OpenQuestionReading } from '../prompts/openQuestion.js';
import { OptionQuestion, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import { readOncePerTurn } from '../prompts/readOncePerTurn.js';
import type { AppointmentDeps } from './appointmentDeps.js';
import { explainUnbookable, slotOption } from './appointmentTexts.js';
import { avoidBoth, isAvoided, readMomentWish, resolveRelative, type AvoidedDays, type MomentWish } from './momentWish.js';
import { readSlotAnswer } from './slotAnswer.js';
import { brusselsDay, parseInstant } from '../../services/brusselsTime.js';
import { stepValues } from '../stepValues.js';

export interface SlotChoiceOptions {
  service: string;
  /** What the resident asked for ("donderdag na 16 uur"); without one, the earliest free slots. */
  wish?: SlotWish;
  /** Slots to offer as they are, e.g. the next free ones after the chosen one was taken. */
  proposal?: FreeSlot[];
  /** Sentences to say first, already in the resident's language (why these slots). */
  intro?: string[];
  /** A period the resident named ("volgende week", "begin april"): the earliest free slots in it (at the `wish`'s time of day, if any). */
  period?: { from: string; until?: string };
  /** The resident named a period the assistant cannot place: ask from which day, offering nothing yet. */
  askDay?: boolean;
  /** The resident agreed without choosing ("ja dat is goed"): offer the same slots asking which one suits. */
  askWhichOne?: boolean;
  /** Days the resident cannot come ("niet op woensdag"): never offered, whatever else is asked. */
  avoid?: AvoidedDays;
  /** The appointment being moved: never offered again, and what "later in de week" counts from. */
  moving?: { day: string; time: string; start: string };
}

/** What every new search keeps from the one before: the service, the days refused, the appointment being moved. */
export type KeptChoice = Pick<SlotChoiceOptions, 'service' | 'avoid' | 'moving'>;

/** Avoiding days or a moved slot needs a longer look ahead to still find OFFERED_SLOTS. */
const SEARCH_WHEN_AVOIDING = 200;

/** The slot question's options, with the slots they stand for: answers are read against them. */
interface SlotQuestion extends OptionPromptOptions {
  slots: FreeSlot[];
}

/** How many slots one question offers: enough to choose, few enough for an SMS. */
const OFFERED_SLOTS = 4;
const OTHER_MOMENT = 'otherMoment';

/**
 * What an answer to the slot question (or to "Wanneer past het u?") says: read once per turn, by the
 * prompt, so the open question's reading and the steps act on the same parse.
 */
type SlotReply =
  /** One of the offered slots: by button, number, label, ordinal, its moment, or a yes to the only one. */
  | { kind: 'slot'; slot: FreeSlot }
  /** "Een andere dag of uur", or a period without a day the assistant can place: ask when. */
  | { kind: 'otherMoment' | 'askDay' }
  /** "ja dat is goed" among several slots: ask which one. */
  | { kind: 'agree' }
  /** What the resident said about when ("liever woensdag", "volgende week"). */
  | { kind: 'wish'; wish: MomentWish }
  | { kind: 'unclear' };

/** What the slot and wish questions recognise: every message is a reply, the steps decide what it means. */
type SlotRecognition = PromptRecognizerResult<SlotReply>;

/** The slot and wish questions' replies, read at most once per turn, so the open question's reading and the steps act on the same parse. */
const READ_REPLIES = Symbol('slotReplies');

/** A wish about when, or nothing understood. */
function wishReply(text: string | undefined, now: Date): SlotReply {
  const wish = text === undefined ? undefined : readMomentWish(text, now);
  return wish ? { kind: 'wish', wish } : { kind: 'unclear' };
}

/** A word that may say when apart from an option's label: a day, a part of the day, a span, a refusal. */
const MOMENT_WORD = /\p{L}*dag|middag|avond|ochtend|morgen|week|(?<!\p{L})(?:niet|nie|ni|geen|tot|tussen|na|voor|vanaf)(?!\p{L})/iu;

/**
 * Whether the message asks another moment than the slot its words name: a time of day or day the slot is not at
 * ("dinsdag in de namiddag" for Tuesday 8.30), a span of days ("van dinsdag tot donderdag"), or a refusal ("niet dinsdag").
 */
function saysOtherMoment(text: string | undefined, slot: FreeSlot, now: Date): boolean {
  // "de tweede graag", "2": nothing about when, so no need to read it as a wish.
  if (text === undefined || !MOMENT_WORD.test(text)) return false;
  const said = readMomentWish(text, now);
  if (!said) return false;
  if (said.vague || said.relative || said.avoid || said.refusesThatDay) return true;
  const exact = said.exact;
  return exact !== undefined && ((exact.day !== undefined && exact.day !== slot.day) || !timeOfDayFilter(exact)(slot.time));
}

/** "zijn jullie zaterdag open?" names a day but asks the hours. */
function asksTheHours(context: TurnContext): boolean {
  const recognition = turnServices(context).recognition;
  return recognition?.intent === 'info.hours' && recognition.score >= INTERRUPTION_MIN_SCORE;
}

/** The slot question: a pick in words or a wish typed instead of an option is an answer too ("zo snel mogelijk" is no call for help). */
class SlotPrompt extends OptionQuestion<SlotReply, SlotQuestion> {
  constructor(
    dialogId: string,
    private readonly clock: () => Date,
  ) {
    super(dialogId);
  }

  override readOpenAnswer(context: TurnContext, question: SlotQuestion): OpenQuestionReading {
    const reading = super.readOpenAnswer(context, question);
    if (reading.kind !== 'notAnswer' || asksTheHours(context)) return reading;
    const reply = this.reply(context, question).kind;
    return reply === 'unclear' ? reading : { ...reading, kind: 'answer', ...(reply === 'wish' ? { wishOnly: true } : {}) };
  }

  protected override async onRecognize(context: TurnContext, _state: object, question: SlotQuestion): Promise<SlotRecognition> {
    // Not understood is an answer too: the steps say so and offer the same slots.
    return { succeeded: true, value: this.reply(context, question) };
  }

  private reply(context: TurnContext, question: SlotQuestion): SlotReply {
    return readOncePerTurn(context, READ_REPLIES, question, (): SlotReply => {
      const slots = question.slots ?? [];
      const value = this.pickedValue(context, question);
      if (value === OTHER_MOMENT) return { kind: 'otherMoment' };
      const chosen = slots.find((slot) => slot.start === value);
      const text = context.activity.text;
      const now = this.clock();
      // "dinsdag in de namiddag" names the one Tuesday slot offered, at 8.30: a wish for another moment, no pick.
      if (chosen && (buttonValueOf(context.activity) !== undefined || !saysOtherMoment(text, chosen, now)))
        return { kind: 'slot', slot: chosen };
      const answer = text === undefined ? undefined : readSlotAnswer(text, slots, now, turnServices(context).language);
      if (answer?.kind === 'pick') return { kind: 'slot', slot: answer.slot };
      if (answer?.kind === 'agree') return { kind: 'agree' };
      return wishReply(text, now);
    });
  }
}

/** "Wanneer past het u?": any wish it can read is its answer. */
class WishPrompt extends Prompt<SlotReply> implements OpenQuestion {
  constructor(
    dialogId: string,
    private readonly clock: () => Date,
  ) {
    super(dialogId);
  }

  readOpenAnswer(context: TurnContext, options: PromptOptions): OpenQuestionReading {
    // "hoe laat zijn jullie open op zaterdag?" names a day, but asks the hours: answered in passing, then asked again.
    if (asksTheHours(context)) return { kind: 'notAnswer' };
    return this.reply(context, options).kind === 'wish' ? { kind: 'answer', wishOnly: true } : { kind: 'notAnswer' };
  }

  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt) await context.sendActivity(prompt);
  }

  protected override async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<SlotRecognition> {
    return { succeeded: true, value: this.reply(context, options) };
  }

  private reply(context: TurnContext, options: PromptOptions): SlotReply {
    return readOncePerTurn(context, READ_REPLIES, options, () => wishReply(context.activity.text, this.clock()));
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
      new WaterfallDialog<SlotChoiceOptions>(DialogIds.appointmentSlotChoiceSteps, [
        this.offerStep.bind(this),
        this.pickStep.bind(this),
        this.wishStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.appointmentSlotChoiceSteps;
  }

  private async offerStep(step: WaterfallStepContext<SlotChoiceOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const { t, language } = turnServices(step.context);
    // "na de 15de in de namiddag": a period at a time of day.
    const fitsTime = options.period && options.wish ? timeOfDayFilter(options.wish) : () => true;
    const avoiding =
      options.avoid !== undefined || options.moving !== undefined || (options.period !== undefined && options.wish !== undefined);
    const searchLimit = avoiding ? SEARCH_WHEN_AVOIDING : OFFERED_SLOTS;
    const movingStart = options.moving === undefined ? undefined : parseInstant(options.moving.start);
    const offerable = (found: FreeSlot[]) =>
      found
        .filter((slot) => !isAvoided(slot.day, options.avoid) && parseInstant(slot.start) !== movingStart && fitsTime(slot.time))
        .slice(0, OFFERED_SLOTS);
    const said = [...(options.intro ?? [])];
    if (options.askDay) {
      remembered(step).slots = options.proposal ?? [];
      return step.next({ kind: 'askDay' } satisfies SlotReply);
    }
    let slots: FreeSlot[];
    let question: string;
    if (options.period) {
      const { from, until } = options.period;
      const found = offerable(await this.deps.provider.freeSlots({ service: options.service, from, limit: searchLimit }));
      const inside = found.filter((slot) => until === undefined || slot.day <= until);
      if (inside.length > 0) {
        slots = inside;
        question = t('appointments:slots.matching');
      } else if (found.length > 0) {
        said.push(t('appointments:slots.noneInPeriod'));
        slots = found;
        question = t('appointments:slots.nearest');
      } else {
        // Nothing free from its first day on ("in mei", past the horizon): why, and the closest slots before it.
        ({ slots, question } = await this.slotsForWish(step, { ...options.wish, day: from }, searchLimit, offerable, said));
      }
    } else if (options.proposal) {
      slots = offerable(options.proposal);
      question = t(options.askWhichOne ? 'appointments:slots.whichOne' : 'appointments:slots.pick');
    } else if (options.wish) {
      ({ slots, question } = await this.slotsForWish(step, options.wish, searchLimit, offerable, said));
    } else {
      slots = offerable(await this.deps.provider.freeSlots({ service: options.service, limit: searchLimit }));
      question = t(options.avoid ? 'appointments:slots.matching' : 'appointments:slots.earliest');
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

  /** The slots that fit `wish`, else why none does (added to `said`) and the nearest free ones. */
  private async slotsForWish(
    step: WaterfallStepContext<SlotChoiceOptions>,
    wish: SlotWish,
    searchLimit: number,
    offerable: (found: FreeSlot[]) => FreeSlot[],
    said: string[],
  ): Promise<{ slots: FreeSlot[]; question: string }> {
    const { t, language } = turnServices(step.context);
    const { service } = step.options;
    const found = await this.deps.provider.matchWish({ service, wish, limit: searchLimit, alternatives: OFFERED_SLOTS });
    const matching = found.kind === 'match' ? offerable(found.slots) : [];
    if (matching.length > 0) return { slots: matching, question: t('appointments:slots.matching') };
    if (found.kind === 'noMatch') said.push(explainUnbookable(found.reason, this.deps, t, language));
    const alternatives = found.kind === 'noMatch' ? offerable(found.alternatives) : [];
    const slots = alternatives.length > 0 ? alternatives : offerable(await this.deps.provider.freeSlots({ service, limit: searchLimit }));
    return { slots, question: t('appointments:slots.nearest') };
  }

  private async pickStep(step: WaterfallStepContext<SlotChoiceOptions>): Promise<DialogTurnResult> {
    const reply = step.result as SlotReply;
    const slots = remembered(step).slots;
    switch (reply.kind) {
      case 'slot':
        return step.endDialog(reply.slot);
      case 'otherMoment':
      case 'askDay': {
        const { t } = turnServices(step.context);
        const question = reply.kind === 'askDay' ? 'appointments:slots.askFromDay' : 'appointments:slots.askWish';
        return step.prompt(DialogIds.appointmentWishPrompt, { prompt: t(question) });
      }
      case 'agree':
        return step.replaceDialog(DialogIds.appointmentSlotChoiceSteps, {
          ...kept(step),
          proposal: slots,
          askWhichOne: true,
        } satisfies SlotChoiceOptions);
      default:
        return this.followWish(step, reply, slots);
    }
  }

  private async wishStep(step: WaterfallStepContext<SlotChoiceOptions>): Promise<DialogTurnResult> {
    return this.followWish(step, step.result as SlotReply, remembered(step).slots);
  }

  /** Searches again for what the resident said about when, or says it was not understood and offers the same slots. */
  private async followWish(
    step: WaterfallStepContext<SlotChoiceOptions>,
    reply: SlotReply,
    offered: FreeSlot[],
  ): Promise<DialogTurnResult> {
    const base = kept(step);
    if (reply.kind !== 'wish') {
      const { t } = turnServices(step.context);
      const again: SlotChoiceOptions = { ...base, proposal: offered, intro: [t('appointments:slots.wishNotUnderstood')] };
      return step.replaceDialog(DialogIds.appointmentSlotChoiceSteps, again);
    }
    const next = slotChoiceFor(reply.wish, base, offered, this.deps.clock());
    return step.replaceDialog(DialogIds.appointmentSlotChoiceSteps, onTheDayAsked(next, step.options.wish));
  }
}

/**
 * "liever in de namiddag", "na 3u" after the slots of a day the resident asked for: a time without a
 * day refines that day's search, it does not start again from today.
 */
function onTheDayAsked(next: SlotChoiceOptions, asked: SlotChoiceOptions['wish']): SlotChoiceOptions {
  if (!next.wish || next.wish.day !== undefined || asked?.day === undefined) return next;
  return { ...next, wish: { day: asked.day, ...next.wish } };
}

/**
 * The next slot search for what the resident said about when, keeping what was asked before
 * (service, refused days, the appointment being moved); `offered` are the slots on screen, if any.
 */
export function slotChoiceFor(said: MomentWish, base: KeptChoice, offered: readonly FreeSlot[], now: Date): SlotChoiceOptions {
  // "die dag kan ik niet": the day of the appointment being moved, or of the slots just offered.
  const thatDay = base.moving?.day ?? onlyDayOf(offered);
  const refusedThatDay = said.refusesThatDay && thatDay !== undefined ? { days: [thatDay] } : undefined;
  const next: SlotChoiceOptions = { ...base, ...withAvoid(avoidBoth(base.avoid, avoidBoth(said.avoid, refusedThatDay))) };
  const reference = base.moving ?? (offered[0] ? { day: offered[0].day, time: offered[0].time } : undefined);
  // "eerder" at a new booking's slot question means the earliest slots, which is what is left at the end.
  if (said.relative && reference && (said.relative !== 'earlier' || base.moving)) {
    return { ...next, ...resolveRelative(said.relative, reference, brusselsDay(now)) };
  }
  const vague = said.vague;
  if (vague?.kind === 'period') {
    const period = { from: vague.from, ...(vague.until ? { until: vague.until } : {}) };
    return { ...next, period, ...(said.exact ? { wish: said.exact } : {}) };
  }
  if (said.exact) return { ...next, wish: said.exact };
  if (vague?.kind === 'askDay') return { ...next, askDay: true, proposal: [...offered] };
  // Any moment, or only days refused: the earliest slots that are left.
  return next;
}

/** What the next search keeps of this one. */
function kept(step: WaterfallStepContext<SlotChoiceOptions>): KeptChoice {
  const { service, avoid, moving } = step.options;
  return { service, ...withAvoid(avoid), ...(moving ? { moving } : {}) };
}

function withAvoid(avoid: AvoidedDays | undefined): Pick<SlotChoiceOptions, 'avoid'> {
  return avoid ? { avoid } : {};
}

/** The day of the offered slots when they are all on one day. */
function onlyDayOf(offered: readonly FreeSlot[]): string | undefined {
  const days = new Set(offered.map((slot) => slot.day));
  return days.size === 1 ? [...days][0] : undefined;
}

/** What the steps remember between turns. */
interface Remembered {
  slots: FreeSlot[];
}

function remembered(step: WaterfallStepContext<SlotChoiceOptions>): Remembered {
  return stepValues<Remembered>(step);
}
