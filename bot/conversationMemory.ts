/**
 * What a conversation remembers, in conversation state: its recent messages (scrubbed) and topic,
 * for a hand-over (`ConversationMemory`), and the answers it gave to its last messages, so that a
 * channel's resend gets the first answer again (`answeredBefore`, `withAnswer`).
 */
import { ActivityTypes, type Activity, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { copyAsJson } from '../stores/embedded/jsonValueCopy.js';
import { scrubPersonalData } from '../services/callback/scrubPersonalData.js';
import type { Intent } from '../domain/nluContract.js';
import { turnServices } from './turnState.js';

/** One message of the conversation as the assistant remembers it: scrubbed of personal data. */
export interface RememberedMessage {
  from: 'resident' | 'assistant';
  text: string;
  at: string;
}

/** What the resident was asking about: the last meaningful intent and document recognised. */
export interface ConversationTopic {
  intent: Intent | null;
  document: string | null;
}

interface MemoryState {
  messages: RememberedMessage[];
  topic: ConversationTopic;
  /** The document named last, whatever was asked since: what "wat kost dat?" and "morgen?" are about. */
  lastDocument?: string;
}

/** Runs once per turn after language and recognition are resolved, before the dialogs. */
export interface TurnObserver {
  observeTurn(context: TurnContext): Promise<void>;
}

/** What a handoff needs to know about the conversation so far. */
export interface ConversationRecall {
  topic(context: TurnContext): Promise<ConversationTopic>;
  /** The resident's last `count` messages that carry words, oldest first, scrubbed. */
  residentExcerpt(context: TurnContext, count?: number): Promise<string[]>;
  /** The remembered messages as Bot Framework activities, for an agent hub's transcript. */
  transcript(context: TurnContext): Promise<Activity[]>;
}

// Intents that say nothing about the resident's question.
const NOT_A_TOPIC: readonly Intent[] = ['greeting', 'goodbye', 'help', 'cancel', 'handoff.human', 'none'];
const MIN_TOPIC_SCORE = 0.6;
const MAX_TEXT = 300;

/**
 * Keeps the last messages of a conversation (both sides, scrubbed of personal data before they
 * are stored) and the topic, in conversation state. Scrubbing on the way in means the callback
 * number a resident types never lands in conversation state.
 */
export class ConversationMemory implements TurnObserver, ConversationRecall {
  private readonly memory: StatePropertyAccessor<MemoryState>;

  constructor(
    conversationState: ConversationState,
    private readonly options: { size?: number; now?: () => Date } = {},
  ) {
    this.memory = conversationState.createProperty<MemoryState>('conversationMemory');
  }

  async observeTurn(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message) return;
    const state = await this.state(context);
    const text = activity.text?.trim();
    if (text) this.remember(state, 'resident', text);
    const recognition = turnServices(context).recognition;
    if (recognition && recognition.score >= MIN_TOPIC_SCORE && !NOT_A_TOPIC.includes(recognition.intent)) {
      state.topic = { intent: recognition.intent, document: recognition.entities.document ?? null };
    } else if (recognition?.entities.document) {
      state.topic = { ...state.topic, document: recognition.entities.document };
    }
    if (recognition?.entities.document) state.lastDocument = recognition.entities.document;
    context.onSendActivities(async (_context, activities, next) => {
      for (const sent of activities) {
        // A card on its own carries its title in `summary`.
        const said = sent.text || sent.summary;
        if (sent.type === ActivityTypes.Message && said) this.remember(state, 'assistant', said);
      }
      return next();
    });
  }

  async topic(context: TurnContext): Promise<ConversationTopic> {
    return { ...(await this.state(context)).topic };
  }

  /** The document the conversation was about: named last, in this turn or before. */
  async documentInContext(context: TurnContext): Promise<string | undefined> {
    return (await this.state(context)).lastDocument;
  }

  async residentExcerpt(context: TurnContext, count = 3): Promise<string[]> {
    const { messages } = await this.state(context);
    return messages
      .filter((message) => message.from === 'resident' && /\p{L}{3}/u.test(message.text))
      .slice(-count)
      .map((message) => message.text);
  }

  async transcript(context: TurnContext): Promise<Activity[]> {
    const { messages } = await this.state(context);
    const { activity } = context;
    return messages.map(
      (message) =>
        ({
          type: ActivityTypes.Message,
          text: message.text,
          timestamp: new Date(message.at),
          channelId: activity.channelId,
          conversation: activity.conversation,
          from: message.from === 'resident' ? activity.from : activity.recipient,
          recipient: message.from === 'resident' ? activity.recipient : activity.from,
        }) as Activity,
    );
  }

  private async state(context: TurnContext): Promise<MemoryState> {
    return this.memory.get(context, { messages: [], topic: { intent: null, document: null } });
  }

  private remember(state: MemoryState, from: RememberedMessage['from'], text: string): void {
    const now = this.options.now?.() ?? new Date();
    state.messages.push({ from, text: scrubPersonalData(text).slice(0, MAX_TEXT), at: now.toISOString() });
    const size = this.options.size ?? 20;
    if (state.messages.length > size) state.messages.splice(0, state.messages.length - size);
  }
}

