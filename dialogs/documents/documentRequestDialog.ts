import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { answerPhrases, answerWords, containsAnyPhrase, phraseWords } from '../../bot/channels/answerPhrases.js';
import { buttonValueOf, optionsAsShown, type Option } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import { isDocumentId, type DocumentId } from '../../domain/nluContract.js';
import { isUnderKidsIdAge, isUnderKidsIdAgeAnswer } from '../../nlu/childAge.js';
import { documentDetails, type ModelMention, type Relation, type RequesterMention } from '../../nlu/documentDetails.js';
import { wordsOf } from '../../nlu/plainText.js';
import {
  documentRoute,
  questionsFor,
  requesterOptions,
  type DocumentRoute,
  type RouteRequest,
} from '../../services/municipality/documentRoute.js';
import type { DocumentEntry, MunicipalityData, Requester } from '../../services/municipality/municipalityData.js';
import { LOGIN_MEANS, mentions, type DocumentFact, type LoginMeans } from '../../services/municipality/questionCues.js';
import { visitWhenIn, type VisitWhen } from '../appointments/firstMessageWish.js';
import { readMomentWish } from '../appointments/momentWish.js';
import { handOverToBooking, type BookingFor, type CapabilityOptions } from '../capabilityOptions.js';
import { DialogIds } from '../dialogIds.js';
import { capitalised } from '../displayFormats.js';
import { askOptions, FOLLOW_UP } from '../prompts/askOptions.js';
import { askAgainAfterAside, readOpenQuestion, type HearsAside } from '../prompts/openQuestion.js';
import { ANSWER_YES, yesNoOptions, OptionPrompt, type OptionPromptOptions } from '../prompts/optionPrompt.js';
import { LoginAlternativesDialog, type LoginAlternative, type LoginAlternativesOptions } from '../thuisloket/loginAlternativesDialog.js';
import { DocumentFactsAnswer } from './documentFacts.js';
import { DOCUMENT_GROUP_IDS, DOCUMENT_GROUPS, type DocumentGroup } from './documentGroups.js';
import {
  collectionMessages,
  inPersonRouteMessages,
  notAvailableMessages,
  onlineRouteMessages,
  type Message,
  type RouteCircumstances,
  type RouteMessageContext,
} from './routeMessages.js';
import { stepValues } from '../stepValues.js';

interface DocumentRequestOptions extends CapabilityOptions {
  /** The document, when another dialog already knows it; else taken from the recognition or asked. */
  document?: DocumentId;
  /** The request so far with another requester, after "nee, het is voor mezelf" at a question after the answer. */
  corrected?: RequestState;
}

/** What the dialog knows so far; kept in the step values, the route is worked out again from it. */
interface RequestState {
  document?: DocumentId;
  model?: string;
  requester?: Requester;
  /** What the first message said besides the document. */
  said?: FirstMessage;
  /** For whom and which model, as the resident said it before the questions (in the first message or an answer). */
  requesterSaid?: RequesterMention;
  modelSaid?: ModelMention;
  /** When the first message said the resident would come ("kan ik donderdag langskomen?"): the booking follows it. */
  when?: VisitWhen;
  /** What the answer offered next: the online route (can you log in?) or a visit (book this service?). */
  offered?: { kind: 'online' } | { kind: 'visit'; service: string };
  /** The condolence was said before the first question: the answer does not say it again. */
  condoled?: boolean;
  /** A child's age was said ("mijn zoon van 14", "onze baby"): the recognizer chose the Kids-ID or the eID by it. */
  ageSaid?: boolean;
}

/** What the resident said in the message that started the dialog, beyond the document. */
interface FirstMessage {
  collect: boolean;
  bereaved: boolean;
  noComputer: boolean;
  /** "ik ben mijn identiteitskaart verloren": the card must be blocked. */
  lost?: boolean;
  /** "wat kost een reispas voor mijn dochter?": the facts asked, answered alone. */
  facts?: readonly DocumentFact[];
}

/** The documents DOC STOP blocks when they are lost or stolen. */
const BLOCKABLE: readonly DocumentId[] = ['identiteitskaart', 'kids-id', 'reispas'];

/** The offer to book the counter visit: a question about the document there ("wat kost da", "kan dat online?") is answered first. */
const BOOK_OFFER = 'documents.bookOffer';

