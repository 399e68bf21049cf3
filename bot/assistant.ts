import { ConversationState, UserState, type Storage } from 'botbuilder';
import type { i18n } from 'i18next';
import { HandoffDialog, type PhoneLine } from '../dialogs/handoffDialog.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import type { Recognizer } from '../nlu/recognizer.js';
import { AssistantBot } from './assistantBot.js';

export interface AssistantDeps {
  storage: Storage;
  recognizer: Recognizer;
  i18n: i18n;
  phone: PhoneLine;
  defaultLocale: string;
}

/** Wires the dialogs into the bot. The one place that knows every capability. */
export function createAssistant(deps: AssistantDeps): AssistantBot {
  const mainDialog = new MainDialog({}, new HandoffDialog(deps.phone), deps.phone);
  return new AssistantBot({
    conversationState: new ConversationState(deps.storage),
    userState: new UserState(deps.storage),
    mainDialog,
    recognizer: deps.recognizer,
    i18n: deps.i18n,
    defaultLocale: deps.defaultLocale,
  });
}
