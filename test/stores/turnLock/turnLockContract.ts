import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../stores/storeErrors.js';
import type { TurnLock } from '../../../stores/turnLock/turnLock.js';

/** Two instances' locks on the same data (for the in-process lock: one lock, as one process has). */
export interface TurnLockPair {
  first: TurnLock;
  second: TurnLock;
}

const waitABit = () => new Promise((resolve) => setTimeout(resolve, 100));

/**
 * What every TurnLock keeps, run against each implementation. `make(waitMs)` returns locks whose
 * acquire gives up after `waitMs`.
 */
export function describeTurnLock(name: string, make: (waitMs: number) => Promise<TurnLockPair> | TurnLockPair): void {
  describe(`${name} (TurnLock contract)`, () => {
    it('makes a second turn of the same conversation wait until the first releases', async () => {
      const { first, second } = await make(5_000);
      const releaseFirst = await first.acquire('webchat/contract-1');
      let secondGotIt = false;
      const secondHold = second.acquire('webchat/contract-1').then((release) => ((secondGotIt = true), release));
      await waitABit();
      expect(secondGotIt).toBe(false);
      await releaseFirst();
      await (
        await secondHold
      )();
      expect(secondGotIt).toBe(true);
    });

    it('never makes turns of different conversations wait for each other', async () => {
      const { first, second } = await make(1_000);
      const releaseOne = await first.acquire('webchat/contract-2');
      const releaseTwo = await second.acquire('webchat/contract-3');
      await Promise.all([releaseOne(), releaseTwo()]);
    });

    it('fails a turn that waits too long with TURN_LOCK_TIMEOUT, and the lock is free once released', async () => {
      const { first, second } = await make(300);
      const releaseFirst = await first.acquire('webchat/contract-4');
      const error = await second.acquire('webchat/contract-4').catch((caught: unknown) => caught);
      expect(isStoreError(error, 'TURN_LOCK_TIMEOUT')).toBe(true);
      await releaseFirst();
      await (
        await second.acquire('webchat/contract-4')
      )();
    });
  });
}
