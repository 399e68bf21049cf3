import { ActivityTypes, type Activity } from 'botbuilder';
import { copyAsJson } from '../stores/embedded/jsonValueCopy.js';

/**
 * What a conversation remembers of the messages it answered, so that a channel's resend of one
 * (Direct Line and Teams retry after about 15 s without an answer) runs no second turn and gets the
 * first answer again, booking code included. Kept in conversation state: it lives no longer than the
 * conversation does, and travels with it to any instance.
 */
export interface AnsweredActivity {
  id: string;
  /** The replies as sent, without their delivery envelope; only on the last few answers. */
  replies?: Partial<Activity>[];
}

/** Recent activity ids remembered, to recognise a late resend even when its replies are gone. */
const REMEMBERED_ACTIVITY_IDS = 20;

/** Answers kept whole for a replay: a resend comes within seconds, a turn or two later at most. */
const REPLAYED_ANSWERS = 3;

/** An answer bigger than this is not kept for a replay (the resend then gets nothing, as before). */
const MAX_REPLAY_BYTES = 16 * 1024;

// Set again by the adapter for every delivery (ids, addresses, time); kept, they would point at the first one.
const ENVELOPE_FIELDS = [
  'id',
  'timestamp',
  'localTimestamp',
  'replyToId',
  'conversation',
  'from',
  'recipient',
  'serviceUrl',
  'channelId',
  'relatesTo',
] as const satisfies readonly (keyof Activity)[];

// Not part of what the resident reads.
const NOT_REPLAYED_TYPES = new Set<string>([ActivityTypes.Trace, ActivityTypes.Typing, 'delay', ActivityTypes.InvokeResponse]);

/** The remembered answer to this message, if it is a resend of one this conversation answered. */
export function answeredBefore(log: readonly AnsweredActivity[], activity: Partial<Activity>): AnsweredActivity | undefined {
  if (activity.type !== ActivityTypes.Message || !activity.id) return undefined;
  return log.find((entry) => entry.id === activity.id);
}

/** The log with this message's answer added last: ids of the last 20, replies of the last 3. */
export function withAnswer(log: readonly AnsweredActivity[], id: string, sent: readonly Partial<Activity>[]): AnsweredActivity[] {
  const replies = sent.filter((reply) => !NOT_REPLAYED_TYPES.has(String(reply.type))).map(withoutEnvelope);
  const entry: AnsweredActivity = Buffer.byteLength(JSON.stringify(replies)) <= MAX_REPLAY_BYTES ? { id, replies } : { id };
  const kept = [...log.filter((other) => other.id !== id), entry].slice(-REMEMBERED_ACTIVITY_IDS);
  return kept.map((other, index) => (index < kept.length - REPLAYED_ANSWERS ? { id: other.id } : other));
}

/** A JSON copy of the reply without its envelope; the envelope (a Date among it) is left out before copying. */
function withoutEnvelope(reply: Partial<Activity>): Partial<Activity> {
  const content: Record<string, unknown> = { ...reply };
  for (const field of ENVELOPE_FIELDS) delete content[field];
  return copyAsJson(content) as Partial<Activity>;
}
