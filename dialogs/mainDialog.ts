import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { WaterfallDialog, type Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { channelStyle } from '../bot/channels/channelStyle.js';
import { readYesNo } from '../bot/channels/yesNoAnswer.js';
import { buttonValueOf, type ButtonValue, type Option } from '../bot/channels/renderer.js';
import { turnServices } from '../bot/turnState.js';
import { INTENTS, isDocumentId, isIntent, isNoRequest, type DocumentId, type Intent } from '../domain/nluContract.js';
import { parseDutchNumber } from '../nlu/dutchNumbers.js';
import type { Recognition } from '../nlu/recognizer.js';
import { LONGEST_READ_MESSAGE } from '../nlu/requestAmongParts.js';
import { callbackCancellationIn } from '../services/callback/callbackReference.js';
import { DOCUMENT_FACTS, mentions, type QuestionCues } from '../services/municipality/questionCues.js';
import { DialogIds } from './dialogIds.js';
import { InterruptibleDialog, INTERRUPTION_MIN_SCORE, type AnswersAside } from './interruptibleDialog.js';
import { ANSWER_NO, ANSWER_YES, yesNoOptions, OptionPrompt, type OptionPromptOptions } from './prompts/optionPrompt.js';
import type { HandoffOptions, HandoffResult } from './handoffDialog.js';
import type { PhoneLine } from '../services/municipality/phoneLine.js';
import { conversationMark, recordConversationOutcome, type ConversationOutcomes } from './conversationOutcome.js';
import type { SurveyDialogOptions } from './surveyDialog.js';
import { stepValues } from './stepValues.js';
import type { DocumentFacts } from './appointments/appointmentDeps.js';
import { visitWhenIn, type VisitWhen } from './appointments/firstMessageWish.js';
import { readMomentWish } from './appointments/momentWish.js';
import { handOverToBooking, type HandOver } from './capabilityOptions.js';
import { isAcknowledgement, isClosingCourtesy } from './prompts/acknowledgement.js';

/** Why the main dialog starts: a resident joined, asked for help or greeted, or just said something. */
export interface MainDialogOptions {
  /** `tooLong`: a message over LONGEST_READ_MESSAGE characters gets "kunt u uw vraag korter stellen?" and the menu. */
  menu?: 'welcome' | 'help' | 'greeting' | 'tooLong';
  handOver?: HandOver['handOver'];
}

/** The capability dialogs the main dialog routes to, by intent. */
export type CapabilityRoutes = Partial<Record<Intent, Dialog>>;

/** What happens when a conversation ends: the outcome is recorded and the survey offered. Both optional. */
export interface ConversationClosing {
  /** The survey dialog (id DialogIds.survey); it decides itself whether the resident is asked. */
  survey?: Dialog;
  outcomes?: ConversationOutcomes;
  now?: () => Date;
  /** Set when the closing begins (survey, goodbye), cleared by a new request: a courtesy after it gets a short farewell. */
  ended?: StatePropertyAccessor<boolean>;
}

function isHandOver(result: unknown): result is HandOver {
  return typeof result === 'object' && result !== null && isIntent((result as HandOver).handOver?.intent);
}

/**
 * What a capability may end with to say how one more of the same starts ("en nog 1 voor mijn andere kind direct
 * erna" right after a booking): asked for at "anything else?", the main dialog hands over to it.
 */
export interface OffersAnother {
  another: HandOver['handOver'];
}

function offersAnother(result: unknown): result is OffersAnother {
  return typeof result === 'object' && result !== null && isIntent((result as OffersAnother).another?.intent);
}

/** How the main dialog remembers, between turns, that it did not understand the resident. */
export interface Understanding {
  misunderstandings: StatePropertyAccessor<number>;
  /** Answers what the assistant understood but cannot handle (waste, permits, …); true when it did. */
  outOfScope?: (context: TurnContext) => Promise<boolean>;
  /** Whether the message tells of a death ("mijn vader is gestorven, wat nu"): told without a request, the documents after it. */
  tellsOfDeath?: (context: TurnContext) => boolean;
  /** Whether the resident would rather come to the counter ("kan ik niet gewoon naar het gemeentehuis komen?"): a booking. */
  wantsTheCounter?: (context: TurnContext) => boolean;
  /** The document the conversation was about, named in this turn or before: follow-ups ("wat kost dat?", "morgen?") are about it. */
  documentInContext?: (context: TurnContext) => Promise<string | undefined>;
  /** Answers a question about a document's facts (price, delay, what to bring). */
  documentFacts?: DocumentFacts;
  /** Whether one message asks about a document and the hours ("hoeveel kost een kids id en tot hoe laat zijn jullie open?"): both are answered. */
  asksHoursAndDocument?: (context: TurnContext) => boolean;
  /** Whether the resident asks one more of what was just done ("en nog 1 voor mijn andere kind"), see OffersAnother. */
  asksAnother?: (context: TurnContext) => boolean;
}

/** A follow-up on the document talked about before: a question about its facts, or a moment to come for it. */
type FollowUp =
  | { kind: 'facts'; document: DocumentId; facts: ReturnType<DocumentFacts['asked']> }
  | { kind: 'visit'; document: DocumentId; when: VisitWhen | undefined };

/**
 * What a follow-up may be read as by the recognizer ("wat kost dat eigenlijk?" reads as help, "morgen?" as
 * nothing): other requests it is sure of ("hoe laat zijn jullie open?") are routed as asked.
 */
const FOLLOW_UP_READINGS: readonly Intent[] = ['document.request', 'appointment.book', 'help', 'none'];

/** The main menu: what the assistant can do, offered at welcome, on help and after a greeting. */
const MENU_INTENTS = [
  'thuisloket.info',
  'document.request',
  'appointment.book',
  'info.hours',
  'handoff.human',
] as const satisfies readonly Intent[];

function menuOptions(context: TurnContext): Option[] {
  const { t } = turnServices(context);
  return MENU_INTENTS.map((intent) => ({ value: intent, label: t(`common:menu.${intent}`) }));
}

/**
 * What a wish to come to the counter is often read as: where we are, the online counter, nothing, or a
 * person ("ik kom liever persoonlijk" is a visit, not a phone call).
 */
const READ_AS_OTHER: readonly Intent[] = ['info.contact', 'thuisloket.info', 'handoff.human', 'none'];

/**
 * "kan ik dan niet gewoon naar het gemeentehuis komen?", "ik kom liever langs aan het loket": the
 * resident would rather come to the counter, which is a booking request, not a question where we are
 * (the address asked, "waar is het gemeentehuis", stays the contact answer).
 */
export function counterVisitWish(cues: QuestionCues): (context: TurnContext) => boolean {
  return (context) => {
    const text = context.activity.text;
    if (!mentions(text, cues.counterVisit) || mentions(text, cues.contact.address)) return false;
    const { recognition, language } = turnServices(context);
    // "laat maar, ik kom liever langs", "nee merci, ik kom wel naar het loket": the stop or goodbye is the leading no, the rest
    // says where the resident goes instead; a stop the recognizer is unsure of is no stop either.
    const stopSaidFirst =
      (recognition?.intent === 'cancel' || recognition?.intent === 'goodbye') && readYesNo(text ?? '', language)?.meaning === 'no';
    const unsureStop = recognition?.intent === 'cancel' && recognition.score < INTERRUPTION_MIN_SCORE;
    return !recognition || stopSaidFirst || unsureStop || READ_AS_OTHER.includes(recognition.intent);
  };
}

/**
 * "hoeveel kost een kids id en tot hoe laat zijn jullie open?", "wa kost een nieuwe identiteitskaart en hoe laat sluit
 * het loket": a question about a named document and one about the hours, whichever of the two the recognizer reads first.
 */
export function hoursAndDocumentQuestion(cues: QuestionCues): (context: TurnContext) => boolean {
  return (context) => {
    const { recognition } = turnServices(context);
    const text = context.activity.text;
    if (!recognition?.entities.document) return false;
    if (recognition.intent === 'info.hours') return DOCUMENT_FACTS.some((fact) => mentions(text, cues.documentFacts[fact]));
    return recognition.intent === 'document.request' && (mentions(text, cues.openingHours) || mentions(text, cues.closingTime));
  };
}

/** "en nog 1 voor mijn andere kind direct erna", "voor mijn man ook eentje": one more booking, said right after one. */
export function anotherBookingWish(cues: QuestionCues): (context: TurnContext) => boolean {
  return (context) => mentions(context.activity.text, cues.anotherBooking);
}

/** "mijn moeder is overleden", "mijne pa is gestorve wa nu": the message tells of a death. */
export function deathTold(cues: QuestionCues): (context: TurnContext) => boolean {
  return (context) => mentions(context.activity.text, cues.death);
}

/** Below this gap between the top intent and the runner-up, the assistant asks which one is meant. */
const CLARIFY_MARGIN = 0.3;
/** A request read less sure than this, naming no document, is no request when the message tells of a death or a topic not ours. */
const UNSURE_BELOW = 0.6;
/** After this many misunderstandings in a row the assistant offers a person instead of guessing again. */
const MISUNDERSTANDINGS_BEFORE_HANDOFF = 2;
/** Intents worth a clarifying question: requests the assistant can act on, not small talk or `none`. */
const CLARIFIABLE: readonly Intent[] = INTENTS.filter((intent) => !isNoRequest(intent, ['help', 'cancel']));

/** What the main steps remember between turns. */
interface MainValues {
  /** The message a clarifying question was asked about. */
  clarified?: Recognition | null;
  /** How one more of what the capability just did starts, when it offers that (a booking for someone else). */
  another?: OffersAnother['another'];
}

const MENU_PROMPT = 'main.menu';
/** Questions whose options are capabilities: their buttons mean the same later. */
const OLD_BUTTONS_THAT_ROUTE: readonly string[] = ['menu', 'clarify'];
const CLARIFY_PROMPT = 'main.clarify';

/**
 * The root of every conversation: offers the menu, routes each request on its intent to a
 * capability dialog, and asks whether there is anything else when that dialog is done.
 */
export class MainDialog extends InterruptibleDialog {
  private readonly routes = new Map<Intent, string>();

  private readonly now: () => Date;

  constructor(
    capabilities: CapabilityRoutes,
    handoff: Dialog,
    private readonly phone: PhoneLine,
    private readonly closing: ConversationClosing = {},
    private readonly understanding?: Understanding,
    aside?: AnswersAside,
  ) {
    super(DialogIds.main, aside);
    this.now = closing.now ?? (() => new Date());
    if (closing.survey) this.addDialog(closing.survey);
    // A menu answer that picks no option is not an error: it is a new request, routed on its intent.
    this.addDialog(new OptionPrompt(MENU_PROMPT, async () => true));
    this.addDialog(new OptionPrompt(DialogIds.anythingElsePrompt, async () => true));
    this.addDialog(new OptionPrompt(CLARIFY_PROMPT, async () => true));
    this.addDialog(handoff);
    this.routes.set('handoff.human', handoff.id);
    for (const [intent, dialog] of Object.entries(capabilities) as [Intent, Dialog][]) {
      this.addDialog(dialog);
      this.routes.set(intent, dialog.id);
    }
    this.addDialog(
      new WaterfallDialog(DialogIds.mainWaterfall, [
        this.offerMenuStep.bind(this),
        this.clarifyStep.bind(this),
        this.routeStep.bind(this),
        this.anythingElseStep.bind(this),
        this.closeStep.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(DialogIds.mainClosing, [this.surveyStep.bind(this), this.goodbyeStep.bind(this)]));
    this.initialDialogId = DialogIds.mainWaterfall;
  }

  protected override requestReadOtherwise(context: TurnContext): Intent | undefined {
    return this.understanding?.wantsTheCounter?.(context) ? 'appointment.book' : undefined;
  }

  protected override restartFor(innerDc: DialogContext, intent: Intent, carried: object | undefined): Promise<DialogTurnResult> {
    if (!carried) return super.restartFor(innerDc, intent, carried);
    // The message that changed the mind may say more ("kan ik ze naar donderdag verzetten?"): the capability reads it too.
    const recognition = turnServices(innerDc.context).recognition;
    const handOver = { intent, options: { recognition, ...carried } };
    return innerDc.beginDialog(this.initialDialogId, { handOver } satisfies MainDialogOptions);
  }

  protected override async readsInContext(context: TurnContext): Promise<boolean> {
    return (await this.followUpInContext(context)) !== undefined;
  }

  protected override capabilityFor(intent: Intent): string | undefined {
    return intent === 'handoff.human' ? undefined : this.routes.get(intent);
  }

  private async offerMenuStep(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const { menu }: MainDialogOptions = step.options ?? {};
    if (!menu) return step.next();
    const { t } = turnServices(step.context);
    // Key words off: "ik wil mijn afspraak annuleren" shares "afspraak" with "Een afspraak maken"; the recognizer reads requests.
    const prompt: OptionPromptOptions = {
      id: 'menu',
      prompt: t(`common:${menu}.text`),
      options: menuOptions(step.context),
      keyWords: false,
      // "wanneer zijn jullie open" at the welcome is the resident's request, routed, not a question in passing.
      newRequestsWelcome: true,
    };
    return step.prompt(MENU_PROMPT, prompt);
  }

  /** When two requests are about equally likely, ask which one the resident means instead of guessing. */
  private async clarifyStep(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    if (isIntent(step.result) || step.options?.handOver) return step.next(step.result);
    const pressed = buttonValueOf(step.context.activity);
    if (pressed?.question !== undefined) return this.oldButton(step, pressed);
    // On SMS a bare "2" answers a numbered list; with no question open, it answers one that is closed.
    if (channelStyle(step.context.activity.channelId) === 'plainText' && parseDutchNumber(step.context.activity.text ?? '') !== undefined) {
      return this.oldButton(step, { answer: '' });
    }
    // "thx", "k", "👍", "'t is goed zo" after the goodbye: a short farewell, no menu, no "niet begrepen", no handoff.
    if ((await this.closing.ended?.get(step.context, false)) && isClosingCourtesy(step.context)) {
      await step.context.sendActivity(turnServices(step.context).t('common:closing.courtesy'));
      return step.endDialog();
    }
    // "ok", "merci" with no question open: a word back, no "niet begrepen".
    if (isAcknowledgement(step.context)) {
      await step.context.sendActivity(turnServices(step.context).t('common:acknowledged'));
      return step.endDialog();
    }
    // "ne", "nah", "ni" with no question open: a bare no asks for nothing (the recognizer may read "ne" as a request).
    const bareNo = readYesNo(step.context.activity.text ?? '', turnServices(step.context).language);
    if (bareNo?.meaning === 'no' && bareNo.whole) return this.notUnderstood(step);
    // After the thuisloket or the address: "kan ik dan niet gewoon langskomen?" asks for an appointment.
    const wished = this.requestReadOtherwise(step.context);
    if (wished) return step.next(wished);
    // "wat kost dat eigenlijk?" after the passport: no "which one do you mean?", the route step answers it.
    if (await this.followUpInContext(step.context)) return step.next();
    const recognition = turnServices(step.context).recognition;
    const runnerUp = recognition?.runnerUp;
    const unsure =
      recognition &&
      runnerUp &&
      CLARIFIABLE.includes(recognition.intent) &&
      CLARIFIABLE.includes(runnerUp.intent) &&
      recognition.score - runnerUp.score < CLARIFY_MARGIN;
    if (!unsure) return step.next();
    // The answer to "which one?" names no document or date: the routed dialog reads this message instead.
    stepValues<MainValues>(step).clarified = recognition;
    const { t } = turnServices(step.context);
    const prompt: OptionPromptOptions = {
      id: 'clarify',
      keyWords: false,
      newRequestsWelcome: true,
      prompt: t('common:clarify.question'),
      options: [recognition.intent, runnerUp.intent].map((intent) => ({ value: intent, label: t(`common:clarify.options.${intent}`) })),
    };
    return step.prompt(CLARIFY_PROMPT, prompt);
  }

  /**
   * A button pressed while no question is open belongs to an earlier one: an old menu still routes
   * to its capability; an old slot, survey or yes/no button gets a word that it is from earlier, and the menu.
   */
  private async oldButton(step: WaterfallStepContext<MainDialogOptions>, pressed: ButtonValue): Promise<DialogTurnResult> {
    if (isIntent(pressed.answer) && OLD_BUTTONS_THAT_ROUTE.includes(pressed.question ?? '')) return step.next(pressed.answer);
    // SMS shows no buttons: there it was a number or an answer typed for a question already closed.
    const closed = channelStyle(step.context.activity.channelId) === 'plainText' ? 'common:oldAnswerClosed' : 'common:oldButtonClosed';
    await step.context.sendActivity(turnServices(step.context).t(closed));
    return step.replaceDialog(DialogIds.mainWaterfall, { menu: 'help' } satisfies MainDialogOptions);
  }

  private async routeStep(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    // A resident asked something: the conversation has started (abandoned unless it ends well).
    await this.closing.outcomes?.start(conversationMark(step.context, this.now()));
    const { handOver }: MainDialogOptions = step.options ?? {};
    const handedTo = handOver && this.routes.get(handOver.intent);
    if (handedTo) return step.beginDialog(handedTo, handOver.options);
    const picked = isIntent(step.result) ? step.result : undefined;
    if (!picked && (step.context.activity.text ?? '').length > LONGEST_READ_MESSAGE) {
      return step.replaceDialog(DialogIds.mainWaterfall, { menu: 'tooLong' } satisfies MainDialogOptions);
    }
    const callbackCancellation = picked ? undefined : callbackCancellationIn(step.context.activity.text);
    if (callbackCancellation) return step.beginDialog(DialogIds.handoff, { cancelCallback: callbackCancellation } satisfies HandoffOptions);
    let intent = picked ?? turnServices(step.context).recognition?.intent ?? 'none';
    // Two questions in one message: the hours in passing first, then the document, which answers its own question.
    if (!picked && this.aside && this.understanding?.asksHoursAndDocument?.(step.context)) {
      await this.aside.answer(step.context, 'info.hours');
      intent = 'document.request';
    } else {
      const followUp = picked ? undefined : await this.followUpInContext(step.context);
      if (followUp) return this.answerFollowUp(step, followUp);
    }
    if (!picked) {
      const told = await this.toldWithoutRequest(step.context, intent);
      if (told === 'answered') return step.endDialog();
      intent = told;
    }
    const recognition = turnServices(step.context).recognition;
    if (intent !== 'none') await this.understanding?.misunderstandings.set(step.context, 0);
    if (intent !== 'none' && intent !== 'goodbye') await this.closing.ended?.delete(step.context);
    const dialogId = this.routes.get(intent);
    // The clarified message counts only when "which one?" was answered: a new request there has its own recognition.
    const clarified = picked ? stepValues<MainValues>(step).clarified : undefined;
    const read = clarified ?? recognition;
    if (dialogId) return step.beginDialog(dialogId, { recognition: picked && read ? { ...read, intent } : read });
    return this.answerDirectly(step, intent);
  }

  /**
   * Told without a (sure) request: a death ("mijn moeder is overleden") asks for the documents after it, where the
   * document dialog condoles first; a move ("goeiedag, we zijn verhuisd") is answered with where to go, as every
   * topic not ours (`answered`). Otherwise the intent as read.
   */
  private async toldWithoutRequest(context: TurnContext, intent: Intent): Promise<Intent | 'answered'> {
    const recognition = turnServices(context).recognition;
    const unsure = !!recognition && recognition.score < UNSURE_BELOW && recognition.entities.document === undefined;
    if (!isNoRequest(intent, ['help']) && !unsure) return intent;
    if (this.understanding?.tellsOfDeath?.(context)) return 'document.request';
    // Nothing understood goes to notUnderstood, which answers a topic not ours itself.
    if (intent !== 'none' && (await this.understanding?.outOfScope?.(context))) return 'answered';
    return intent;
  }

  /**
   * A message that names no document but follows up on the one talked about before: "wat kost dat
   * eigenlijk?", "hoelang duurt da" (its facts), "morgen?" (a moment to come for it). Undefined otherwise.
   */
  private async followUpInContext(context: TurnContext): Promise<FollowUp | undefined> {
    const document = await this.understanding?.documentInContext?.(context);
    const { recognition } = turnServices(context);
    if (!isDocumentId(document) || recognition?.entities.document !== undefined) return undefined;
    if (recognition && recognition.score >= INTERRUPTION_MIN_SCORE && !FOLLOW_UP_READINGS.includes(recognition.intent)) return undefined;
    const text = context.activity.text ?? '';
    const facts = this.understanding?.documentFacts?.asked(text) ?? [];
    if (facts.length > 0) return { kind: 'facts', document, facts };
    const now = this.now();
    return readMomentWish(text, now) ? { kind: 'visit', document, when: visitWhenIn(text, now) } : undefined;
  }

  /** The facts of the document in context, then "anything else?"; or a booking for it that follows the moment said. */
  private async answerFollowUp(step: WaterfallStepContext<MainDialogOptions>, followUp: FollowUp): Promise<DialogTurnResult> {
    await this.understanding?.misunderstandings.set(step.context, 0);
    if (followUp.kind === 'facts') {
      await this.understanding?.documentFacts?.answer(step.context, followUp.document, undefined, followUp.facts, 'fastest');
      return step.next();
    }
    const booking = this.routes.get('appointment.book');
    if (!booking) return this.notUnderstood(step);
    return step.beginDialog(booking, handOverToBooking(followUp.document, followUp.when).handOver.options);
  }

  /** Intents that need no capability dialog: answered in one message. */
  private async answerDirectly(step: WaterfallStepContext<MainDialogOptions>, intent: Intent): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    switch (intent) {
      case 'greeting':
        return step.replaceDialog(DialogIds.mainWaterfall, { menu: 'greeting' } satisfies MainDialogOptions);
      case 'help':
        return step.replaceDialog(DialogIds.mainWaterfall, { menu: 'help' } satisfies MainDialogOptions);
      case 'goodbye':
        return step.replaceDialog(DialogIds.mainClosing);
      case 'cancel':
        await step.context.sendActivity(t('common:cancel.nothingOpen'));
        return step.endDialog();
      default:
        return this.notUnderstood(step);
    }
  }

  /** Says what the assistant can help with; after repeated misunderstandings, offers a person instead. */
  private async notUnderstood(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    const accessor = this.understanding?.misunderstandings;
    // Understood, but not ours: "daarvoor kan ik u niet helpen" and where to go, not "dat begrijp ik niet".
    if (await this.understanding?.outOfScope?.(step.context)) {
      await accessor?.set(step.context, 0);
      return step.endDialog();
    }
    const inARow = (accessor ? await accessor.get(step.context, 0) : 0) + 1;
    if (inARow >= MISUNDERSTANDINGS_BEFORE_HANDOFF) {
      await accessor?.set(step.context, 0);
      await step.context.sendActivity(t('common:notUnderstoodAgain'));
      return step.beginDialog(DialogIds.handoff);
    }
    await accessor?.set(step.context, inARow);
    await step.context.sendActivity(t('common:notUnderstood', { phone: this.phone.display }));
    return step.endDialog();
  }

  private async anythingElseStep(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    if (isHandOver(step.result)) {
      // Start over with the next capability; "anything else?" comes when that one is done.
      return step.replaceDialog(DialogIds.mainWaterfall, step.result satisfies MainDialogOptions);
    }
    // An agent hub took the conversation over: the assistant says nothing more.
    if ((step.result as HandoffResult | undefined)?.handedOver) return step.endDialog();
    if (offersAnother(step.result)) stepValues<MainValues>(step).another = step.result.another;
    const { t } = turnServices(step.context);
    const prompt: OptionPromptOptions = {
      id: 'anythingElse',
      prompt: t('common:anythingElse.question'),
      newRequestsWelcome: true,
      options: yesNoOptions(step.context),
    };
    return step.prompt(DialogIds.anythingElsePrompt, prompt);
  }

  private async closeStep(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    // "en nog 1 voor mijn andere kind direct erna" right after a booking: one more, not a move of the one just made.
    const another = stepValues<MainValues>(step).another;
    if (another && this.understanding?.asksAnother?.(step.context)) {
      return step.replaceDialog(this.id, { handOver: another } satisfies MainDialogOptions);
    }
    // "ja, ik wil nog een afspraak maken", "nee, maar kan ik mijn afspraak verzetten?", "laat maar, ik kom liever
    // langs": the yes or no comes with a new request; route it (the clarify step reads the counter visit).
    const requestToo = this.saysRequestToo(step.context);
    if (step.result === ANSWER_NO && !requestToo) return step.replaceDialog(DialogIds.mainClosing);
    if (step.result === ANSWER_YES && !requestToo) {
      await step.context.sendActivity(t('common:anythingElse.whatElse'));
      return step.endDialog();
    }
    // Neither yes nor no, or a request with it: the resident asked something new, route it.
    return step.replaceDialog(DialogIds.mainWaterfall);
  }

  /**
   * Whether a yes or no came with a request the assistant can route: more words than yes or no, and a
   * confident intent, or a wish to come to the counter.
   */
  private saysRequestToo(context: TurnContext): boolean {
    const { recognition, language } = turnServices(context);
    const text = context.activity.text ?? '';
    if (readYesNo(text, language)?.whole === true) return false;
    if (this.requestReadOtherwise(context)) return true;
    return !!recognition && recognition.score >= INTERRUPTION_MIN_SCORE && this.routes.has(recognition.intent);
  }

  /** The conversation ends well: record it as resolved, then offer the survey (it decides whether to ask). */
  private async surveyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.closing.ended?.set(step.context, true);
    const outcomes = this.closing.outcomes;
    const outcome = outcomes ? await recordConversationOutcome(step.context, outcomes, 'resolved', this.now()) : 'resolved';
    if (!this.closing.survey) return step.next();
    const options: SurveyDialogOptions = { outcome: outcome === 'escalated' ? 'escalated' : 'resolved' };
    return step.beginDialog(this.closing.survey.id, options);
  }

  private async goodbyeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(turnServices(step.context).t('common:goodbye'));
    return step.endDialog();
  }
}
