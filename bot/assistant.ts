import type { Storage } from 'botbuilder';
import type { i18n } from 'i18next';
import { recordConversationOutcome } from '../dialogs/conversationOutcome.js';
import { DocumentRequestDialog } from '../dialogs/documents/documentRequestDialog.js';
import { VisitAdviceDialog } from '../dialogs/documents/visitAdviceDialog.js';
import { HandoffDialog, type HandoffDialogDeps, type HandoffServices } from '../dialogs/handoffDialog.js';
import type { RequestedCallback } from '../dialogs/callbackCancelDialog.js';
import type { PhoneLine } from '../services/municipality/phoneLine.js';
import { ContactDialog } from '../dialogs/information/contactDialog.js';
import { OpeningHoursDialog } from '../dialogs/information/openingHoursDialog.js';
import { outOfScopeAnswer } from '../dialogs/information/outOfScopeAnswer.js';
import { QuickAnswers } from '../dialogs/information/quickAnswers.js';
import type { AppointmentDeps } from '../dialogs/appointments/appointmentDeps.js';
import { BookingDialog } from '../dialogs/appointments/bookingDialog.js';
import { DocumentFactsAnswer } from '../dialogs/documents/documentFacts.js';
import { CancelBookingDialog } from '../dialogs/appointments/cancelBookingDialog.js';
import { BookingsMadeHere, type BookingsHereState } from '../dialogs/appointments/bookingsMadeHere.js';
import { MoveBookingDialog } from '../dialogs/appointments/moveBookingDialog.js';
import {
  anotherBookingWish,
  deathTold,
  counterVisitWish,
  hoursAndDocumentQuestion,
  MainDialog,
  type CapabilityRoutes,
  type ConversationClosing,
} from '../dialogs/mainDialog.js';
import { SurveyDialog, type SurveyMemory } from '../dialogs/surveyDialog.js';
import { ThuisloketDialog } from '../dialogs/thuisloket/thuisloketDialog.js';
import type { OutcomeStore, SurveyStore } from '../stores/survey/surveyStores.js';
import type { Recognizer } from '../nlu/recognizer.js';
import { readingEveryPart } from '../nlu/requestAmongParts.js';
import type { MunicipalityData } from '../services/municipality/municipalityData.js';
import { counterHoursAt, markingOpeningHours } from '../services/survey/outcomeMarks.js';
import { TrackedConversationState, TrackedUserState } from '../stores/botState/changeTrackedState.js';
import { AssistantBot } from './assistantBot.js';
import { ConversationMemory } from './conversationMemory.js';

/** The end-of-conversation survey and outcome counting; without it the bot just says goodbye. */
export interface SurveyDeps {
  surveyStore: SurveyStore;
  outcomeStore: OutcomeStore;
  /** Injectable clock (tests); defaults to the real time. */
  now?: () => Date;
  /** Picks a new resident's first rotating question; defaults to Math.random. */
  random?: () => number;
  /** Days before a resident is surveyed again (30). */
  surveyIntervalDays?: number;
  /** Days before a resident is asked the awareness question again (30). */
  awarenessIntervalDays?: number;
}

export interface AssistantDeps {
  storage: Storage;
  recognizer: Recognizer;
  i18n: i18n;
  phone: PhoneLine;
  defaultLocale: string;
  /** Callback requests or agent hub; without it the handoff only gives the phone number. */
  handoff?: HandoffServices;
  /** The municipality's facts (hours, contact, documents) the answers are built from. */
  facts: MunicipalityData;
  /** The clock for "are you open now?"; tests pass a fixed one. */
  now: () => Date;
  /** The appointment system (provider, catalog, calendar links, clock) and the municipality's facts. */
  appointments: Omit<AppointmentDeps, 'phone'>;
  /** The end-of-conversation survey and outcome counting; without it the bot just says goodbye. */
  survey?: SurveyDeps;
}

/** Where a conversation's and a resident's state live, and what the bot remembers of the conversation. */
interface BotState {
  conversationState: TrackedConversationState;
  userState: TrackedUserState;
  memory: ConversationMemory;
  /** The bookings made in the conversation: changing one right after needs no code. */
  bookingsMadeHere: BookingsMadeHere;
}