/**
 * What a conversation remembers of the messages it answered, so that a channel's resend of one
 * (Direct Line and Teams retry after about 15 s without an answer) runs no second turn and gets the
 * first answer again, booking code included. Kept in conversation state: it lives no longer than the
 * conversation does, and travels with it to any instance.
 */
export interface AnsweredActivity {
  id: string;
  /** The replies as sent, without their delivery envelope; only on the last few answers. */
  replies?: Partial<Activity>[];
}

/** Recent activity ids remembered, to recognise a late resend even when its replies are gone. */
const REMEMBERED_ACTIVITY_IDS = 20;

/** Answers kept whole for a replay: a resend comes within seconds, a turn or two later at most. */
const REPLAYED_ANSWERS = 3;

/** An answer bigger than this is not kept for a replay (the resend then gets nothing, as before). */
const MAX_REPLAY_BYTES = 16 * 1024;

// Set again by the adapter for every delivery (ids, addresses, time); kept, they would point at the first one.
const ENVELOPE_FIELDS = [
  'id',
  'timestamp',
  'localTimestamp',
  'replyToId',
  'conversation',
  'from',
  'recipient',
  'serviceUrl',
  'channelId',
  'relatesTo',
] as const satisfies readonly (keyof Activity)[];

// Not part of what the resident reads.
const NOT_REPLAYED_TYPES = new Set<string>([ActivityTypes.Trace, ActivityTypes.Typing, 'delay', ActivityTypes.InvokeResponse]);

/** The remembered answer to this message, if it is a resend of one this conversation answered. */
export function answeredBefore(log: readonly AnsweredActivity[], activity: Partial<Activity>): AnsweredActivity | undefined {
  if (activity.type !== ActivityTypes.Message || !activity.id) return undefined;
  return log.find((entry) => entry.id === activity.id);
}

/** The log with this message's answer added last: ids of the last 20, replies of the last 3. */
export function withAnswer(log: readonly AnsweredActivity[], id: string, sent: readonly Partial<Activity>[]): AnsweredActivity[] {
  const replies = sent.filter((reply) => !NOT_REPLAYED_TYPES.has(String(reply.type))).map(withoutEnvelope);
  const entry: AnsweredActivity = Buffer.byteLength(JSON.stringify(replies)) <= MAX_REPLAY_BYTES ? { id, replies } : { id };
  const kept = [...log.filter((other) => other.id !== id), entry].slice(-REMEMBERED_ACTIVITY_IDS);
  return kept.map((other, index) => (index < kept.length - REPLAYED_ANSWERS ? { id: other.id } : other));
}

/** A JSON copy of the reply without its envelope; the envelope (a Date among it) is left out before copying. */
function withoutEnvelope(reply: Partial<Activity>): Partial<Activity> {
  const content: Record<string, unknown> = { ...reply };
  for (const field of ENVELOPE_FIELDS) delete content[field];
  return copyAsJson(content) as Partial<Activity>;
}
