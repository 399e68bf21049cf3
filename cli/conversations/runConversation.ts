/**
 * Plays a resident conversation against the bot's `POST /api/messages` with
 * `deliveryMode: "expectReplies"`, turn by turn, and says where the replies differ from the script.
 */
import { randomUUID } from 'node:crypto';
import { BOOKING_CODE_PATTERN } from '../../services/appointments/bookingCode.js';
import type { ResidentConversation, ResidentTurn } from './conversationScript.js';
import type { LocaleKeys } from './localeKeys.js';

/** The parts of a reply activity a resident sees or taps. */
interface ReplyActivity {
  type?: string;
  text?: string;
  attachments?: { contentType?: string; content?: unknown }[];
  suggestedActions?: { actions?: ButtonAction[] };
}

interface ButtonAction {
  type?: string;
  title?: string;
  text?: string;
  displayText?: string;
  value?: unknown;
}

/** Sends one activity and returns the bot's replies to it. */
export type PostActivity = (activity: Record<string, unknown>) => Promise<ReplyActivity[]>;

interface TurnReport {
  sent: string;
  replies: string;
  problems: string[];
}

export interface ConversationReport {
  id: string;
  turns: TurnReport[];
  /** Every problem, "turn N: …"; empty when the conversation went as scripted. */
  problems: string[];
}

/** POSTs to `<baseUrl>/api/messages` and reads the replies from the response body. */
export function httpPoster(baseUrl: string): PostActivity {
  const url = new URL('/api/messages', baseUrl).toString();
  return async (activity) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (response.status !== 200) throw new Error(`POST /api/messages answered ${response.status}`);
    const body = (await response.json()) as { activities?: ReplyActivity[] };
    return body.activities ?? [];
  };
}

export async function runConversation(
  conversation: ResidentConversation,
  post: PostActivity,
  keys: LocaleKeys,
): Promise<ConversationReport> {
  const conversationId = `resident-${conversation.id}-${randomUUID()}`;
  const resident =
    conversation.channel === 'sms' ? `+3247${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` : `resident-${randomUUID()}`;
  const base = {
    type: 'message',
    channelId: conversation.channel,
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    from: { id: resident, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: conversationId },
    locale: conversation.locale ?? 'nl-BE',
  };
  const turns: TurnReport[] = [];
  let previous: ReplyActivity[] = [];
  let bookingCode: string | undefined;
  for (const [index, turn] of conversation.turns.entries()) {
    const problems = unknownKeys(turn, keys);
    const message = messageFor(turn, previous, keys, bookingCode);
    if (!message) {
      turns.push({ sent: `click ${turn.click}`, replies: '', problems: [...problems, `no button ${turn.click} to tap`] });
      break;
    }
    const replies = (await post({ ...base, ...message, id: `turn-${index + 1}` })).filter(
      (reply) => reply.type === undefined || reply.type === 'message',
    );
    const readable = readableReplies(replies);
    if (replies.length === 0) problems.push('left unanswered: the assistant sent nothing');
    for (const key of turn.expect ?? []) if (!keys.carries(readable, key)) problems.push(`expected ${key}`);
    for (const key of turn.not ?? []) if (keys.carries(readable, key)) problems.push(`did not expect ${key}`);
    turns.push({ sent: String(message.text ?? JSON.stringify(message.value)), replies: readable, problems });
    previous = replies;
    // Only a confirmation gives a code: the code question shows an example one.
    if (keys.carries(readable, 'appointments:booked.title') || keys.carries(readable, 'appointments:moved.title'))
      bookingCode = lastBookingCode(readable) ?? bookingCode;
  }
  return {
    id: conversation.id,
    turns,
    problems: turns.flatMap((turn, index) => turn.problems.map((problem) => `turn ${index + 1} (${turn.sent}): ${problem}`)),
  };
}

function unknownKeys(turn: ResidentTurn, keys: LocaleKeys): string[] {
  const named = [...(turn.expect ?? []), ...(turn.not ?? []), ...(typeof turn.click === 'string' ? [turn.click] : [])];
  return named.filter((key) => !keys.exists(key)).map((key) => `the script names ${key}, which no locale has`);
}

/** The activity fields a turn sends: typed text, or what the tapped button sends on its channel. */
function messageFor(
  turn: ResidentTurn,
  previous: ReplyActivity[],
  keys: LocaleKeys,
  bookingCode: string | undefined,
): Record<string, unknown> | undefined {
  if (turn.say !== undefined)
    return { text: bookingCode === undefined ? turn.say : turn.say.replaceAll(BOOKING_CODE_PLACEHOLDER, bookingCode) };
  const buttons = buttonsIn(previous, keys);
  const button =
    typeof turn.click === 'number' ? buttons[turn.click - 1] : buttons.find((candidate) => candidate.matches(turn.click as string));
  return button?.send;
}

/** In a turn's `say`, the booking code the assistant gave last in this conversation (a resident reads it from the confirmation). */
const BOOKING_CODE_PLACEHOLDER = '{{bookingCode}}';
const BOOKING_CODE = new RegExp(`\\b${BOOKING_CODE_PATTERN}\\b`, 'g');

/** The last booking code in the replies of a confirmation. */
function lastBookingCode(replies: string): string | undefined {
  return [...replies.matchAll(BOOKING_CODE)].map((match) => match[0]).at(-1);
}

interface Button {
  matches: (key: string) => boolean;
  send: Record<string, unknown> | undefined;
}

function buttonsIn(replies: ReplyActivity[], keys: LocaleKeys): Button[] {
  const actions = replies.flatMap((reply) => [
    ...(reply.attachments ?? []).flatMap((attachment) => actionsIn(attachment.content)),
    ...(reply.suggestedActions?.actions ?? []),
  ]);
  return actions
    .filter((action) => action.type !== 'openUrl' && action.type !== 'Action.OpenUrl' && action.type !== 'call')
    .map((action) => ({ matches: (key) => keys.carries(`${action.title ?? ''}\n${action.text ?? ''}`, key), send: whatATapSends(action) }));
}

function actionsIn(content: unknown): ButtonAction[] {
  const card = content as { buttons?: ButtonAction[]; actions?: ButtonAction[] } | undefined;
  return [...(card?.buttons ?? []), ...(card?.actions ?? [])];
}

/** messageBack sends its text and hidden value; imBack its value as text; postBack its value. */
function whatATapSends(action: ButtonAction): Record<string, unknown> | undefined {
  switch (action.type) {
    case 'messageBack':
      return { text: action.text ?? action.displayText, value: action.value };
    case 'postBack':
      return { value: action.value };
    default:
      return typeof action.value === 'string' ? { text: action.value } : undefined;
  }
}

/** Everything a resident reads in the replies: texts, and every text in cards and on buttons. */
function readableReplies(replies: ReplyActivity[]): string {
  return replies
    .flatMap((reply) => [
      reply.text ?? '',
      ...(reply.attachments ?? []).flatMap((attachment) => stringsIn(attachment.content)),
      ...(reply.suggestedActions?.actions ?? []).map((action) => action.title ?? ''),
    ])
    .filter(Boolean)
    .join('\n');
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    // A button shows its title; what it sends back (text, value) is not read by the resident.
    if (key === 'buttons' || key === 'actions') return (inner as ButtonAction[]).map((action) => action.title ?? '');
    return READ_FIELDS.has(key) || typeof inner === 'object' ? stringsIn(inner) : [];
  });
}

/** The fields of a card that hold what a resident reads. */
const READ_FIELDS = new Set(['text', 'title', 'subtitle', 'body', 'items', 'columns', 'facts', 'value']);
