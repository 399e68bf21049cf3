/** How a channel can show a question with options and an informative card. */
export type ChannelStyle = 'cards' | 'quickReplies' | 'plainText';

/** What one channel can show: the renderer reads this table and nothing else about channels. */
export interface ChannelCapabilities {
  style: ChannelStyle;
  /** The most options the channel shows as buttons; the rest are written as a numbered list in the text. */
  maxButtons: number;
  /** The longest button label the channel shows whole; longer labels get their short form. */
  maxLabelLength: number;
  /** A button can send a hidden value (messageBack/postBack) besides its text. */
  hiddenValue: boolean;
  /** The Adaptive Card version the channel renders, or null when it shows none. */
  adaptiveCardVersion: string | null;
  /** The most Adaptive Card actions shown on the card itself. */
  maxCardActions: number;
  /** The largest message the channel accepts, measured as JSON in UTF-16 bytes (Teams' measure) or text characters. */
  maxMessageSize: number;
  /** Whether `maxMessageSize` counts the whole activity as JSON (UTF-16) or only the text (characters). */
  messageSizeOf: 'activityJson' | 'text';
  /** The channel shows a download link (e.g. a calendar file) that opens this server. */
  downloadLinks: boolean;
  /** `activity.from.id` is the phone number the resident writes from (SMS). */
  senderIsPhoneNumber: boolean;
}

/**
 * The id a channel puts in `activity.channelId`. WhatsApp reaches the bot through Infobip's
 * Bot Framework adapter, whose activities carry "infobip-whatsapp"
 * (BotBuilderCommunity botbuilder-community-dotnet, InfobipWhatsAppConstants.ChannelName).
 */
export const CHANNEL_IDS = ['webchat', 'directline', 'emulator', 'msteams', 'telegram', 'facebook', 'infobip-whatsapp', 'sms'] as const;
export type KnownChannelId = (typeof CHANNEL_IDS)[number];

// Our own web page, Direct Line and the Emulator all render with Bot Framework Web Chat.
// - Buttons: Web Chat lays hero-card buttons out one per line and wraps long titles; botbuilder's own
//   choice factory treats up to 100 card actions as supported there (botbuilder-dialogs choices/channel.ts).
//   No documented limit on count or title length: 8 buttons and 60 characters are our choice, so a
//   menu stays readable; longer lists become a numbered list plus buttons.
// - messageBack/postBack: supported (Bot Framework "Channels reference", card action support by
//   channel; Web Chat's Adaptive Cards notes: a postBack is not shown, messageBack shows displayText).
// - Adaptive Cards: 1.5, the version renderInfoCard sends and Web Chat renders.
// - Size: the Bot Connector rejects requests over 262,144 bytes with MessageSizeTooBig
//   (microsoft/botframework-sdk issue #6669).
const WEB_CHAT: ChannelCapabilities = {
  style: 'cards',
  maxButtons: 8,
  maxLabelLength: 60,
  hiddenValue: true,
  adaptiveCardVersion: '1.5',
  maxCardActions: 8,
  maxMessageSize: 262_144,
  messageSizeOf: 'activityJson',
  downloadLinks: true,
  senderIsPhoneNumber: false,
};

/** A channel that shows only text: options as a numbered list, labels whole, within `maxMessageSize` characters. */
function numberedText(maxMessageSize: number, senderIsPhoneNumber = false): ChannelCapabilities {
  return {
    style: 'plainText',
    maxButtons: 0,
    maxLabelLength: Number.POSITIVE_INFINITY,
    hiddenValue: false,
    adaptiveCardVersion: null,
    maxCardActions: 0,
    maxMessageSize,
    messageSizeOf: 'text',
    downloadLinks: false,
    senderIsPhoneNumber,
  };
}

