import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { AssistantBot } from '../../bot/assistantBot.js';
import { DocumentRequestDialog } from '../../dialogs/documents/documentRequestDialog.js';
import { HandoffDialog } from '../../dialogs/handoffDialog.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { ThuisloketDialog } from '../../dialogs/thuisloket/thuisloketDialog.js';
import { DOCUMENT_IDS, type Intent } from '../../domain/nluContract.js';
import type { Recognition, Recognizer } from '../../nlu/recognizer.js';
import type { MunicipalityData } from '../../services/municipality/municipalityData.js';
import { expectAnswered, readable, TEST_PHONE, testFacts } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { createKeyedI18n } from '../support/keyedLocales.js';

/** What the stub booking dialog says when it starts: its options, so a test sees the hand-over. */
export const BOOKING_STUB_SAYS = 'booking started with';

/** Stands in for the booking dialog (written elsewhere): says what it was given and ends. */
function bookingStub(): ComponentDialog {
  const dialog = new ComponentDialog('bookingStub');
  dialog.addDialog(
    new WaterfallDialog('bookingStub.steps', [
      async (step: WaterfallStepContext) => {
        await step.context.sendActivity(`${BOOKING_STUB_SAYS} ${JSON.stringify(step.options ?? {})}`);
        return step.endDialog();
      },
    ]),
  );
  return dialog;
}

/**
 * The phrases the test recognizer knows: "document <id>" names a document, "document" names none,
 * "thuisloket" asks about the digital counter.
 */
export function capabilityRecognizer(): Recognizer {
  const phrases: Record<string, Intent | Recognition> = { document: 'document.request', thuisloket: 'thuisloket.info' };
  for (const id of DOCUMENT_IDS) phrases[`document ${id}`] = { intent: 'document.request', score: 1, entities: { document: id } };
  return fakeRecognizer(phrases);
}

/** The document and thuisloket dialogs under the real main dialog, with a stub for booking; `say` returns what the resident reads. */
export function talkWithBookingStub(facts: MunicipalityData = testFacts(), channelId = 'webchat') {
  const storage = new MemoryStorage();
  const bot = new AssistantBot({
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    mainDialog: new MainDialog(
      {
        'document.request': new DocumentRequestDialog(facts),
        'thuisloket.info': new ThuisloketDialog(facts),
        'appointment.book': bookingStub(),
      },
      new HandoffDialog(TEST_PHONE),
      TEST_PHONE,
    ),
    recognizer: capabilityRecognizer(),
    i18n: createKeyedI18n(),
    defaultLocale: 'nl-BE',
  });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId, locale: 'nl-BE' } as Partial<Activity>);
  return async (text: string): Promise<string> => {
    const activity = { type: ActivityTypes.Message, text };
    await adapter.receiveActivity(activity);
    const replies = adapter.activeQueue.splice(0);
    expectAnswered(activity, replies);
    return readable(replies);
  };
}
