/** What a channel posts to `POST /api/messages` when a resident types: shared by the CLIs, the benchmarks and the tests. */

interface ResidentMessageFields {
  /** The activity id; a channel that resends a message resends its id. */
  id: string;
  text: string;
  /** The resident's id on the channel (on SMS their number). */
  from: string;
  conversation: string;
  /** Default webchat. */
  channelId?: string;
  /** Default nl-BE. */
  locale?: string;
}

/**
 * A resident's message activity that asks for the replies in the HTTP response (expectReplies).
 * The service URL is loopback's discard port: no reply may go there.
 */
export function residentMessage({ id, text, from, conversation, channelId = 'webchat', locale = 'nl-BE' }: ResidentMessageFields) {
  return {
    type: 'message',
    id,
    text,
    channelId,
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    from: { id: from, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: conversation },
    locale,
  };
}
