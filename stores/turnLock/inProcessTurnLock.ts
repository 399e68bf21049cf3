import { turnLockTimeout } from '../storeErrors.js';
import type { ReleaseTurnLock, TurnLock } from './turnLock.js';

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
