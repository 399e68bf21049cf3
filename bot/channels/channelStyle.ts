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

// Web pages that show our own chat can open a link to this server; SMS, Telegram and others show the details in text.
const DOWNLOAD_LINK_CHANNELS = new Set(['webchat', 'directline', 'emulator']);

/** Whether the channel shows a download link (e.g. a calendar file) that the resident can open. */
export function servesDownloadLinks(channelId: string | undefined): boolean {
  return channelId !== undefined && DOWNLOAD_LINK_CHANNELS.has(channelId);
}
