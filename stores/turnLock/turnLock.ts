import type { Middleware, TurnContext } from 'botbuilder';

/** Releases a held turn lock; never throws. */
export type ReleaseTurnLock = () => Promise<void>;

/**
 * Mutual exclusion per conversation, so turns of one conversation run one after another and never
 * overwrite each other's state (botbuilder saves state with eTag '*': last writer wins). Keys of
 * different conversations never wait for each other.
 */
export interface TurnLock {
  /** Waits until no other turn holds `key`; rejects with TURN_LOCK_TIMEOUT after the wait limit. */
  acquire(key: string): Promise<ReleaseTurnLock>;
}

/** The key a turn locks: its channel and conversation id. Null when the activity names no conversation. */
export function turnLockKey(context: Pick<TurnContext, 'activity'>): string | null {
  const { channelId, conversation } = context.activity;
  if (!conversation?.id) return null;
  return `${channelId ?? ''}/${conversation.id}`;
}

/**
 * Adapter middleware that holds the conversation's lock for the whole turn (the bot's logic and the
 * state saved at its end). A lock that cannot be had fails the turn with a coded error, which the
 * adapter's onTurnError answers with an apology.
 */
export function turnLockMiddleware(lock: TurnLock): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const key = turnLockKey(context);
      if (key === null) return next();
      const release = await lock.acquire(key);
      try {
        await next();
      } finally {
        await release();
      }
    },
  };
}
