import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { AssistantBot } from '../../bot/assistantBot.js';
import { HandoffDialog } from '../../dialogs/handoffDialog.js';
import { MainDialog, type HandOver } from '../../dialogs/mainDialog.js';
import { readable, TEST_PHONE } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { createKeyedI18n } from '../support/keyedLocales.js';

/** A one-step capability: says its name and what it was given, then ends with `result`. */
function capability(id: string, result?: (options: unknown) => unknown) {
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

describe('hand-over between capabilities', () => {
  it('starts the capability a finished one hands over to, with its options, then asks for anything else', async () => {
    const storage = new MemoryStorage();
    const handOver: HandOver = { handOver: { intent: 'appointment.book', options: { service: 'reispas' } } };
    const bot = new AssistantBot({
      conversationState: new ConversationState(storage),
      userState: new UserState(storage),
      mainDialog: new MainDialog(
        { 'document.request': capability('documents', () => handOver), 'appointment.book': capability('booking') },
        new HandoffDialog(TEST_PHONE),
        TEST_PHONE,
      ),
      recognizer: fakeRecognizer({ paspoort: 'document.request' }),
      i18n: createKeyedI18n(),
      defaultLocale: 'nl-BE',
    });
    const adapter = new TestAdapter((context) => bot.run(context), { channelId: 'sms' } as Partial<Activity>);
    await adapter.receiveActivity({ type: ActivityTypes.Message, text: 'paspoort' });
    const reply = readable(adapter.activeQueue.splice(0));
    expect(reply).toContain('documents got');
    expect(reply).toContain('booking got {"service":"reispas"}');
    expect(reply).toContain('«common:anythingElse.question»');
    expect(reply.indexOf('booking got')).toBeLessThan(reply.indexOf('«common:anythingElse.question»'));
  });
});
