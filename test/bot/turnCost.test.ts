/**
 * What a turn costs, counted rather than timed (timings on a shared machine say little): work the
 * bot once did several times per turn, or anew every turn, must not come back.
 */
import { ComponentRegistration } from 'botbuilder';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConversation } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';

/** The bench conversation (bench/httpTurns.ts), twice round. */
const BENCH_TURNS = ['hallo', 'wat zijn de openingsuren', 'ik wil iemand spreken', 'stop'];

const recognizer = fakeRecognizer({
  hallo: 'greeting',
  'wat zijn de openingsuren': 'info.hours',
  'ik wil iemand spreken': 'handoff.human',
  stop: 'cancel',
});

afterEach(() => vi.restoreAllMocks());

describe('the cost of a turn', () => {
  it('builds the dialogs memory scopes on the first turn only, not on every turn', async () => {
    // botbuilder-dialogs reads the registered components when it builds them (DialogStateManager).
    const componentsRead = vi.spyOn(ComponentRegistration, 'components', 'get');
    const conversation = createConversation({ recognizer });
    await conversation.say(BENCH_TURNS[0]!);
    expect(componentsRead).toHaveBeenCalled();
    componentsRead.mockClear();
    for (const text of [...BENCH_TURNS.slice(1), ...BENCH_TURNS]) await conversation.say(text);
    expect(componentsRead).not.toHaveBeenCalled();
  });
});
