import { ConversationState, UserState, type Storage } from 'botbuilder';
import type { i18n } from 'i18next';
import { HandoffDialog, type HandoffServices, type PhoneLine } from '../dialogs/handoffDialog.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import type { Recognizer } from '../nlu/recognizer.js';
import { AssistantBot } from './assistantBot.js';
import { ConversationMemory } from './conversationMemory.js';

export interface AssistantDeps {
  storage: Storage;
  recognizer: Recognizer;
  i18n: i18n;
  phone: PhoneLine;
  defaultLocale: string;
  /** Callback requests or agent hub; without it the handoff only gives the phone number. */
  handoff?: HandoffServices;
}

/** Wires the dialogs into the bot. The one place that knows every capability. */
export function createAssistant(deps: AssistantDeps): AssistantBot {
  const conversationState = new ConversationState(deps.storage);
  const memory = new ConversationMemory(conversationState, { now: deps.handoff?.now });
  const handoff = new HandoffDialog(deps.phone, deps.handoff ? { ...deps.handoff, recall: memory } : undefined);
  const mainDialog = new MainDialog({}, handoff, deps.phone);
  return new AssistantBot({
    conversationState,
    userState: new UserState(deps.storage),
    mainDialog,
    recognizer: deps.recognizer,
    i18n: deps.i18n,
    defaultLocale: deps.defaultLocale,
    observers: [memory],
  });
}
