import { afterEach, describe, expect, it, vi } from 'vitest';
import { isStoreError } from '../../../stores/storeErrors.js';
import { InProcessTurnLock } from '../../../stores/turnLock/inProcessTurnLock.js';
import { describeTurnLock } from './turnLockContract.js';

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describeTurnLock('InProcessTurnLock', (waitMs) => {
  // One process: both "instances" share the one lock.
  const lock = new InProcessTurnLock({ waitMs });
  return { first: lock, second: lock };
});

describe('InProcessTurnLock', () => {
  it('makes a second turn of the same conversation wait until the first releases', async () => {
    const lock = new InProcessTurnLock();
    const releaseFirst = await lock.acquire('webchat/c1');
    let secondGotIt = false;
    const second = lock.acquire('webchat/c1').then((release) => {
      secondGotIt = true;
      return release;
    });
    await settle();
    expect(secondGotIt).toBe(false);
    await releaseFirst();
    await (
      await second
    )();
    expect(secondGotIt).toBe(true);
    expect(lock.heldKeys).toBe(0);
  });

  it('hands the lock on in arrival order', async () => {
    const lock = new InProcessTurnLock();
    const order: number[] = [];
    const releaseFirst = await lock.acquire('k');
    const waiting = [1, 2, 3].map((turn) =>
      lock.acquire('k').then(async (release) => {
        order.push(turn);
        await settle();
        await release();
      }),
    );
    await releaseFirst();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
  });

  it('never makes different conversations wait for each other', async () => {
    const lock = new InProcessTurnLock({ waitMs: 50 });
    const releaseOne = await lock.acquire('webchat/c1');
    const releaseTwo = await lock.acquire('webchat/c2');
    expect(lock.heldKeys).toBe(2);
    await releaseOne();
    await releaseTwo();
    expect(lock.heldKeys).toBe(0);
  });

  it('fails a turn that waits too long with TURN_LOCK_TIMEOUT; the turns behind it keep their place', async () => {
    vi.useFakeTimers();
    const lock = new InProcessTurnLock({ waitMs: 1_000 });
    const releaseFirst = await lock.acquire('k');
    const timedOut = lock.acquire('k').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(500);
    const third = lock.acquire('k');
    await vi.advanceTimersByTimeAsync(500);
    expect(isStoreError(await timedOut, 'TURN_LOCK_TIMEOUT')).toBe(true);
    await releaseFirst();
    const releaseThird = await third;
    await releaseThird();
    expect(lock.heldKeys).toBe(0);
  });

  it('ignores a second release of the same hold', async () => {
    const lock = new InProcessTurnLock();
    const releaseFirst = await lock.acquire('k');
    const second = lock.acquire('k');
    await releaseFirst();
    const releaseSecond = await second;
    await releaseFirst();
    let thirdGotIt = false;
    const third = lock.acquire('k').then((release) => ((thirdGotIt = true), release));
    await settle();
    expect(thirdGotIt).toBe(false);
    await releaseSecond();
    await (
      await third
    )();
  });
});
