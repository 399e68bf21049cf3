/**
 * The message budget (#13), over every dialog path the crawler reaches: from each opening message it
 * answers every numbered option (and a name, an e-mail address and a code where a free answer is
 * asked), breadth first, a few turns deep. Each turn: at most 3 bubbles; on SMS each under 600
 * characters and without raw tel:/mailto: links. Real Dutch sentences, so lengths are what residents get.
 */
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../bot/i18n.js';
import { DOCUMENT_IDS, type Intent } from '../../nlu/contract.js';
import type { Recognition } from '../../nlu/recognizer.js';
import { createConversation } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';

const MAX_BUBBLES = 3;
const MAX_SMS_CHARACTERS = 600;
const MAX_DEPTH = 5;
const MAX_PATHS_PER_OPENING = 30;
const FREE_ANSWERS = ['An Peeters', 'an@voorbeeld.be', 'K7M-4XT'];

const recognized = (intent: Intent, document?: string): Recognition => ({ intent, score: 1, entities: document ? { document } : {} } as Recognition);
const OPENINGS: Record<string, Recognition> = {
  hallo: recognized('greeting'),
  thuisloket: recognized('thuisloket.info'),
  'ik heb geen itsme': recognized('thuisloket.info'),
  'mijn pincode is geblokkeerd': recognized('thuisloket.info'),
  'een document': recognized('document.request'),
  'een afspraak': recognized('appointment.book'),
  'ik kom mijn reispas ophalen': recognized('appointment.book', 'reispas'),
  'mijn man is overleden, ik heb een overlijdensakte nodig': recognized('document.request', 'akte-overlijden'),
  'ik heb geen computer en ik heb een bewijs van woonst nodig': recognized('document.request', 'attest-woonst'),
  'zijn jullie open': recognized('info.hours'),
  'waar zijn jullie': recognized('info.contact'),
  'iemand spreken': recognized('handoff.human'),
  'afspraak annuleren': recognized('appointment.cancel'),
  'afspraak verplaatsen': recognized('appointment.reschedule'),
  'wanneer komt het grofvuil': recognized('none'),
};
for (const id of DOCUMENT_IDS) {
  OPENINGS[`document ${id}`] = recognized('document.request', id);
  OPENINGS[`afspraak ${id}`] = recognized('appointment.book', id);
}
const recognizer = fakeRecognizer(OPENINGS);
const i18n = createI18n();

interface Turn {
  path: string[];
  replies: Partial<Activity>[];
}

async function play(channelId: string, path: readonly string[]): Promise<Partial<Activity>[][]> {
  const conversation = createConversation({ recognizer, channelId, i18n });
  const turns: Partial<Activity>[][] = [];
  for (const text of path) turns.push(await conversation.say(text));
  return turns;
}

/** What a resident can answer next: every option number, or a free answer when no options are offered. */
function nextAnswers(replies: Partial<Activity>[]): string[] {
  const last = replies.at(-1)?.text ?? '';
  const numbers = [...last.matchAll(/^(\d+)\. /gm)].map(([, n]) => n!);
  if (numbers.length > 0) return numbers;
  return last.trim().endsWith('?') || /: [A-Z0-9]{3}-[A-Z0-9]{3}\.$/.test(last) ? FREE_ANSWERS : [];
}

/** Every turn of every path from this opening, breadth first, on SMS (numbers work on every channel). */
async function crawl(opening: string): Promise<Turn[]> {
  const seen: Turn[] = [];
  let frontier: string[][] = [[opening]];
  let paths = 0;
  while (frontier.length > 0 && paths < MAX_PATHS_PER_OPENING) {
    const next: string[][] = [];
    for (const path of frontier) {
      if (paths++ >= MAX_PATHS_PER_OPENING) break;
      const turns = await play('sms', path);
      const replies = turns.at(-1)!;
      seen.push({ path, replies });
      if (path.length < MAX_DEPTH) for (const answer of nextAnswers(replies)) next.push([...path, answer]);
    }
    frontier = next;
  }
  return seen;
}

const describeText = (turn: Turn) => `after ${JSON.stringify(turn.path)}`;

describe('message budget over every dialog path', () => {
  it.each(Object.keys(OPENINGS))('"%s": SMS and web chat stay within budget', async (opening) => {
    const turns = await crawl(opening);
    expect(turns.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const turn of turns) {
      if (turn.replies.length > MAX_BUBBLES) problems.push(`sms ${turn.replies.length} messages ${describeText(turn)}`);
      for (const reply of turn.replies) {
        const text = reply.text ?? '';
        if (text.length >= MAX_SMS_CHARACTERS) problems.push(`sms message of ${text.length} characters ${describeText(turn)}`);
        if (/\b(tel|mailto):/.test(text)) problems.push(`sms raw link ${describeText(turn)}: ${text}`);
      }
    }
    // The same paths on web chat: bubbles per turn.
    for (const turn of turns.filter((t) => t.path.length === MAX_DEPTH || nextAnswers(t.replies).length === 0)) {
      const webTurns = await play('webchat', turn.path);
      webTurns.forEach((replies, index) => {
        if (replies.length > MAX_BUBBLES) problems.push(`webchat ${replies.length} bubbles after ${JSON.stringify(turn.path.slice(0, index + 1))}`);
      });
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
