import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type Storage } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { AssistantBot, type AssistantBotDeps } from '../../bot/assistantBot.js';
import { HandoffDialog } from '../../dialogs/handoffDialog.js';
import { MainDialog, type CapabilityRoutes } from '../../dialogs/mainDialog.js';
import { OptionPrompt, type OptionPromptOptions } from '../../dialogs/prompts/optionPrompt.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import { expectAnswered, readable, TEST_PHONE } from './conversation.js';
import { createKeyedI18n } from './keyedLocales.js';

export interface MainDialogTalkOptions {
  /** The capabilities the main dialog routes to: real dialogs, or stand-ins for the ones a test is not about. */
  capabilities: CapabilityRoutes;
  recognizer: Recognizer;
  /** Default: the handoff that only gives the phone number. */
  handoff?: Dialog;
  /** Default `sms` (numbered options). */
  channelId?: string;
  locale?: string;
  /** Default: fresh memory storage. */
  storage?: Storage;
  /** For collaborators that read the same conversation state (the conversation memory); default: one on `storage`. */
  conversationState?: ConversationState;
  observers?: AssistantBotDeps['observers'];
}

/**
 * The real bot and main dialog over capabilities the test chooses, with keyed texts; for dialog tests that
 * stand a stub in for some capabilities (the whole assistant: `createConversation` in conversation.ts).
 * A resident's message that gets no reply fails the test.
 */
export function talkToMainDialog(options: MainDialogTalkOptions) {
  const storage = options.storage ?? new MemoryStorage();
  const bot = new AssistantBot({
    conversationState: options.conversationState ?? new ConversationState(storage),
    userState: new UserState(storage),
    mainDialog: new MainDialog(options.capabilities, options.handoff ?? new HandoffDialog(TEST_PHONE), TEST_PHONE),
    recognizer: options.recognizer,
    i18n: createKeyedI18n(),
    defaultLocale: 'nl-BE',
    observers: options.observers,
  });
  const template: Partial<Activity> = { channelId: options.channelId ?? 'sms', ...(options.locale ? { locale: options.locale } : {}) };
  const adapter = new TestAdapter((context) => bot.run(context), template);
  /** Sends a whole activity (a tapped button, a chosen id); returns the replies of that turn. */
  async function send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    await adapter.receiveActivity(activity);
    const replies = adapter.activeQueue.splice(0);
    expectAnswered(activity, replies);
    return replies;
  }
  /** The resident types `text`; returns what they read in the replies. */
  const say = async (text: string): Promise<string> => readable(await send({ type: ActivityTypes.Message, text }));
  return { send, say };
}

/** A one-step capability: says `<id> got <its options as JSON>`, then ends with `result(options)`. */
export function stubCapability(id: string, result?: (options: unknown) => unknown): ComponentDialog {
  const dialog = new ComponentDialog(id);
  dialog.addDialog(
    new WaterfallDialog(`${id}.steps`, [
      async (step: WaterfallStepContext) => {
        await step.context.sendActivity(`${id} got ${JSON.stringify(step.options ?? {})}`);
        return step.endDialog(result?.(step.options));
      },
    ]),
  );
  return dialog;
}

/**
 * A capability two questions deep ("first?" Alpha/Beta, "second?" Gamma/Delta) that says `done <last answer>`
 * as it ends: interruptions and the handoff are tested from inside a nested dialog.
 */
export function twoQuestionsCapability(): ComponentDialog {
  const dialog = new ComponentDialog('twoQuestions');
  const ask = (prompt: string, options: OptionPromptOptions['options']) => (step: WaterfallStepContext) =>
    step.prompt('twoQuestions.prompt', { prompt, options } as OptionPromptOptions);
  dialog.addDialog(
    new WaterfallDialog('twoQuestions.steps', [
      ask('first?', [
        { value: 'a', label: 'Alpha' },
        { value: 'b', label: 'Beta' },
      ]),
      ask('second?', [
        { value: 'c', label: 'Gamma' },
        { value: 'd', label: 'Delta' },
      ]),
      async (step: WaterfallStepContext) => {
        await step.context.sendActivity(`done ${String(step.result)}`);
        return step.endDialog();
      },
    ]),
  );
  // Added after the steps: the first dialog added is the one the capability starts with.
  dialog.addDialog(new OptionPrompt('twoQuestions.prompt'));
  return dialog;
}
