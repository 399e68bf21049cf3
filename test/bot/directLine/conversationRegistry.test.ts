import { describe, expect, it } from 'vitest';

import { ConversationRegistry, TurnQueueFullError } from '../../../bot/directLine/conversationRegistry.js';

function registryWithClock(limits: ConstructorParameters<typeof ConversationRegistry>[1] = {}) {
  let now = 0;
  return {
    registry: new ConversationRegistry(() => now, limits),
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('ConversationRegistry', () => {
  it('drops the oldest activities when the transcript is over its byte budget', () => {
    const { registry } = registryWithClock({ maxTranscriptBytes: 600 });
    const { conversation } = registry.start('c1', 'dl_u', undefined, '198.51.100.1');

    for (let i = 0; i < 5; i++) registry.append(conversation, { type: 'message', text: `${i}`.padEnd(150, '.') });

    const page = registry.activitiesSince(conversation, null);
    expect(page.watermark).toBe('5');
    expect(page.activities.length).toBeLessThan(5);
    expect(page.activities.at(-1)?.text?.startsWith('4')).toBe(true);
    expect(conversation.transcriptBytes).toBeLessThanOrEqual(600);
  });

  it('sweeps idle conversations when a new one starts', () => {
    const { registry, advance } = registryWithClock({ idleMs: 1000 });
    registry.start('old', 'dl_a', undefined, '198.51.100.1');
    advance(500);
    registry.start('recent', 'dl_b', undefined, '198.51.100.1');
    advance(600);

    registry.start('new', 'dl_c', undefined, '198.51.100.1');

    expect(registry.size).toBe(2);
    expect(registry.find('old')).toBeUndefined();
    expect(registry.find('recent')?.userId).toBe('dl_b');
  });

  it('keeps running queued turns after one fails, and refuses turns beyond the cap', async () => {
    const { registry } = registryWithClock({ maxPendingTurns: 2 });
    const { conversation } = registry.start('c1', 'dl_u', 'nl-BE', '198.51.100.1');
    const order: string[] = [];

    const failing = registry.enqueueTurn(conversation, async () => {
      order.push('a');
      throw new Error('boom');
    });
    const next = registry.enqueueTurn(conversation, async () => {
      order.push('b');
      return 'b';
    });
    const refused = registry.enqueueTurn(conversation, async () => 'c');

    await expect(refused).rejects.toBeInstanceOf(TurnQueueFullError);
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('b');
    expect(order).toEqual(['a', 'b']);
    expect(registry.pendingTurns('c1')).toBe(0);
  });
});
