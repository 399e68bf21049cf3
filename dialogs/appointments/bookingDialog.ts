import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { buttonValueOf } from '../../bot/channels/renderer.js';
import { readYesNo } from '../../bot/channels/yesNoAnswer.js';
import { turnServices } from '../../bot/turnState.js';
import { isDocumentId, type DocumentId } from '../../domain/nluContract.js';
import { documentDetails } from '../../nlu/documentDetails.js';
import type { Recognition } from '../../nlu/recognizer.js';
import type { BookingContact } from '../../stores/bookings/bookingStore.js';
import {
  findService,
  knownService,
  onlyDocumentOf,
  serviceForDocument,
  type AppointmentService,
} from '../../services/appointments/serviceCatalog.js';
import { timeOfDayFilter, type FreeSlot } from '../../services/appointments/slots.js';
import { DialogIds } from '../dialogIds.js';
import { INTERRUPTION_MIN_SCORE } from '../interruptibleDialog.js';
import { askAgainAfterAside, readOpenQuestion, type HearsAside } from '../prompts/openQuestion.js';
import { asksInPassing } from '../prompts/questionInPassing.js';
import { isStopCommand } from '../prompts/stopCommand.js';
import { readOncePerTurn } from '../prompts/readOncePerTurn.js';
import type { Requester } from '../../services/municipality/municipalityData.js';
import { ANSWER_NO, ANSWER_YES, yesNoOptions, OptionPrompt, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import type { AppointmentDeps, DocumentFacts } from './appointmentDeps.js';
import { checkContact, cleanName, contactPrompt, namePrompt, readContact } from './appointmentPrompts.js';
import { requestIdOf } from '../requestId.js';
import { SenderNumberQuestion, type SenderNumberQuestionOptions } from '../prompts/senderNumberQuestion.js';
import { bookedCard, explainUnbookable, serviceName, summaryLines } from './appointmentTexts.js';
import { visitWhenIn, type VisitWhen } from './firstMessageWish.js';
import { peopleToBook } from './partySize.js';
import { readMomentWish, resolveRelative } from './momentWish.js';
import { brusselsDay } from '../../services/brusselsTime.js';
import type { OffersAnother } from '../mainDialog.js';
import { SlotChoiceDialog, type SlotChoiceOptions } from './slotChoiceDialog.js';
import { stepValues } from '../stepValues.js';

/** How the booking dialog is started: by the main dialog on intent, or by a hand-over with the service chosen. */
export interface BookingDialogOptions {
  /** A service id, or a document id that leads to one (hand-over from the document dialog). */
  service?: string;
  /** The message that asked for an appointment: its document and date wish are used. */
  recognition?: Recognition | null;
  /** What an earlier message said about when (a hand-over from the document dialog): the slot question follows it. */
  when?: VisitWhen;
  /** The document, when a hand-over knows it. */
  document?: DocumentId;
  /** For whom, when a hand-over knows it ("voor mijn zoon" in the document dialog): the confirmation lists what that person needs. */
  requester?: Requester;
  /** The appointment just booked, when this is one more for someone else: "direct erna" counts from its end. */
  after?: { day: string; time: string };
}

/** What a booking ends with: its code, and how one more for someone else starts (see OffersAnother). */
type BookingMade = OffersAnother & { booked: string };

/** What the resident chose so far; carried over when the dialog starts again after a slot was taken. */
interface BookingDraft {
  service?: string;
  /** The document the booking is for, when said ("afspraak voor een reispas"): facts asked in passing are about it. */
  document?: DocumentId;
  /** For whom, when said outright ("voor mijn zoon van 15"): the price asked in passing is that requester's. */
  requester?: Requester;
  /** What the resident said about when before the slot question. */
  when?: VisitWhen;
  proposal?: FreeSlot[];
  intro?: string[];
  slot?: FreeSlot;
  name?: string;
  contact?: BookingContact;
  /** One appointment is for one person: for several ("voor mijn 2 kinderen"), how many, and how many are booked. */
  people?: { count: number; booked: number };
}

interface StepsOptions {
  draft: BookingDraft;
}

/** A first start (the main dialog or a hand-over), or a start again with the draft so far. */
type BookingStepsOptions = BookingDialogOptions & Partial<StepsOptions>;

/**
 * Books a visit at the counter: the service, a free slot (earliest, or one that fits a Dutch wish),
 * the resident's name and one contact, a yes/no check, then the booking code, what to bring and
 * the calendar entry. A retried turn books once: the activity id is the request id.
 */
export class BookingDialog extends ComponentDialog implements HearsAside {
  /** This booking's asides of the turn (see `readOncePerTurn`). */
  private readonly asides = Symbol('bookingAsides');

  constructor(private readonly deps: AppointmentDeps) {
    super(DialogIds.bookAppointment);
    this.addDialog(
      new OptionPrompt(DialogIds.appointmentServicePrompt, async (prompt) => {
        return prompt.recognized.succeeded || this.serviceFromRecognition(turnServices(prompt.context).recognition) !== undefined;
      }),
    );
    this.addDialog(new SlotChoiceDialog(deps));
    this.addDialog(namePrompt(DialogIds.appointmentNamePrompt));
    this.addDialog(
      new SenderNumberQuestion(DialogIds.appointmentContactQuestion, contactPrompt(DialogIds.appointmentContactPrompt), checkContact),
    );
    this.addDialog(new OptionPrompt(DialogIds.appointmentConfirmPrompt));
    this.addDialog(new OptionPrompt(DialogIds.bookingStopCheck));
    this.addDialog(
      new WaterfallDialog<StopCheckOptions>(DialogIds.bookingStopCheckSteps, [
        this.stopCheckStep.bind(this),
        this.stopCheckedStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog<BookingStepsOptions>(DialogIds.bookAppointmentSteps, [
        this.serviceStep.bind(this),
        this.slotStep.bind(this),
        this.nameStep.bind(this),
        this.contactStep.bind(this),
        this.confirmStep.bind(this),
        this.bookStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.bookAppointmentSteps;
  }

  private async serviceStep(step: WaterfallStepContext<BookingStepsOptions>): Promise<DialogTurnResult> {
    const options: BookingStepsOptions = step.options ?? {};
    const draft = options.draft ?? this.firstDraft(step.context, options);
    remembered(step).draft = draft;
    if (draft.service) return step.next();
    const { t, language } = turnServices(step.context);
    const prompt: OptionPromptOptions = {
      id: 'appointments.service',
      prompt: t('appointments:service.question'),
      options: this.deps.catalog.services.map((service) => ({ value: service.id, label: serviceName(service, language) })),
    };
    return step.prompt(DialogIds.appointmentServicePrompt, prompt);
  }

  private async slotStep(step: WaterfallStepContext<BookingStepsOptions>): Promise<DialogTurnResult> {
    const draft = remembered(step).draft;
    // Back from a correction of the name or contact at the summary: the moment stands.
    if (draft.slot) return step.next(draft.slot);
    draft.service ??=
      typeof step.result === 'string' ? step.result : this.serviceFromRecognition(turnServices(step.context).recognition)?.id;
    if (!draft.service) return step.replaceDialog(DialogIds.bookAppointmentSteps, { draft } satisfies StepsOptions);
    const choice: SlotChoiceOptions = {
      service: draft.service,
      ...draft.when,
      ...(draft.proposal ? { proposal: draft.proposal } : {}),
      ...(draft.intro ? { intro: draft.intro } : {}),
    };
    return step.beginDialog(DialogIds.appointmentSlotChoice, choice);
  }

  private async nameStep(step: WaterfallStepContext<BookingStepsOptions>): Promise<DialogTurnResult> {
    const draft = remembered(step).draft;
    const slot = step.result as FreeSlot | undefined;
    // No slot: nothing was free, and the resident was told whom to call.
    if (!slot) return step.endDialog();
    draft.slot = slot;
    delete draft.proposal;
    delete draft.intro;
    if (draft.name) return step.next();
    const { t } = turnServices(step.context);
    return step.prompt(DialogIds.appointmentNamePrompt, {
      prompt: t('appointments:name.question'),
      retryPrompt: t('appointments:name.retry'),
    });
  }

  private async contactStep(step: WaterfallStepContext<BookingStepsOptions>): Promise<DialogTurnResult> {
    const draft = remembered(step).draft;
    if (typeof step.result === 'string') draft.name = cleanName(step.result);
    if (draft.contact) return step.next();
    const { t } = turnServices(step.context);
    const question: SenderNumberQuestionOptions = {
      offerKey: 'appointments:contact.senderNumber',
      ask: { prompt: t('appointments:contact.question'), retryPrompt: t('appointments:contact.retry') },
    };
    return step.beginDialog(DialogIds.appointmentContactQuestion, question);
  }

  private async confirmStep(step: WaterfallStepContext<BookingStepsOptions>): Promise<DialogTurnResult> {
    const draft = remembered(step).draft;
    if (typeof step.result === 'string') {
      const answer = readContact(step.result);
      if (answer.ok) draft.contact = answer.contact;
    }
    const { t, language } = turnServices(step.context);
    const service = this.knownService(draft.service);
    const slot = draft.slot!;
    const lines = summaryLines(t, language, { service, day: slot.day, time: slot.time, name: draft.name, contact: draft.contact });
    const prompt: OptionPromptOptions = {
      id: 'appointments.confirm',
      prompt: [...lines, t('appointments:confirm.question')].join('\n'),
      options: [...yesNoOptions(step.context), ...CORRECTIONS.map((value) => ({ value, label: t(`appointments:confirm.${value}`) }))],
    };
    return step.prompt(DialogIds.appointmentConfirmPrompt, prompt);
  }

  private async bookStep(step: WaterfallStepContext<BookingStepsOptions>): Promise<DialogTurnResult> {
    const draft = remembered(step).draft;
    const { t, language } = turnServices(step.context);
    if (isCorrection(step.result)) {
      // "nee, de naam is fout": ask that one thing again, then the summary again.
      const corrected: BookingDraft = { ...draft };
      delete corrected[CORRECTED_FIELD[step.result]];
      return step.replaceDialog(DialogIds.bookAppointmentSteps, { draft: corrected } satisfies StepsOptions);
    }
    if (step.result !== ANSWER_YES) {
      await step.context.sendActivity(t('appointments:confirm.notBooked'));
      return step.endDialog();
    }
    const result = await this.deps.provider.book({
      service: this.knownService(draft.service).id,
      start: draft.slot!.start,
      name: draft.name!,
      contact: draft.contact!,
      requestId: requestIdOf(step.context),
    });
    if (result.ok) {
      await this.deps.madeHere?.remember(step.context, result.booking);
      const visit = { ...(draft.document ? { document: draft.document } : {}), ...(draft.requester ? { requester: draft.requester } : {}) };
      await step.context.sendActivity(bookedCard(step.context, this.deps, result.booking, 'appointments:booked.title', visit));
      const slot = draft.slot!;
      const people = draft.people;
      if (people && people.booked + 1 < people.count) {
        // The next person's appointment, right after this one; the contact stays, the name is theirs.
        const booked = people.booked + 1;
        const next: BookingDraft = {
          ...(draft.service ? { service: draft.service } : {}),
          ...(draft.document ? { document: draft.document } : {}),
          ...(draft.contact ? { contact: draft.contact } : {}),
          people: { count: people.count, booked },
          when: resolveRelative('laterSameDay', { day: slot.day, time: slot.endTime }, brusselsDay(this.deps.clock())),
          intro: [t('appointments:people.next', { number: booked + 1, count: people.count })],
        };
        return step.replaceDialog(DialogIds.bookAppointmentSteps, { draft: next } satisfies StepsOptions);
      }
      // "en nog 1 voor mijn andere kind direct erna": the same service and document, for the person said then.
      const another: BookingDialogOptions = {
        service: draft.service,
        ...(draft.document ? { document: draft.document } : {}),
        after: { day: slot.day, time: slot.endTime },
      };
      return step.endDialog({
        booked: result.booking.code,
        another: { intent: 'appointment.book', options: another },
      } satisfies BookingMade);
    }
    const { failure } = result;
    if (failure.code === 'unknownService') throw new RangeError(`the catalog has no service ${draft.service}`);
    // Taken meanwhile, or no longer bookable (the lead time passed while the resident typed): offer the next ones.
    const intro = [
      failure.code === 'slotTaken' ? t('appointments:booked.slotTaken') : explainUnbookable(failure.reason, this.deps, t, language),
    ];
    const next: BookingDraft = { ...draft, proposal: failure.nextFree, intro };
    delete next.slot;
    return step.replaceDialog(DialogIds.bookAppointmentSteps, { draft: next } satisfies StepsOptions);
  }

  /** "nee toch niet" at the name or contact question: stop, another moment, or carry on? (It may be the moment that is wrong.) */
  private async stopCheckStep(step: WaterfallStepContext<StopCheckOptions>): Promise<DialogTurnResult> {
    const { t } = turnServices(step.context);
    const prompt: OptionPromptOptions = {
      id: 'appointments.stopCheck',
      prompt: t('appointments:stopCheck.question'),
      options: STOP_CHECK.map(({ value, key }) => ({ value, label: t(`appointments:stopCheck.${key}`) })),
    };
    return step.prompt(DialogIds.bookingStopCheck, prompt);
  }

  private async stopCheckedStep(step: WaterfallStepContext<StopCheckOptions>): Promise<DialogTurnResult> {
    if (step.result === ANSWER_YES) {
      await step.context.sendActivity(turnServices(step.context).t('appointments:confirm.notBooked'));
      return step.cancelAllDialogs();
    }
    // Carry on: the question that was open is asked again.
    if (step.result !== 'otherMoment') return step.endDialog();
    const draft: BookingDraft = { ...step.options!.draft };
    delete draft.slot;
    delete draft.proposal;
    delete draft.intro;
    await step.cancelAllDialogs();
    return step.beginDialog(DialogIds.bookAppointmentSteps, { draft } satisfies StepsOptions);
  }

  hearsAside(innerDc: DialogContext): boolean {
    return this.asideIn(innerDc) !== undefined;
  }

  /**
   * Before the open question reads the message: a question about the booking's document ("wat kost
   * dat eigenlijk?") is answered and the same question asked again; another document's service
   * ("niet voor een paspoort maar voor mijn identiteitskaart") becomes the booking's, with new moments.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const aside = this.asideIn(innerDc);
    if (!aside) return super.onContinueDialog(innerDc);
    const { context } = innerDc;
    const { t, language } = turnServices(context);
    if (aside.kind === 'facts') {
      await this.deps.documentFacts?.answer(context, aside.document, aside.requester, aside.asked);
      return askAgainAfterAside(innerDc);
    }
    if (aside.kind === 'withdrawn')
      return innerDc.beginDialog(DialogIds.bookingStopCheckSteps, { draft: aside.draft } satisfies StopCheckOptions);
    if (aside.kind === 'moment') {
      // "wacht, liever vrijdag" at the name or contact question: new moments for that wish; what was answered stays.
      const draft: BookingDraft = { ...aside.draft, when: aside.when };
      delete draft.slot;
      delete draft.proposal;
      delete draft.intro;
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(DialogIds.bookAppointmentSteps, { draft } satisfies StepsOptions);
    }
    // The moment was for the other service (its counters and length differ): choose again; name and contact stay.
    // A moment said with the change ("liever voor een identiteitskaart, en dan op vrijdag") is for the new service.
    const said = context.activity.text ? visitWhenIn(context.activity.text, this.deps.clock()) : undefined;
    const draft: BookingDraft = { ...aside.draft, service: aside.service.id, document: aside.document, ...(said ? { when: said } : {}) };
    delete draft.slot;
    delete draft.proposal;
    delete draft.requester;
    draft.intro = [t('appointments:service.switched', { service: serviceName(aside.service, language) })];
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(DialogIds.bookAppointmentSteps, { draft } satisfies StepsOptions);
  }

  /**
   * What the message asks besides the open question, if anything (see onContinueDialog). Read once
   * per turn: the root's interruptions ask (`hearsAside`) before the booking is continued, on
   * another context of the same dialog stack.
   */
  private asideIn(innerDc: DialogContext): BookingAside | undefined {
    return readOncePerTurn(innerDc.context, this.asides, innerDc.stack, () => this.readAside(innerDc));
  }

  private readAside(innerDc: DialogContext): BookingAside | undefined {
    const draft = (innerDc.stack.find((instance) => instance.id === DialogIds.bookAppointmentSteps)?.state as StepsState | undefined)
      ?.values?.draft;
    if (!draft?.service || leafDialogId(innerDc) === DialogIds.appointmentServicePrompt) return undefined;
    const { context } = innerDc;
    const { recognition } = turnServices(context);
    const text = context.activity.text ?? '';
    const reading = readOpenQuestion(innerDc);
    // After the moment was chosen, a message about when ("wacht, liever vrijdag", "woensdag niet, donderdag wel")
    // is no name or contact, and no stop: it changes the moment. An earlier slot's button or a question
    // in passing ("zijn jullie zaterdag open?") is not.
    const wantsPerson = recognition?.intent === 'handoff.human' && recognition.score >= INTERRUPTION_MIN_SCORE;
    const aboutWhen = !wantsPerson && reading?.kind !== 'oldButton' && !asksInPassing(context) && !readContact(text).ok;
    const leaf = leafDialogId(innerDc) ?? '';
    if (aboutWhen && AFTER_MOMENT_QUESTIONS.includes(leaf)) {
      const when = visitWhenIn(text, this.deps.clock());
      if (when && !(leaf === DialogIds.appointmentConfirmPrompt && agreesToSlot(context, draft.slot, when))) {
        return { kind: 'moment', draft, when };
      }
    }
    // "nee toch niet" once the moment is chosen may be about the moment: asked, not stopped at once ("stop" stops).
    if (reading?.kind === 'withdraw' && AFTER_MOMENT_QUESTIONS.includes(leafDialogId(innerDc) ?? '') && !isStopCommand(context)) {
      return { kind: 'withdrawn', draft };
    }
    const answered = reading !== undefined && reading.kind !== 'notAnswer' && reading.kind !== 'likelyAnswer';
    // An answer stays an answer ("hoelang is zo'n reispas geldig", a name), but at the question when, another
    // document with a day ("liever voor een identiteitskaart, en dan op vrijdag") changes the service first.
    const plainAnswer = answered && !reading.wishOnly;
    if (plainAnswer && !WHEN_QUESTIONS.includes(leafDialogId(innerDc) ?? '')) return undefined;
    // "ik wil een medewerker spreken over de prijs", "stop": those go first.
    if (recognition && ['handoff.human', 'cancel'].includes(recognition.intent) && recognition.score >= INTERRUPTION_MIN_SCORE) {
      return undefined;
    }
    const named = recognition?.entities.document;
    const asked = this.deps.documentFacts?.asked(text) ?? [];
    if (asked.length === 0 && answered && named === undefined) return undefined;
    if (asked.length > 0 && plainAnswer) return undefined;
    if (asked.length > 0) {
      const document = named ?? draft.document ?? onlyDocumentOf(findService(this.deps.catalog, draft.service));
      if (!document) return undefined;
      return { kind: 'facts', document, requester: named === undefined || named === draft.document ? draft.requester : undefined, asked };
    }
    const service = named === undefined ? undefined : serviceForDocument(this.deps.catalog, named);
    if (!named || !service || service.id === draft.service) return undefined;
    return { kind: 'switch', draft, service, document: named };
  }

  /** The service and any date wish from how the dialog was started. */
  private firstDraft(context: TurnContext, options: BookingDialogOptions): BookingDraft {
    const draft: BookingDraft = {};
    const handedOver = options.service === undefined ? undefined : this.serviceFromId(options.service);
    const service = handedOver ?? this.serviceFromRecognition(options.recognition);
    if (service) draft.service = service.id;
    const document = options.document ?? (isDocumentId(options.service) ? options.service : options.recognition?.entities.document);
    if (document) draft.document = document;
    const forWhom = documentDetails(context.activity.text ?? '').requester;
    const requester = options.requester ?? (forWhom?.explicit ? forWhom.who : undefined);
    if (requester) draft.requester = requester;
    // Only a message that itself asked for an appointment carries a wish ("afspraak morgen in de namiddag");
    // a hand-over brings the wish of the message that started the conversation, one more after a booking this message's.
    const text = context.activity.text;
    const asked = options.recognition?.intent === 'appointment.book' || options.after !== undefined;
    const when = asked && text ? this.wishIn(text, options.after) : options.when;
    if (when) draft.when = when;
    // "voor mijn 2 kinderen": one appointment each, one after the other; said before the first slots.
    const people = asked && text ? peopleToBook(text) : undefined;
    if (people) {
      const minutes = draft.service ? findService(this.deps.catalog, draft.service)?.durationMinutes : undefined;
      const { t } = turnServices(context);
      draft.people = { count: people, booked: 0 };
      draft.intro = [
        t(minutes ? 'appointments:people.onePerPerson' : 'appointments:people.onePerPersonNoLength', { count: people, minutes }),
      ];
    }
    return draft;
  }

  /** What `text` says about when; "direct erna" after the appointment `after`, when this is one more right after it. */
  private wishIn(text: string, after: BookingDialogOptions['after']): VisitWhen | undefined {
    const now = this.deps.clock();
    const relative = after ? readMomentWish(text, now)?.relative : undefined;
    if (after && relative) return resolveRelative(relative, after, brusselsDay(now));
    return visitWhenIn(text, now);
  }

  private serviceFromId(id: string): AppointmentService | undefined {
    return findService(this.deps.catalog, id) ?? serviceForDocument(this.deps.catalog, id);
  }

  private serviceFromRecognition(recognition: Recognition | null | undefined): AppointmentService | undefined {
    const document = recognition?.entities.document;
    return document === undefined ? undefined : serviceForDocument(this.deps.catalog, document);
  }

  private knownService(id: string | undefined): AppointmentService {
    if (id === undefined) throw new RangeError('the booking has no service');
    return knownService(this.deps.catalog, id);
  }
}

/** The questions about when: a day in their answer may come with a change of service. */
const WHEN_QUESTIONS: readonly string[] = [DialogIds.appointmentSlotPrompt, DialogIds.appointmentWishPrompt];

/** The questions asked once the moment is chosen: a wish about when said there changes the moment. */
const AFTER_MOMENT_QUESTIONS: readonly string[] = [
  DialogIds.appointmentNamePrompt,
  DialogIds.appointmentContactPrompt,
  DialogIds.senderNumberOffer,
  DialogIds.appointmentConfirmPrompt,
];

/**
 * At the summary, a yes is no change of moment: "ja" alone, a button, or a yes whose moment the chosen slot
 * already fits ("ja, om 10 uur is goed"). "nee toch liever zaterdag" and "ja maar liever woensdag" change it.
 */
function agreesToSlot(context: TurnContext, slot: FreeSlot | undefined, when: VisitWhen): boolean {
  if (buttonValueOf(context.activity) !== undefined) return true;
  const yes = readYesNo(context.activity.text ?? '', turnServices(context).language, 'confirmation');
  if (yes?.meaning !== 'yes') return false;
  if (yes.whole) return true;
  const wish = when.wish;
  const onlyAWish = wish !== undefined && when.period === undefined && when.avoid === undefined && !when.askDay;
  return onlyAWish && slot !== undefined && (wish.day === undefined || wish.day === slot.day) && timeOfDayFilter(wish)(slot.time);
}

/** What a resident can correct at the summary, as options after yes and no. */
const CORRECTIONS = ['fixName', 'fixContact', 'fixMoment'] as const;
type Correction = (typeof CORRECTIONS)[number];
const CORRECTED_FIELD: Record<Correction, 'name' | 'contact' | 'slot'> = { fixName: 'name', fixContact: 'contact', fixMoment: 'slot' };

function isCorrection(value: unknown): value is Correction {
  return (CORRECTIONS as readonly unknown[]).includes(value);
}

/** What the booking hears besides the open question. */
type BookingAside =
  | { kind: 'facts'; document: DocumentId; requester: Requester | undefined; asked: ReturnType<DocumentFacts['asked']> }
  | { kind: 'switch'; draft: BookingDraft; service: AppointmentService; document: DocumentId }
  | { kind: 'moment'; draft: BookingDraft; when: VisitWhen }
  | { kind: 'withdrawn'; draft: BookingDraft };

/** The options of the stop check (after "nee toch niet" at the name or contact question): stop, another moment, or go on. */
const STOP_CHECK = [
  { value: ANSWER_YES, key: 'stop' },
  { value: 'otherMoment', key: 'otherMoment' },
  { value: ANSWER_NO, key: 'goOn' },
] as const;

/** The stop check's options: the booking so far. */
interface StopCheckOptions {
  draft: BookingDraft;
}

/** The booking steps' waterfall state, as another turn's message finds it. */
interface StepsState {
  values?: Partial<Remembered>;
}

/** The id of the innermost active dialog. */
function leafDialogId(dc: DialogContext): string | undefined {
  let leaf = dc;
  for (let child = leaf.child; child; child = leaf.child) leaf = child;
  return leaf.activeDialog?.id;
}

/** What the steps remember between turns. */
interface Remembered {
  draft: BookingDraft;
}

function remembered(step: WaterfallStepContext<BookingStepsOptions>): Remembered {
  return stepValues<Remembered>(step);
}
