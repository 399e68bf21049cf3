import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';

/**
 * The idempotency key of what a turn stores (a booking, cancel or move, a callback request, a
 * survey row): Direct Line and Teams retry a turn with the same activity id, and that retry must
 * find what the first attempt stored. Activity ids are unique within a conversation only, hence
 * the channel and conversation in the key. Without an activity id there is nothing to retry
 * against: a fresh key.
 */
export function requestIdOf(context: TurnContext): string {
  const { channelId, conversation, id } = context.activity;
  return id ? `${channelId ?? 'unknown'}:${conversation?.id ?? 'unknown'}:${id}` : randomUUID();
}
