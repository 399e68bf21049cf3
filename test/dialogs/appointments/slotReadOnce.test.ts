import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { createConversation, readable } from '../../support/conversation.js';

// Count how often a turn's answer is read: the open question's reading and the steps must share one parse.
const counted = vi.hoisted(() => ({ slotAnswer: 0, momentWish: 0 }));
vi.mock('../../../dialogs/appointments/slotAnswer.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../dialogs/appointments/slotAnswer.js')>();
  return {
    ...actual,
    readSlotAnswer: (...args: Parameters<typeof actual.readSlotAnswer>) => {
      counted.slotAnswer += 1;
      return actual.readSlotAnswer(...args);
    },
  };
});
vi.mock('../../../dialogs/appointments/momentWish.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../dialogs/appointments/momentWish.js')>();
  return {
    ...actual,
    readMomentWish: (...args: Parameters<typeof actual.readMomentWish>) => {
      counted.momentWish += 1;
      return actual.readMomentWish(...args);
    },
  };
});

describe.each(['webchat', 'sms'])('the slot question reads each answer once per turn, on %s', (channelId) => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = await createLinearRecognizer();
  });
  beforeEach(() => {
    counted.slotAnswer = 0;
    counted.momentWish = 0;
  });

  it.each([
    ['de tweede graag', '«appointments:name.question»', 0, 0],
    ['die van 9u15', '«appointments:name.question»', 1, 0],
    ['liefst volgende week dinsdag', '«appointments:slots.', 1, 1],
    ['blablabla', '«appointments:slots.wishNotUnderstood»', 1, 1],
  ])('"%s": %s, the slot answer read %i time(s), the wish %i', async (text, key, slotReads, wishReads) => {
    const conversation = createConversation({ recognizer, channelId });
    expect(readable(await conversation.say('afspraak rijbewijs'))).toContain('«appointments:slots.earliest»');
    counted.slotAnswer = 0;
    counted.momentWish = 0;
    expect(readable(await conversation.say(text))).toContain(key);
    expect(counted.slotAnswer).toBe(slotReads);
    expect(counted.momentWish).toBe(wishReads);
  });

  it('"Een andere dag of uur", then a wish: the wish read once', async () => {
    const conversation = createConversation({ recognizer, channelId });
    await conversation.say('afspraak rijbewijs');
    expect(readable(await conversation.say('5'))).toContain('«appointments:slots.askWish»');
    counted.momentWish = 0;
    expect(readable(await conversation.say('donderdag na 16 uur'))).toContain('«appointments:slots.');
    expect(counted.momentWish).toBe(1);
  });
});
