import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createAssistant } from '../../bot/assistant.js';
import type { i18n } from 'i18next';
import type { Recognizer } from '../../nlu/recognizer.js';
import { createTestAppointments, type TestAppointments } from './appointments.js';
import { createKeyedI18n } from './keyedLocales.js';

export const TEST_PHONE = { display: '050 12 34 56', e164: '+3250123456' };

export interface ConversationOptions {
  recognizer: Recognizer;
  channelId?: string;
  locale?: string;
  storage?: Storage;
  /** Defaults to keyed texts (see keyedLocales); pass createI18n() to read the real sentences. */
  i18n?: i18n;
  /** The appointment system and clock; default a fresh in-memory one at TEST_NOW. */
  appointments?: TestAppointments;
  /** Default TestAdapter's own ("Convo1"). */
  conversationId?: string;
}

/** A resident talking to the whole assistant in memory: each call returns the bot's replies of that turn. */
export function createConversation(options: ConversationOptions) {
  const appointments = options.appointments ?? createTestAppointments();
  const bot = createAssistant({
    storage: options.storage ?? new MemoryStorage(),
    recognizer: options.recognizer,
    i18n: options.i18n ?? createKeyedI18n(),
    phone: TEST_PHONE,
    defaultLocale: 'nl-BE',
    appointments: appointments.deps,
    clock: appointments.now,
  });
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: options.channelId ?? 'webchat',
    locale: options.locale ?? 'nl-BE',
    ...(options.conversationId ? { conversation: { id: options.conversationId } } : {}),
  } as Partial<Activity>);

  async function send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    await adapter.receiveActivity(activity);
    return adapter.activeQueue.splice(0);
  }

  return {
    adapter,
    appointments,
    /** Sends a whole activity (e.g. with a chosen id, to replay a turn). */
    send,
    join: () =>
      send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: 'user', name: 'resident' }],
      }),
    say: (text: string) => send({ type: ActivityTypes.Message, text }),
  };
}

/** Everything a resident would read in the replies: texts, card texts and button titles, in order. */
export function readable(replies: Partial<Activity>[]): string {
  return replies
    .flatMap((reply) => [
      reply.text ?? '',
      ...(reply.attachments ?? []).map((attachment) => JSON.stringify(attachment.content)),
      ...(reply.suggestedActions?.actions ?? []).map((action) => action.title),
    ])
    .join('\n');
}
