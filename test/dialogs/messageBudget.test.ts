/**
 * The message budget (#13), over every dialog path the crawler reaches: from each opening message it
 * answers every numbered option (and a name, an e-mail address and a code where a free answer is
 * asked), breadth first, a few turns deep. Each turn: at most 3 bubbles; on SMS each under 600
 * characters and without raw tel:/mailto: links. Real Dutch sentences, so lengths are what residents get.
 * A question asked again in a later message of the same conversation keeps its option numbers: a
 * resident who read "2" for an answer can type 2 again.
 */
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../bot/i18n.js';
import { DOCUMENT_IDS, type Intent } from '../../domain/nluContract.js';
import type { Recognition } from '../../nlu/recognizer.js';
import { createConversation } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';

const MAX_BUBBLES = 3;
const MAX_SMS_CHARACTERS = 600;
const MAX_DEPTH = 5;
const MAX_PATHS_PER_OPENING = 30;
const FREE_ANSWERS = ['An Peeters', 'an@voorbeeld.be', 'K7M-4XT'];

const recognized = (intent: Intent, document?: string): Recognition =>
  ({ intent, score: 1, entities: document ? { document } : {} }) as Recognition;
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
  'ik kan niet inloggen op het thuisloket': recognized('thuisloket.info'),
  'mijn kaartlezer werkt niet': recognized('thuisloket.info'),
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

const startsWith = (path: readonly string[], prefix: readonly string[]) => prefix.every((text, index) => path[index] === text);

const describeText = (turn: Turn) => `after ${JSON.stringify(turn.path)}`;

/** The options a message offers as buttons with their question's id: question id → option value → number. */
function numberedButtons(replies: Partial<Activity>[]): Map<string, Map<string, number>> {
  const questions = new Map<string, Map<string, number>>();
  for (const reply of replies) {
    for (const attachment of reply.attachments ?? []) {
      const buttons = ((attachment.content ?? {}) as { buttons?: { value?: unknown }[] }).buttons ?? [];
      buttons.forEach((button, index) => {
        const value = button.value as { question?: unknown; answer?: unknown } | undefined;
        if (typeof value?.question !== 'string' || typeof value.answer !== 'string') return;
        const options = questions.get(value.question) ?? new Map<string, number>();
        options.set(value.answer, index + 1);
        questions.set(value.question, options);
      });
    }
  }
  return questions;
}

/** Options whose number changed between two messages of the same question in one conversation. */
function renumbered(turns: Partial<Activity>[][], path: readonly string[]): string[] {
  const first = new Map<string, Map<string, number>>();
  const problems: string[] = [];
  turns.forEach((replies, index) => {
    for (const [question, options] of numberedButtons(replies)) {
      const earlier = first.get(question);
      if (!earlier) {
        first.set(question, options);
        continue;
      }
      for (const [answer, number] of options) {
        const before = earlier.get(answer);
        if (before !== undefined && before !== number) {
          problems.push(`${question}: "${answer}" was ${before}, became ${number} after ${JSON.stringify(path.slice(0, index + 1))}`);
        }
      }
    }
  });
  return problems;
}

describe('message budget over every dialog path', () => {
  it.each(Object.keys(OPENINGS))(
    '"%s": SMS and web chat stay within budget, option numbers stay put',
    async (opening) => {
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
      // The same paths on web chat, each explored path to its end: bubbles per turn, and option numbers.
      for (const turn of turns.filter(
        (t) => !turns.some((longer) => longer.path.length > t.path.length && startsWith(longer.path, t.path)),
      )) {
        const webTurns = await play('webchat', turn.path);
        webTurns.forEach((replies, index) => {
          if (replies.length > MAX_BUBBLES)
            problems.push(`webchat ${replies.length} bubbles after ${JSON.stringify(turn.path.slice(0, index + 1))}`);
        });
        problems.push(...renumbered(webTurns, turn.path));
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});
