import { ConversationState, UserState, type Storage } from 'botbuilder';
import type { i18n } from 'i18next';
import { recordConversationOutcome } from '../dialogs/conversationOutcome.js';
import { HandoffDialog, type HandoffDialogDeps, type HandoffServices, type PhoneLine } from '../dialogs/handoffDialog.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { SurveyDialog, type SurveyMemory } from '../dialogs/surveyDialog.js';
import type { OutcomeStore, SurveyStore } from '../services/survey/surveyStores.js';
import type { Recognizer } from '../nlu/recognizer.js';
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
  survey?: SurveyDeps;
}

/** Wires the dialogs into the bot. The one place that knows every capability. */
export function createAssistant(deps: AssistantDeps): AssistantBot {
  const conversationState = new ConversationState(deps.storage);
  const userState = new UserState(deps.storage);
  const memory = new ConversationMemory(conversationState, { now: deps.handoff?.now });
  const now = deps.survey?.now ?? (() => new Date());
  const outcomes = deps.survey?.outcomeStore;

  let handoffDeps: HandoffDialogDeps | undefined;
  if (deps.handoff) {
    const services = deps.handoff;
    handoffDeps = {
      ...services,
      recall: memory,
      // A hand-off to staff makes the conversation count as escalated in the outcome figures.
      onEscalated: async (context, escalation) => {
        await services.onEscalated?.(context, escalation);
        if (outcomes) await recordConversationOutcome(context, outcomes, 'escalated', now());
      },
    };
  }
  const handoff = new HandoffDialog(deps.phone, handoffDeps);

  const survey = deps.survey
    ? new SurveyDialog({
        store: deps.survey.surveyStore,
        userMemory: userState.createProperty<SurveyMemory>('survey'),
        askedInConversation: conversationState.createProperty<boolean>('surveyAsked'),
        now,
        random: deps.survey.random,
        surveyIntervalDays: deps.survey.surveyIntervalDays,
        awarenessIntervalDays: deps.survey.awarenessIntervalDays,
      })
    : undefined;
  const mainDialog = new MainDialog({}, handoff, deps.phone, { survey, outcomes, now });
  return new AssistantBot({
    conversationState,
    userState,
    mainDialog,
    recognizer: deps.recognizer,
    i18n: deps.i18n,
    defaultLocale: deps.defaultLocale,
    observers: [memory],
  });
}
