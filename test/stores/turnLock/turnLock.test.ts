import type { TurnContext } from 'botbuilder';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isStoreError } from '../../../stores/storeErrors.js';
import { InProcessTurnLock, turnLockKey, turnLockMiddleware, type TurnLock } from '../../../stores/turnLock/turnLock.js';
import { describeTurnLock } from './turnLockContract.js';

/** A promise the test resolves by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

function contextOf(conversationId: string | undefined, channelId = 'webchat'): TurnContext {
  return { activity: { channelId, conversation: conversationId ? { id: conversationId } : undefined } } as unknown as TurnContext;
}

describe('turnLockKey', () => {
  it('is the channel and conversation id, or null without a conversation', () => {
    expect(turnLockKey(contextOf('c1'))).toBe('webchat/c1');
    expect(turnLockKey(contextOf('c1', 'msteams'))).toBe('msteams/c1');
    expect(turnLockKey(contextOf(undefined))).toBeNull();
  });
});

describe('turnLockMiddleware', () => {
  it('runs the turns of one conversation one after another, and others alongside', async () => {
    const middleware = turnLockMiddleware(new InProcessTurnLock());
    const events: string[] = [];
    const firstMayEnd = gate();
    const first = middleware.onTurn(contextOf('c1'), async () => {
      events.push('c1 first start');
      await firstMayEnd.opened;
      events.push('c1 first end');
    });
    const second = middleware.onTurn(contextOf('c1'), async () => {
      events.push('c1 second start');
    });
    await middleware.onTurn(contextOf('c2'), async () => {
      events.push('c2 start');
    });
    expect(events).toEqual(['c1 first start', 'c2 start']);
    firstMayEnd.open();
    await Promise.all([first, second]);
    expect(events).toEqual(['c1 first start', 'c2 start', 'c1 first end', 'c1 second start']);
  });

  it('releases the lock when the turn fails, and passes the error on', async () => {
    const lock = new InProcessTurnLock();
    const middleware = turnLockMiddleware(lock);
    await expect(
      middleware.onTurn(contextOf('c1'), async () => {
        throw new Error('turn failed');
      }),
    ).rejects.toThrow('turn failed');
    expect(lock.heldKeys).toBe(0);
  });

  it('fails the turn without running it when the lock cannot be had', async () => {
    const failing: TurnLock = { acquire: async () => Promise.reject(Object.assign(new Error('busy'), { code: 'TURN_LOCK_TIMEOUT' })) };
    let ran = false;
    await expect(turnLockMiddleware(failing).onTurn(contextOf('c1'), async () => void (ran = true))).rejects.toMatchObject({
      code: 'TURN_LOCK_TIMEOUT',
    });
    expect(ran).toBe(false);
  });

  it('takes no lock for an activity without a conversation', async () => {
    const refusing: TurnLock = { acquire: () => Promise.reject(new Error('should not lock')) };
    let ran = false;
    await turnLockMiddleware(refusing).onTurn(contextOf(undefined), async () => void (ran = true));
    expect(ran).toBe(true);
  });
});

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
