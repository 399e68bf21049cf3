/** How a channel can show a question with options and an informative card. */
export type ChannelStyle = 'cards' | 'quickReplies' | 'plainText';

const CARD_CHANNELS = new Set(['webchat', 'directline', 'emulator', 'msteams']);
const QUICK_REPLY_CHANNELS = new Set(['telegram', 'facebook']);

/** SMS and channels we do not know get numbered plain text: it works everywhere. */
export function channelStyle(channelId: string | undefined): ChannelStyle {
  if (channelId && CARD_CHANNELS.has(channelId)) return 'cards';
  if (channelId && QUICK_REPLY_CHANNELS.has(channelId)) return 'quickReplies';
  return 'plainText';
}
