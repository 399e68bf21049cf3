import { describe, expect, it } from 'vitest';
import { channelStyle } from '../../../bot/channels/channelStyle.js';
import { createConversation, readable } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';

const CHANNELS = [
  'webchat',
  'directline',
  'emulator',
  'msteams',
  'telegram',
  'facebook',
  'sms',
  'infobip-whatsapp',
  'whatsapp',
  'somethingNew',
];

describe.each(CHANNELS)('on channel %s', (channelId) => {
  it('shows the welcome options the way the channel can, and takes the option number as an answer', async () => {
    const talk = createConversation({ recognizer: fakeRecognizer({}), channelId });
    const [welcome] = await talk.join();
    const style = channelStyle(channelId);
    if (style === 'cards') {
      expect(welcome?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
      expect((welcome?.attachments?.[0]?.content as { buttons: unknown[] }).buttons).toHaveLength(5);
    } else if (style === 'quickReplies') {
      expect(welcome?.suggestedActions?.actions).toHaveLength(5);
      expect(welcome?.attachments ?? []).toHaveLength(0);
    } else {
      expect(welcome?.attachments ?? []).toHaveLength(0);
      expect(welcome?.text).toMatch(/^1\. «common:menu\.thuisloket\.info»$/m);
      expect(welcome?.text).toMatch(/^5\. «common:menu\.handoff\.human»$/m);
      expect(welcome?.text).toContain('«common:choice.answerWithNumber»');
    }
    expect(readable(await talk.say('5'))).toContain('«handoff:title»');
  });

  it('shows an informative card with its link on this channel', async () => {
    const talk = createConversation({ recognizer: fakeRecognizer({}), channelId });
    await talk.join();
    const [card] = await talk.say('5');
    if (channelStyle(channelId) === 'cards') {
      expect(card?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    } else {
      // The number as residents read it; a raw tel: link is noise on SMS (#13).
      expect(card?.text).toContain('050 12 34 56');
      expect(card?.text).not.toContain('tel:');
    }
  });
});

describe('channel styles', () => {
  it.each([
    ['webchat', 'cards'],
    ['msteams', 'cards'],
    ['telegram', 'quickReplies'],
    ['facebook', 'quickReplies'],
    ['sms', 'plainText'],
    ['infobip-whatsapp', 'plainText'],
    ['default', 'plainText'],
    ['toString', 'plainText'],
    [undefined, 'plainText'],
  ] as const)('%s shows %s', (channelId, style) => {
    expect(channelStyle(channelId)).toBe(style);
  });
});