export const CHANNEL_CAPABILITIES: Record<KnownChannelId | 'default', ChannelCapabilities> = {
  webchat: WEB_CHAT,
  directline: WEB_CHAT,
  emulator: WEB_CHAT,
  // Microsoft Teams (learn.microsoft.com/microsoftteams/platform):
  // - "Format your bot messages": a bot message may be 40 KB, counted on the whole payload in UTF-16,
  //   else 413 MessageSizeTooBig (newer revisions say about 100 KB with 80 KB advised; we keep 40 KB).
  // - "What are cards": Teams cards support messageBack (text + hidden value), imBack, openUrl.
  // - Adaptive Cards 1.5: Universal Actions for Adaptive Cards are schema 1.5, which Teams renders.
  // - Six actions: Teams shows up to six primary actions on an Adaptive Card and moves more into an
  //   overflow menu ("Overflow menu on Adaptive Cards"; not in the stored excerpts we could check), so we
  //   send at most six buttons on a hero card too.
  // - Button titles: not documented; Teams cuts long titles in a button, 40 characters is our choice.
  msteams: {
    style: 'cards',
    maxButtons: 6,
    maxLabelLength: 40,
    hiddenValue: true,
    adaptiveCardVersion: '1.5',
    maxCardActions: 6,
    maxMessageSize: 40 * 1024,
    messageSizeOf: 'activityJson',
    downloadLinks: false,
    senderIsPhoneNumber: false,
  },
  // Telegram (core.telegram.org/bots/api): suggested actions become a reply keyboard whose button sends
  // its text only (KeyboardButton has no payload), so no hidden value; message text 1–4096 characters.
  // The keyboard has no documented button count (botbuilder treats 100 as supported) and no documented
  // text length: 8 buttons and 30 characters are our choice, what a phone's keyboard row shows whole.
  telegram: {
    style: 'quickReplies',
    maxButtons: 8,
    maxLabelLength: 30,
    hiddenValue: false,
    adaptiveCardVersion: null,
    maxCardActions: 0,
    maxMessageSize: 4096,
    messageSizeOf: 'text',
    downloadLinks: false,
    senderIsPhoneNumber: false,
  },
  // Facebook Messenger (developers.facebook.com/docs/messenger-platform, "Quick replies"): at most 13
  // quick replies, each title cut after 20 characters; a tapped quick reply posts its title as a message
  // (the Bot Service hands us that text). Message text: 2000 characters (Send API reference, `text`;
  // not in the stored excerpts we could check).
  facebook: {
    style: 'quickReplies',
    maxButtons: 13,
    maxLabelLength: 20,
    hiddenValue: false,
    adaptiveCardVersion: null,
    maxCardActions: 0,
    maxMessageSize: 2000,
    messageSizeOf: 'text',
    downloadLinks: false,
    senderIsPhoneNumber: false,
  },
  // WhatsApp through Infobip's adapter: it turns an activity's text, media attachments and location
  // entities into WhatsApp messages and drops suggested actions and cards (InfobipOmniWhatsAppMessageFactory),
  // so options go as numbered text. WhatsApp text messages hold up to 4096 characters.
  'infobip-whatsapp': numberedText(4096),
  // SMS through the Bot Service's Twilio channel: text only; Twilio's Messages resource takes a body of at
  // most 1,600 characters (Twilio error 21617). The channel puts the sender's number in `from.id`
  // ("+32470123456"), the Twilio webhook's `From`.
  sms: numberedText(1600, true),
  // A channel we do not know gets what works everywhere: numbered text within an SMS's limit.
  default: numberedText(1600),
};

/** What the channel with this id can show; unknown channels get the plain-text default. */
export function channelCapabilities(channelId: string | undefined): ChannelCapabilities {
  const known = channelId !== undefined && Object.hasOwn(CHANNEL_CAPABILITIES, channelId) && channelId !== 'default';
  return known ? CHANNEL_CAPABILITIES[channelId as KnownChannelId] : CHANNEL_CAPABILITIES.default;
}

/** SMS and channels we do not know get numbered plain text: it works everywhere. */
export function channelStyle(channelId: string | undefined): ChannelStyle {
  return channelCapabilities(channelId).style;
}

/** Whether the channel shows a download link (e.g. a calendar file) that the resident can open. */
export function servesDownloadLinks(channelId: string | undefined): boolean {
  return channelCapabilities(channelId).downloadLinks;
}
