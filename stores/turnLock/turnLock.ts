/**
 * One turn per conversation at a time: the lock's contract, the key a turn locks, the middleware that
 * holds it for a turn, and the lock within one process (`InProcessTurnLock`). Across instances:
 * `PostgresTurnLock` (postgresTurnLock.ts).
 */
import type { Middleware, TurnContext } from 'botbuilder';
import { turnLockTimeout } from '../storeErrors.js';

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

interface Waiter {
  grant(): void;
}

/**
 * The turn lock within one process (the embedded store): a first-come-first-served queue per key.
 * A waiter that times out leaves the queue; the ones behind it keep their place.
 */
export class InProcessTurnLock implements TurnLock {
  /** Keys currently held, with the turns waiting for them in arrival order. */
  private readonly held = new Map<string, Waiter[]>();

  constructor(private readonly options: { waitMs: number } = { waitMs: 10_000 }) {}

  acquire(key: string): Promise<ReleaseTurnLock> {
    const queue = this.held.get(key);
    if (!queue) {
      this.held.set(key, []);
      return Promise.resolve(this.releaseOnce(key));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.releaseOnce(key));
        },
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(waiter), 1);
        reject(turnLockTimeout(this.options.waitMs));
      }, this.options.waitMs);
      queue.push(waiter);
    });
  }

  /** How many keys are held now (for tests: a finished turn leaves nothing behind). */
  get heldKeys(): number {
    return this.held.size;
  }

  private releaseOnce(key: string): ReleaseTurnLock {
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      const next = this.held.get(key)?.shift();
      if (next) next.grant();
      else this.held.delete(key);
    };
  }
}
