import { beforeAll, describe, expect, it } from 'vitest';
import { createOfflineRecognizer } from '../../nlu/offlineRecognizer.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import { createConversation, readable } from '../support/conversation.js';

describe('a bare number typed after its question was closed', () => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = await createOfflineRecognizer();
  });

  it.each(['2', '3', 'de tweede', '1e'])(
    'on SMS, "%s" after a stopped booking says the question is closed and offers the menu',
    async (answer) => {
      const talk = createConversation({ recognizer, channelId: 'sms' });
      expect(readable(await talk.say('afspraak rijbewijs'))).toContain('«appointments:slots.earliest»');
      expect(readable(await talk.say('stop'))).toContain('«common:cancel.done»');
      const reply = readable(await talk.say(answer));
      expect(reply).toContain('«common:oldAnswerClosed»');
      expect(reply).not.toContain('«common:oldButtonClosed»');
      expect(reply).toContain('«common:help.text»');
      expect(reply).not.toContain('«common:notUnderstood»');
    },
  );

  it('on SMS, a number answering an open question still answers it', async () => {
    const talk = createConversation({ recognizer, channelId: 'sms' });
    await talk.say('afspraak rijbewijs');
    const reply = readable(await talk.say('2'));
    expect(reply).toContain('«appointments:name.question»');
    expect(reply).not.toContain('«common:oldButtonClosed»');
    expect(reply).not.toContain('«common:oldAnswerClosed»');
  });
});
