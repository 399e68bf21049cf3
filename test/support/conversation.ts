import { randomUUID } from 'node:crypto';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createAssistant, type SurveyDeps } from '../../bot/assistant.js';
import type { i18n } from 'i18next';
import type { HandoffServices } from '../../dialogs/handoffDialog.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import { loadMunicipalityData, type MunicipalityData } from '../../services/municipality/municipalityData.js';
import { createTestAppointments, type TestAppointments } from './appointments.js';
import { createKeyedI18n } from './keyedLocales.js';

export const TEST_PHONE = { display: '050 12 34 56', e164: '+3250123456' };
/** A fixed clock for every test conversation: Wednesday 18 March 2026, 10:00 in Brussels. */
const TEST_NOW = new Date('2026-03-18T09:00:00Z');

let repositoryFacts: MunicipalityData | undefined;
/** The repository's data files, read once per test file. */
export function testFacts(): MunicipalityData {
  repositoryFacts ??= loadMunicipalityData();
  return repositoryFacts;
}

/** What a test may give the assistant; everything else takes the test defaults. */
export interface TestAssistantOptions {
  recognizer: Recognizer;
  storage?: Storage;
  /** Defaults to keyed texts (see keyedLocales); pass createI18n() to read the real sentences. */
  i18n?: i18n;
  /** The end-of-conversation survey and outcome stores; without them the bot only says goodbye. */
  survey?: SurveyDeps;
  /** Callback requests or agent hub; without it the handoff only gives the phone number. */
  handoff?: HandoffServices;
  /** Defaults to the repository's data; pass an edited copy to test that facts drive the answers. */
  facts?: MunicipalityData;
  /** Defaults to TEST_NOW. */
  now?: () => Date;
  /** The appointment system and clock; default a fresh in-memory one at TEST_NOW. */
  appointments?: TestAppointments;
}

/** The whole assistant on memory storage with the test defaults (phone, clock, data, keyed texts), and its appointment system. */
export function createTestAssistant(options: TestAssistantOptions) {
  const appointments = options.appointments ?? createTestAppointments();
  const bot = createAssistant({
    storage: options.storage ?? new MemoryStorage(),
    recognizer: options.recognizer,
    i18n: options.i18n ?? createKeyedI18n(),
    phone: TEST_PHONE,
    defaultLocale: 'nl-BE',
    survey: options.survey,
    handoff: options.handoff,
    facts: options.facts ?? testFacts(),
    now: options.now ?? (() => TEST_NOW),
    appointments: { ...appointments.deps, clock: appointments.now },
  });
  return { bot, appointments };
}

export interface ConversationOptions extends TestAssistantOptions {
  channelId?: string;
  locale?: string;
  /** The resident as the channel names them (e.g. a phone number on SMS). */
  user?: { id: string; name?: string };
  /** Default: a fresh unique id, as on a real channel (stores that key on it must not see two conversations as one). */
  conversationId?: string;
}

/** A resident talking to the whole assistant in memory: each call returns the bot's replies of that turn. */
export function createConversation(options: ConversationOptions) {
  const { bot, appointments } = createTestAssistant(options);
  const template: Partial<Activity> = {
    channelId: options.channelId ?? 'webchat',
    locale: options.locale ?? 'nl-BE',
  };
  if (options.user) template.from = { id: options.user.id, name: options.user.name ?? '' };
  const conversationId = options.conversationId ?? `conversation-${randomUUID()}`;
  template.conversation = { id: conversationId, isGroup: false, name: '', conversationType: 'personal' };
  const adapter = new TestAdapter((context) => bot.run(context), template);

  const sentIds = new Set<string>();
  async function send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    // A channel's retry of a message already answered is the one message that rightly gets no reply.
    const retry = activity.id !== undefined && sentIds.has(activity.id);
    if (activity.id !== undefined) sentIds.add(activity.id);
    await adapter.receiveActivity(activity);
    const replies = adapter.activeQueue.splice(0);
    if (!retry) expectAnswered(activity, replies);
    return replies;
  }

  return {
    adapter,
    conversationId,
    appointments,
    /** Sends a whole activity (e.g. with a chosen id, to replay a turn). */
    send,
    join: () =>
      send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: 'user', name: 'resident' }],
      }),
    say: (text: string) => send({ type: ActivityTypes.Message, text }),
    /** Sends a message with a given activity id, e.g. to replay a turn as a channel retry would. */
    sayWithId: (text: string, id: string) => send({ type: ActivityTypes.Message, text, id }),
  };
}

/** A resident's message that the assistant leaves without a reply is a bug: every conversation test fails on it. */
class UnansweredMessageError extends Error {}

/** Throws when a resident's message got no message back; other activities (joins, events) may pass silently. */
export function expectAnswered(activity: Partial<Activity>, replies: Partial<Activity>[]): void {
  if ((activity.type ?? ActivityTypes.Message) !== ActivityTypes.Message) return;
  if (replies.some((reply) => (reply.type ?? ActivityTypes.Message) === ActivityTypes.Message)) return;
  throw new UnansweredMessageError(`the resident's message ${JSON.stringify(activity.text ?? activity.value ?? '')} got no reply`);
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
