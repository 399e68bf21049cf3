import type { Activity, ChannelAccount, ConversationAccount } from 'botbuilder';
import type { Logger } from '../logger.js';
import type { ConversationRegistry, LocalConversation } from './conversationRegistry.js';
import { randomId } from './conversationToken.js';
import type { ActivityFields } from './pageActivity.js';

const DIRECT_LINE_CHANNEL_ID = 'directline';
// Direct Line does not deliver these to clients.
const HIDDEN_REPLY_TYPES = new Set(['trace', 'delay']);

export interface ConversationTurnsDeps {
  registry: ConversationRegistry;
  /** Runs one bot turn and returns its replies (LocalDirectLineOptions.runTurn). */
  runTurn(activity: Partial<Activity>, origin?: string): Promise<Partial<Activity>[]>;
  now: () => number;
  bot: ChannelAccount;
  serviceUrl: string;
  logger?: Logger;
}

/**
 * The bot turns of local conversations, one at a time per conversation (the registry's queue):
 * the server fills in the envelope (ids, time, sender, recipient), the page's own activity is echoed
 * into the transcript, and the bot's visible replies are appended after it.
 */
export function createConversationTurns(deps: ConversationTurnsDeps) {
  const { registry, now, bot } = deps;

  function incomingEnvelope(conversation: LocalConversation): Partial<Activity> {
    return {
      id: randomId(),
      timestamp: new Date(now()),
      channelId: DIRECT_LINE_CHANNEL_ID,
      serviceUrl: deps.serviceUrl,
      from: residentAccount(conversation),
      recipient: { ...bot },
      conversation: conversationAccount(conversation),
    };
  }

  function appendReplies(conversation: LocalConversation, replies: Partial<Activity>[]): void {
    for (const reply of Array.isArray(replies) ? replies : []) {
      if (typeof reply?.type !== 'string' || HIDDEN_REPLY_TYPES.has(reply.type)) continue;
      const { serviceUrl: _hidden, ...visible } = reply;
      registry.append(conversation, {
        ...visible,
        timestamp: new Date(now()),
        channelId: DIRECT_LINE_CHANNEL_ID,
        conversation: conversationAccount(conversation),
        from: { id: reply.from?.id ?? bot.id, name: reply.from?.name ?? bot.name, role: 'bot' },
        recipient: residentAccount(conversation),
      });
    }
  }

  return {
    /** The welcome turn of a new conversation; the conversation still works when it fails. */
    async welcome(conversation: LocalConversation, origin: string | undefined): Promise<void> {
      try {
        await registry.enqueueTurn(conversation, async () => {
          const update: Partial<Activity> = {
            type: 'conversationUpdate',
            ...incomingEnvelope(conversation),
            membersAdded: [residentAccount(conversation)],
          };
          if (conversation.locale) update.locale = conversation.locale;
          appendReplies(conversation, await deps.runTurn(update, origin));
        });
      } catch {
        // The resident can still type.
        deps.logger?.error('directline.turnFailed', { conversationId: conversation.id, activityType: 'conversationUpdate' });
      }
    },

    /**
     * Queues the page's activity: echoed at once, then (unless it is `typing`) one bot turn. Resolves
     * the echo's id; rejects with TurnQueueFullError, or the turn's own error.
     */
    post(conversation: LocalConversation, fields: ActivityFields, origin: string | undefined): Promise<string> {
      return registry.enqueueTurn(conversation, async () => {
        const incoming: Partial<Activity> = { ...fields, ...incomingEnvelope(conversation), locale: fields.locale ?? conversation.locale };
        if (incoming.locale === undefined) delete incoming.locale;
        // The page sees its own activity in the stream (Web Chat matches it by channelData.clientActivityID).
        const { serviceUrl: _hidden, ...echo } = incoming;
        const stored = registry.append(conversation, echo);
        if (incoming.type !== 'typing') {
          registry.markUsed(conversation);
          appendReplies(conversation, await deps.runTurn({ ...incoming, id: stored.id }, origin));
        }
        return stored.id!;
      });
    },
  };
}

// Direct Line sends accounts with just an id (and a role); the schema's other required fields mean nothing here.
function residentAccount(conversation: LocalConversation): ChannelAccount {
  return { id: conversation.userId, role: 'user' } as ChannelAccount;
}

function conversationAccount(conversation: LocalConversation): ConversationAccount {
  return { id: conversation.id } as ConversationAccount;
}
