import type { TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { InProcessTurnLock } from '../../../stores/turnLock/inProcessTurnLock.js';
import { turnLockKey, turnLockMiddleware, type TurnLock } from '../../../stores/turnLock/turnLock.js';

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