/** Wires the dialogs into the bot. The one place that knows every capability. */
export function createAssistant(deps: AssistantDeps): AssistantBot {
  const { facts, now } = deps;
  const state = botState(deps);
  const surveyNow = deps.survey?.now ?? now;
  const outcomes = outcomeCounting(deps, surveyNow);
  const mainDialog = new MainDialog(
    capabilities(deps, state),
    handoffDialog(deps, state, outcomes, surveyNow),
    deps.phone,
    {
      survey: surveyDialog(deps, state, surveyNow),
      outcomes,
      now: surveyNow,
      ended: state.conversationState.createProperty<boolean>('conversationEnded'),
    },
    {
      misunderstandings: state.conversationState.createProperty<number>('misunderstandings'),
      outOfScope: outOfScopeAnswer(facts),
      tellsOfDeath: deathTold(facts.cues),
      wantsTheCounter: counterVisitWish(facts.cues),
      documentInContext: (context) => state.memory.documentInContext(context),
      documentFacts: new DocumentFactsAnswer(facts),
      asksHoursAndDocument: hoursAndDocumentQuestion(facts.cues),
      asksAnother: anotherBookingWish(facts.cues),
    },
    new QuickAnswers(facts, now),
  );
  return new AssistantBot({
    conversationState: state.conversationState,
    userState: state.userState,
    mainDialog,
    // A greeting or a story before the request: the request counts.
    recognizer: readingEveryPart(deps.recognizer),
    i18n: deps.i18n,
    defaultLocale: deps.defaultLocale,
    observers: [state.memory, state.bookingsMadeHere],
  });
}

function botState(deps: AssistantDeps): BotState {
  // Tells a changed state without hashing its JSON twice a turn (botbuilder's way); saves only what changed.
  const conversationState = new TrackedConversationState(deps.storage);
  const userState = new TrackedUserState(deps.storage);
  return {
    conversationState,
    userState,
    memory: new ConversationMemory(conversationState, { now: deps.now }),
    bookingsMadeHere: new BookingsMadeHere(conversationState.createProperty<BookingsHereState>('bookingsMadeHere')),
  };
}

/** Each conversation is counted with whether it started outside the counter's opening hours. */
function outcomeCounting(deps: AssistantDeps, surveyNow: () => Date): ConversationClosing['outcomes'] {
  return deps.survey && markingOpeningHours(deps.survey.outcomeStore, () => counterHoursAt(deps.facts.municipality, surveyNow()));
}

/** The dialog of each intent that has one of its own. */
function capabilities(deps: AssistantDeps, state: BotState): CapabilityRoutes {
  const { facts, now } = deps;
  const appointments: AppointmentDeps = {
    ...deps.appointments,
    phone: deps.phone,
    documentFacts: new DocumentFactsAnswer(facts),
    madeHere: state.bookingsMadeHere,
  };
  return {
    'thuisloket.info': new ThuisloketDialog(facts),
    'document.request': new DocumentRequestDialog(facts, appointments.clock),
    'info.hours': new OpeningHoursDialog(facts, now),
    'info.contact': new ContactDialog(facts),
    'appointment.book': new VisitAdviceDialog(facts, new BookingDialog(appointments)),
    'appointment.cancel': new CancelBookingDialog(appointments),
    'appointment.reschedule': new MoveBookingDialog(appointments),
  };
}

/** Speak to a person: a callback request or the agent hub when configured, else only the phone number. */
function handoffDialog(
  deps: AssistantDeps,
  state: BotState,
  outcomes: ConversationClosing['outcomes'],
  surveyNow: () => Date,
): HandoffDialog {
  const services = deps.handoff;
  if (!services) return new HandoffDialog(deps.phone, undefined);
  const handoffDeps: HandoffDialogDeps = {
    ...services,
    now: deps.now,
    recall: state.memory,
    requested: state.conversationState.createProperty<RequestedCallback | undefined>('callbackRequested'),
    documentName: (document, language) => deps.facts.documents.find((entry) => entry.id === document)?.name[language],
    // A hand-off to staff makes the conversation count as escalated in the outcome figures.
    onEscalated: async (context, escalation) => {
      await services.onEscalated?.(context, escalation);
      if (outcomes) await recordConversationOutcome(context, outcomes, 'escalated', surveyNow());
    },
  };
  return new HandoffDialog(deps.phone, handoffDeps);
}

/** The end-of-conversation survey, when the survey stores are given. */
function surveyDialog(deps: AssistantDeps, state: BotState, surveyNow: () => Date): SurveyDialog | undefined {
  if (!deps.survey) return undefined;
  return new SurveyDialog({
    store: deps.survey.surveyStore,
    userMemory: state.userState.createProperty<SurveyMemory>('survey'),
    askedInConversation: state.conversationState.createProperty<boolean>('surveyAsked'),
    now: surveyNow,
    random: deps.survey.random,
    surveyIntervalDays: deps.survey.surveyIntervalDays,
    awarenessIntervalDays: deps.survey.awarenessIntervalDays,
  });
}
