import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { AssistantBot } from '../../bot/assistantBot.js';
import { HandoffDialog } from '../../dialogs/handoffDialog.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { OptionPrompt, type OptionPromptOptions } from '../../dialogs/prompts/optionPrompt.js';
import { expectAnswered, readable, TEST_PHONE } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { createKeyedI18n } from '../support/keyedLocales.js';

/** A capability two questions deep, so interruptions are tested below the main dialog's own steps. */
class TwoQuestionsDialog extends ComponentDialog {
  constructor() {
    super('twoQuestions');
    this.addDialog(new OptionPrompt('twoQuestions.prompt'));
    this.addDialog(
      new WaterfallDialog('twoQuestions.steps', [
        (step: WaterfallStepContext) =>
          step.prompt('twoQuestions.prompt', {
            prompt: 'first?',
            options: [
              { value: 'a', label: 'Alpha' },
              { value: 'b', label: 'Beta' },
            ],
          } as OptionPromptOptions),
        (step: WaterfallStepContext) =>
          step.prompt('twoQuestions.prompt', {
            prompt: 'second?',
            options: [
              { value: 'c', label: 'Gamma' },
              { value: 'd', label: 'Delta' },
            ],
          } as OptionPromptOptions),
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`done ${step.result}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'twoQuestions.steps';
  }
}

function converse(minScore = 1) {
  const recognizer = fakeRecognizer({
    start: 'document.request',
    help: { intent: 'help', score: minScore, entities: {} },
    stop: { intent: 'cancel', score: minScore, entities: {} },
    'ik wil iemand spreken': { intent: 'handoff.human', score: minScore, entities: {} },
  });
  const storage = new MemoryStorage();
  const bot = new AssistantBot({
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    mainDialog: new MainDialog({ 'document.request': new TwoQuestionsDialog() }, new HandoffDialog(TEST_PHONE), TEST_PHONE),
    recognizer,
    i18n: createKeyedI18n(),
    defaultLocale: 'nl-BE',
  });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId: 'sms' } as Partial<Activity>);
  return async (text: string) => {
    const activity = { type: ActivityTypes.Message, text };
    await adapter.receiveActivity(activity);
    const replies = adapter.activeQueue.splice(0);
    expectAnswered(activity, replies);
    return readable(replies);
  };
}

describe('interruptions from inside a capability', () => {
  it('help explains and asks the open question again', async () => {
    const say = converse();
    await say('start');
    await say('1');
    const reply = await say('help');
    expect(reply).toContain('«common:help.inDialog»');
    expect(reply).toContain('second?');
    expect(await say('Delta')).toContain('done d');
  });

  it('cancel stops the capability and the next message starts fresh', async () => {
    const say = converse();
    await say('start');
    expect(await say('stop')).toContain('«common:cancel.done»');
    // The "1" belonged to the question that was closed: said so, with the menu; the capability does not go on.
    const after = await say('1');
    expect(after).toContain('«common:oldButtonClosed»');
    expect(after).not.toContain('second?');
  });

  it('asking for a person leaves the capability and gives the phone number within one turn', async () => {
    const say = converse();
    await say('start');
    await say('2');
    const reply = await say('ik wil iemand spreken');
    expect(reply).toContain('«handoff:title»');
    expect(reply).toContain(TEST_PHONE.display);
  });

  it('an unsure recognition does not interrupt: the open question gets the answer', async () => {
    const say = converse(0.5);
    await say('start');
    const reply = await say('stop');
    expect(reply).not.toContain('«common:cancel.done»');
    expect(reply).toContain('«common:choice.retry»');
  });

  it('after the capability, asks whether there is anything else', async () => {
    const say = converse();
    await say('start');
    await say('1');
    const reply = await say('Gamma');
    expect(reply).toContain('done c');
    expect(reply).toContain('«common:anythingElse.question»');
    expect(await say('2')).toContain('«common:goodbye»');
  });
});