/**
 * Facts that a first message asks, answered alone instead of the whole route. Not whether it can be done online (the
 * route says that), nor how long it stays valid: "of dat nog geldig is", "my passport expired" tell a story.
 */
const FACTS_ANSWERED_FIRST: readonly DocumentFact[] = ['price', 'delivery', 'bring'];

/** Whether the resident can log in to the thuisloket: "wat is itsme?" there is answered first. */
const CAN_LOG_IN = 'documents.canLogIn';

/** The offer's own "now", no wish about when. */
const OFFER_NOW = /(?<!\p{L})nu(?!\p{L})/giu;

/** The message without the word for now, which echoes the offer's own question (documents:inPerson.appointment.offer): it says nothing about when. */
function withoutOfferNow(context: TurnContext): string {
  return (context.activity.text ?? '').replace(OFFER_NOW, ' ');
}

/** This dialog's own questions (not the login alternatives): a question about the document's facts is heard there. */
const DOCUMENT_QUESTIONS: readonly string[] = [
  DialogIds.documentRequestQuestion,
  DialogIds.documentRequesterQuestion,
  DialogIds.documentChildAgeQuestion,
  DialogIds.documentBookOffer,
];

/** The questions after the answer (can the resident log in, the offer to book): a requester said there corrects the answer. */
const AFTER_ANSWER_QUESTIONS: readonly string[] = [DialogIds.documentRequestQuestion, DialogIds.documentBookOffer];

/** The answer at the document menu that names a document instead of picking a group ("overlijdensakte", "een bewijs van woonst"). */
const NAMED_DOCUMENT = 'namedDocument';

/** The answer to "hoe oud is uw kind?" that gives the age ("hij is 14", "15") instead of picking an option. */
const AGE_SAID = 'ageSaid';

/** The options of "hoe oud is uw kind?": the identity document each age gets. */
const CHILD_AGE_DOCUMENTS = { under12: 'kids-id', from12: 'identiteitskaart' } as const satisfies Record<string, DocumentId>;

/** The answer to "voor wie?" that tells no person but that the resident has no computer: for themselves, without the online route. */
const NO_COMPUTER = 'noComputer';

/**
 * Helps a resident get a certificate, deed or identity document: finds out which one, asks only
 * the questions that change the answer, then explains the online route (and what to do without
 * itsme or a card reader) or the counter route with the offer to book an appointment right away.
 */
export class DocumentRequestDialog extends ComponentDialog implements HearsAside {
  private readonly documentFacts: DocumentFactsAnswer;

  constructor(
    private readonly facts: MunicipalityData,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super(DialogIds.documentRequest);
    this.documentFacts = new DocumentFactsAnswer(facts);
    this.addDialog(new OptionPrompt(DialogIds.documentRequestQuestion));
    // The document's name works at the menu as it does in a first message: the dialog takes it from the recognition.
    this.addDialog(
      new OptionPrompt(DialogIds.documentChoiceQuestion, undefined, {
        value: NAMED_DOCUMENT,
        reads: (context) => documentNamed(context, []) !== undefined,
      }),
    );
    // "ik heb geen computer" at "voor wie?": she asks for herself and needs the counter, not the question again.
    this.addDialog(
      new OptionPrompt(DialogIds.documentRequesterQuestion, undefined, {
        value: NO_COMPUTER,
        reads: (context) => mentions(context.activity.text, facts.cues.noComputer),
      }),
    );
    // "kan da morgen", "k heb da nodig tegen volgende week" at the offer to book: a wish about when is a yes, and the
    // booking follows the wish (none: the first free moments). A question about the document there is answered first.
    this.addDialog(
      new OptionPrompt(DialogIds.documentBookOffer, undefined, {
        value: ANSWER_YES,
        reads: (context) => this.saysWhen(context),
      }),
    );
    // "hij is 14", "ze is 7 jaar" at "hoe oud is uw kind?": the age said, read by the step.
    this.addDialog(
      new OptionPrompt(DialogIds.documentChildAgeQuestion, undefined, {
        value: AGE_SAID,
        reads: (context) => isUnderKidsIdAgeAnswer(wordsOf(context.activity.text ?? '')) !== undefined,
      }),
    );
    this.addDialog(new LoginAlternativesDialog(facts.municipality));
    this.addDialog(
      new WaterfallDialog(DialogIds.documentRequestSteps, [
        this.groupStep.bind(this),
        this.documentStep.bind(this),
        this.modelStep.bind(this),
        this.requesterStep.bind(this),
        this.childAgeStep.bind(this),
        this.answerStep.bind(this),
        this.nextStep.bind(this),
        this.alternativeStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.documentRequestSteps;
  }

  private async groupStep(step: WaterfallStepContext<DocumentRequestOptions>): Promise<DialogTurnResult> {
    const options: DocumentRequestOptions = step.options ?? {};
    if (options.corrected) {
      // What the resident said before stays; only for whom changed, so the route is worked out again.
      stepValues<{ request?: RequestState }>(step).request = options.corrected;
      return step.next();
    }
    const text = step.context.activity.text;
    const { cues } = this.facts;
    state(step).said = {
      collect: mentions(text, cues.collect),
      bereaved: mentions(text, cues.death),
      noComputer: mentions(text, cues.noComputer),
      lost: mentions(text, cues.lostDocument),
      facts: this.documentFacts.asked(text).filter((fact) => FACTS_ANSWERED_FIRST.includes(fact)),
    };
    const when = this.wishIn(step.context);
    if (when) state(step).when = when;
    hear(step);
    const known = options.document ?? options.recognition?.entities.document;
    if (isDocumentId(known)) {
      state(step).document = known;
      return step.next();
    }
    const { t } = turnServices(step.context);
    // "mijn vader is vorige week gestorven": a word of sympathy before "which document?", not after it.
    if (state(step).said?.bereaved) {
      await step.context.sendActivity(t('documents:bereaved.condolence'));
      state(step).condoled = true;
    }
    return askOptions(
      step,
      DialogIds.documentChoiceQuestion,
      t('documents:choose.groupAsk'),
      groupOptions(step.context),
      GROUP_QUESTION,
      FOLLOW_UP,
    );
  }

  private async documentStep(step: WaterfallStepContext<DocumentRequestOptions>): Promise<DialogTurnResult> {
    if (state(step).document) return step.next();
    hear(step);
    // "reispas" also picks the group that names it: the document itself is known, so no second menu.
    const named = documentNamed(
      step.context,
      optionsAsShown(
        step.context.activity.channelId,
        { id: GROUP_QUESTION, text: '', options: groupOptions(step.context) },
        turnServices(step.context).t,
      ),
    );
    if (named) return step.next(named);
    const ids: readonly DocumentId[] = DOCUMENT_GROUPS[step.result as DocumentGroup];
    if (ids.length === 1) return step.next(ids[0]);
    const { t, language } = turnServices(step.context);
    const documents: Option[] = ids.map((id) => ({ value: id, label: capitalised(this.document(id).name[language]) }));
    return askOptions(
      step,
      DialogIds.documentChoiceQuestion,
      t('documents:choose.documentAsk'),
      documents,
      'documents.document',
      FOLLOW_UP,
    );
  }

  private async modelStep(step: WaterfallStepContext<DocumentRequestOptions>): Promise<DialogTurnResult> {
    const request = state(step);
    if (!request.document) {
      // The menu's other answer is read only when the message names a document.
      request.document = step.result === NAMED_DOCUMENT ? documentNamed(step.context, [])! : (step.result as DocumentId);
      hear(step);
    }
    const document = this.document(request.document);
    const question = questionsFor(document).find((q) => q.question === 'model');
    // Chosen before a correction of for whom: not asked again.
    if (!question || request.model !== undefined) return step.next();
    const { t } = turnServices(step.context);
    const said = request.modelSaid;
    if (said && question.options.includes(said.id)) {
      // Said before the question: explain only that model, and when it was read from "voor mijn werk", where model 2 is for.
      request.model = said.id;
      await step.context.sendActivity(t(`documents:models.${said.id}`));
      if (said.how === 'purpose' && said.id === 'model-1') await step.context.sendActivity(t('documents:models.model-2-hint'));
      return step.next();
    }
    // The models are legal terms: explain them before asking which one.
    for (const model of question.options) await step.context.sendActivity(t(`documents:models.${model}`));
    const options: Option[] = question.options.map((model) => ({ value: model, label: t(`documents:questions.model.options.${model}`) }));
    return askOptions(step, DialogIds.documentRequestQuestion, t('documents:questions.model.ask'), options, 'documents.model');
  }

  private async requesterStep(step: WaterfallStepContext<DocumentRequestOptions>): Promise<DialogTurnResult> {
    const request = state(step);
    const document = this.document(request.document!);
    if (typeof step.result === 'string') {
      request.model = step.result;
      // "weet ik niet", "wa is het verschil" at the model question: the usual model 1, and where model 2 is for.
      if (step.result === 'model-1' && saysUnsure(step.context)) {
        const { t } = turnServices(step.context);
        await step.context.sendActivity(t('documents:models.model-1'));
        await step.context.sendActivity(t('documents:models.model-2-hint'));
      }
    }
    const said = request.requesterSaid;
    // Said before the question: one of the people who may request it, or said outright (then the route may say it is not possible).
    if (said && (said.explicit || requesterOptions(document, request.model).includes(said.who))) {
      request.requester = said.who;
      return step.next();
    }
    const question = questionsFor(document, routeRequest(request)).find((q) => q.question === 'requester');
    if (!question) return step.next();
    const { t } = turnServices(step.context);
    const options: Option[] = question.options.map((requester) => ({
      value: requester,
      label: t(`documents:questions.requester.options.${requester}`),
    }));
    return askOptions(step, DialogIds.documentRequesterQuestion, t('documents:questions.requester.ask'), options, 'documents.requester');
  }

  /**
   * An identity card for a child whose age was not said ("identiteitskaart van mijn zoon"): under 12 it is a Kids-ID,
   * so the age is asked. Not when the Kids-ID was named, nor when the age was said.
   */
  private async childAgeStep(step: WaterfallStepContext<DocumentRequestOptions>): Promise<DialogTurnResult> {
    const request = state(step);
    // NO_COMPUTER is read from the text of the turn that answered it: the answer step reads it from said.
    if (step.result === NO_COMPUTER && request.said) request.said.noComputer = true;
    else if (typeof step.result === 'string') request.requester = step.result as Requester;
    if (request.document !== 'identiteitskaart' || request.requester !== 'child' || request.ageSaid) return step.next();
    // Said with the answer for whom ("voor mijn zoon van 14"): no question.
    const young = isUnderKidsIdAge(wordsOf(step.context.activity.text ?? ''));
    if (young !== undefined) return step.next(CHILD_AGE_DOCUMENTS[young ? 'under12' : 'from12']);
    const { t } = turnServices(step.context);
    const options: Option[] = (Object.keys(CHILD_AGE_DOCUMENTS) as (keyof typeof CHILD_AGE_DOCUMENTS)[]).map((age) => ({
      value: CHILD_AGE_DOCUMENTS[age],
      label: t(`documents:questions.childAge.options.${age}`),
    }));
    const child = request.requesterSaid?.relation
      ? t(`documents:relations.${request.requesterSaid.relation}`)
      : t('documents:relations.child');
    return askOptions(
      step,
      DialogIds.documentChildAgeQuestion,
      t('documents:questions.childAge.ask', { child }),
      options,
      'documents.childAge',
    );
  }

  private async answerStep(step: WaterfallStepContext<DocumentRequestOptions>): Promise<DialogTurnResult> {
    const request = state(step);
    if (step.result === AGE_SAID) {
      const young = isUnderKidsIdAgeAnswer(wordsOf(step.context.activity.text ?? ''));
      request.document = CHILD_AGE_DOCUMENTS[young ? 'under12' : 'from12'];
    } else if (isDocumentId(step.result)) request.document = step.result;
    const document = this.document(request.document!);
    const said = request.said ?? { collect: false, bereaved: false, noComputer: false };
    const ctx = this.messageContext(step);
    const circumstances: RouteCircumstances = {
      bereaved: said.bereaved || document.id === 'akte-overlijden' || request.requester === 'deceased',
      condoled: request.condoled === true,
      lost: said.lost === true && BLOCKABLE.includes(document.id),
      // "ik heb geen computer" may also come as the answer to the last question.
      noComputer: said.noComputer || mentions(step.context.activity.text, this.facts.cues.noComputer),
    };
    const collection = document.counter.collection;
    if (said.collect && collection) {
      await send(step, collectionMessages(document, collection, ctx, request.requester));
      return this.offerVisit(step, collection.appointmentNeeded ? collection.appointmentService : undefined);
    }
    const route = documentRoute(document, routeRequest(request));
    const factsAsked = said.facts ?? [];
    // "wat kost een reispas voor mijn dochter?": what was asked, and how to get it in one line. A loss or a death needs the whole way.
    if (factsAsked.length > 0 && route.kind !== 'notAvailable' && !circumstances.lost && !circumstances.bereaved) {
      await this.documentFacts.answer(step.context, document.id, request.requester, factsAsked, 'fastest');
      if (route.kind === 'inPerson') return this.offerVisit(step, route.appointmentNeeded ? route.appointmentService : undefined);
      await step.context.sendActivity(ctx.t('documents:factsFirst.online', { url: route.url }));
      return step.endDialog();
    }
    switch (route.kind) {
      case 'online':
        // Without a computer the online route is no help: the phone and a visit come first.
        if (circumstances.noComputer && route.inPersonAlternative) {
          await send(step, inPersonRouteMessages(document, route.inPersonAlternative, ctx, { notOnline: false }, circumstances));
          return this.offerVisit(
            step,
            route.inPersonAlternative.appointmentNeeded ? route.inPersonAlternative.appointmentService : undefined,
          );
        }
        await send(step, onlineRouteMessages(document, route, ctx, circumstances));
        request.offered = { kind: 'online' };
        return askOptions(
          step,
          DialogIds.documentRequestQuestion,
          ctx.t('documents:online.canLogIn.ask'),
          yesNoOptions(step.context, 'documents:online.canLogIn.no'),
          CAN_LOG_IN,
          FOLLOW_UP,
        );
      case 'inPerson':
        await send(step, inPersonRouteMessages(document, route, ctx, { notOnline: true }, circumstances));
        return this.offerVisit(step, route.appointmentNeeded ? route.appointmentService : undefined);
      case 'notAvailable':
        await send(step, notAvailableMessages(ctx));
        return step.endDialog();
    }
  }

  hearsAside(innerDc: DialogContext): boolean {
    return (
      this.factsAsked(innerDc) !== undefined || this.requesterCorrected(innerDc) !== undefined || this.loginMeansAsked(innerDc).length > 0
    );
  }

  /**
   * Once the document is known, a question about its facts at any of this dialog's questions ("wa kost da" at
   * "Voor wie vraagt u het aan?", "hoe lang duurt dat?" at the offer to book) is answered, then the question again.
   * At a question after the answer, "nee, het is voor mezelf, niet voor de buurvrouw" corrects for whom: the answer again.
   * At "Kunt u zich aanmelden?", "wat is itsme?" is answered, then the question again.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const corrected = this.requesterCorrected(innerDc);
    if (corrected) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(DialogIds.documentRequestSteps, { corrected } satisfies DocumentRequestOptions);
    }
    const means = this.loginMeansAsked(innerDc);
    if (means.length > 0) {
      const { t } = turnServices(innerDc.context);
      await innerDc.context.sendActivity(means.map((asked) => t(`thuisloket:login.${asked}`)).join('\n'));
      return askAgainAfterAside(innerDc);
    }
    const asked = this.factsAsked(innerDc);
    if (!asked) return super.onContinueDialog(innerDc);
    const { request, facts, atOffer } = asked;
    // At the offer to book the counter route was told; before the route, the fastest one is the answer.
    await this.documentFacts.answer(innerDc.context, request.document!, request.requester, facts, atOffer ? 'counter' : 'fastest');
    return askAgainAfterAside(innerDc);
  }

  /** The facts asked, when one of this dialog's questions is open, its document known, and the message no answer to it. */
  private factsAsked(
    innerDc: DialogContext,
  ): { request: RequestState; facts: ReturnType<DocumentFactsAnswer['asked']>; atOffer: boolean } | undefined {
    const active = innerDc.activeDialog;
    if (!active || !DOCUMENT_QUESTIONS.includes(active.id)) return undefined;
    const question = (active.state as { options?: OptionPromptOptions }).options;
    const reading = readOpenQuestion(innerDc);
    if (reading && reading.kind !== 'notAnswer') return undefined;
    const request = this.requestIn(innerDc);
    const facts = this.documentFacts.asked(innerDc.context.activity.text);
    return request?.document && facts.length > 0 ? { request, facts, atOffer: question?.id === BOOK_OFFER } : undefined;
  }

  /** The ways to log in asked about (cue set `loginMeans` in data/questionCues.json) while the CAN_LOG_IN question is open. */
  private loginMeansAsked(innerDc: DialogContext): readonly LoginMeans[] {
    const active = innerDc.activeDialog;
    if (active?.id !== DialogIds.documentRequestQuestion || buttonValueOf(innerDc.context.activity)) return [];
    if ((active.state as { options?: OptionPromptOptions }).options?.id !== CAN_LOG_IN) return [];
    const text = innerDc.context.activity.text;
    return LOGIN_MEANS.filter((means) => mentions(text, this.facts.cues.loginMeans[means]));
  }

  /** What the steps know so far, read from another turn's inner context. */
  private requestIn(innerDc: DialogContext): RequestState | undefined {
    const steps = innerDc.stack.find((instance) => instance.id === DialogIds.documentRequestSteps);
    return (steps?.state as { values?: { request?: RequestState } } | undefined)?.values?.request;
  }

  /** The request with the requester said now, when a question after the answer is open and it differs from the one answered for. */
  private requesterCorrected(innerDc: DialogContext): RequestState | undefined {
    if (!AFTER_ANSWER_QUESTIONS.includes(innerDc.activeDialog?.id ?? '')) return undefined;
    const steps = innerDc.stack.find((instance) => instance.id === DialogIds.documentRequestSteps);
    const request = (steps?.state as { values?: { request?: RequestState } } | undefined)?.values?.request;
    if (!request?.document || !request.offered) return undefined;
    const said = documentDetails(innerDc.context.activity.text ?? '').requester;
    const document = this.document(request.document);
    if (!said?.explicit || said.who === request.requester || !requesterOptions(document, request.model).includes(said.who))
      return undefined;
    const { offered: _offered, ...rest } = request;
    return { ...rest, requester: said.who, requesterSaid: said };
  }

  /** Offers to book this service now; without a service (no appointment needed) the answer is complete. */
  private async offerVisit(step: WaterfallStepContext<DocumentRequestOptions>, service: string | undefined): Promise<DialogTurnResult> {
    if (!service) return step.endDialog();
    const { t } = turnServices(step.context);
    state(step).offered = { kind: 'visit', service };
    return askOptions(
      step,
      DialogIds.documentBookOffer,
      t('documents:inPerson.appointment.offer'),
      yesNoOptions(step.context),
      BOOK_OFFER,
      FOLLOW_UP,
    );
  }

  /** Online: can the resident log in? A visit: book now? */
  private async nextStep(step: WaterfallStepContext<DocumentRequestOptions>): Promise<DialogTurnResult> {
    const offered = state(step).offered;
    if (offered?.kind === 'online') {
      if (step.result === ANSWER_YES) return step.endDialog();
      const route = this.route(step);
      return step.beginDialog(DialogIds.loginAlternatives, {
        appointmentPossible: route.kind === 'online' && route.inPersonAlternative !== null,
      } satisfies LoginAlternativesOptions);
    }
    // "ja morgen": the day said with the yes comes before what the first message said.
    if (offered?.kind === 'visit' && step.result === ANSWER_YES)
      return step.endDialog(handOverToBooking(offered.service, this.wishIn(step.context) ?? state(step).when, bookingFor(state(step))));
    const { t } = turnServices(step.context);
    await step.context.sendActivity(t('documents:inPerson.appointment.later', { url: this.facts.municipality.appointmentUrl }));
    return step.endDialog();
  }

  /** Without itsme or a card reader the resident chose the counter: what to bring, then booking. */
  private async alternativeStep(step: WaterfallStepContext<DocumentRequestOptions>): Promise<DialogTurnResult> {
    const route = this.route(step);
    const alternative = route.kind === 'online' ? route.inPersonAlternative : null;
    if ((step.result as LoginAlternative) !== 'appointment' || !alternative) return step.endDialog();
    const document = this.document(route.document);
    await send(step, inPersonRouteMessages(document, alternative, this.messageContext(step), { notOnline: false }));
    return step.endDialog(handOverToBooking(alternative.appointmentService, state(step).when, bookingFor(state(step))));
  }

  /** When this turn's message says the resident would come, as the booking's slot search. */
  private wishIn(context: TurnContext): VisitWhen | undefined {
    const text = withoutOfferNow(context);
    return text ? visitWhenIn(text, this.clock()) : undefined;
  }

  /** Whether this turn's message says anything about when ("dringend" too), and asks nothing about the document. */
  private saysWhen(context: TurnContext): boolean {
    const text = withoutOfferNow(context);
    return readMomentWish(text, this.clock()) !== undefined && this.documentFacts.asked(text).length === 0;
  }

  private route(step: WaterfallStepContext): DocumentRoute {
    const request = state(step);
    return documentRoute(this.document(request.document!), routeRequest(request));
  }

  private document(id: DocumentId): DocumentEntry {
    const document = this.facts.documentById.get(id);
    // loadMunicipalityData guarantees an entry for every contract id.
    if (!document) throw new Error(`documents.json has no document "${id}"`);
    return document;
  }

  private messageContext(step: WaterfallStepContext): RouteMessageContext {
    const { t, language } = turnServices(step.context);
    const relation = relationSaid(state(step));
    return {
      t,
      language,
      channelId: step.context.activity.channelId,
      municipality: this.facts.municipality,
      ...(relation ? { relation } : {}),
    };
  }
}

function state(step: WaterfallStepContext): RequestState {
  const values = stepValues<{ request?: RequestState }>(step);
  values.request ??= {};
  return values.request;
}

/** Reads for whom and which model from the message of this turn, where not known yet. */
function hear(step: WaterfallStepContext): void {
  const request = state(step);
  const text = step.context.activity.text ?? '';
  const details = documentDetails(text);
  if (isUnderKidsIdAge(wordsOf(text)) !== undefined) request.ageSaid = true;
  if (details.requester && !request.requesterSaid) request.requesterSaid = details.requester;
  if (details.model && !request.modelSaid) request.modelSaid = details.model;
}

/** The question id of the document menu's groups. */
const GROUP_QUESTION = 'documents.group';

function groupOptions(context: TurnContext): Option[] {
  const { t } = turnServices(context);
  return DOCUMENT_GROUP_IDS.map((group) => ({ value: group, label: t(`documents:choose.groups.${group}`) }));
}

/**
 * The document this turn's message names, read by the recognizer as in a first message; none for a
 * tapped option (a button's code, or the text of one of `shown`, which name documents too: "Een eID, Kids-ID of reispas").
 */
function documentNamed(context: TurnContext, shown: readonly Option[]): DocumentId | undefined {
  if (buttonValueOf(context.activity)) return undefined;
  const said = answerWords(context.activity.text ?? '').join(' ');
  if (shown.some((option) => phraseWords(option.label).join(' ') === said)) return undefined;
  const document = turnServices(context).recognition?.entities.document;
  return isDocumentId(document) ? document : undefined;
}

/** Who the document is for in the resident's own word ("mijn dochter"), when the request is for that person. */
function relationSaid(request: RequestState): Relation | undefined {
  const said = request.requesterSaid;
  return said?.relation && said.who === request.requester ? said.relation : undefined;
}

/** The document and requester the booking that follows is for. */
function bookingFor(request: RequestState): BookingFor {
  return { ...(request.document ? { document: request.document } : {}), ...(request.requester ? { requester: request.requester } : {}) };
}

function routeRequest(request: RequestState): RouteRequest {
  return {
    ...(request.model !== undefined ? { model: request.model } : {}),
    ...(request.requester !== undefined ? { requester: request.requester } : {}),
  };
}

async function send(step: WaterfallStepContext, messages: readonly Message[]): Promise<void> {
  for (const message of messages) await step.context.sendActivity(message);
}

/** Whether the resident says they do not know or asks what the difference is ("geen idee", "wa is het verschil"). */
function saysUnsure(context: TurnContext): boolean {
  const { language } = turnServices(context);
  return containsAnyPhrase(answerWords(context.activity.text ?? ''), answerPhrases(language).unsure);
}
