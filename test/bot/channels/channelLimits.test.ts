import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_IDS, channelCapabilities } from '../../../bot/channels/channelStyle.js';
import type { Question } from '../../../bot/channels/renderer.js';
import { createI18n, LANGUAGES, readLocaleResources, type Language } from '../../../bot/i18n.js';
import { handoffFixture } from '../../dialogs/handoffFixtures.js';
import { askAndAnswer, messageSize, renderedButtons, tappedButton } from '../../support/channelAnswers.js';
import { createConversation } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { createSurveyFixture } from '../../support/survey.js';
import type { Intent } from '../../../domain/nluContract.js';
import type { Recognition } from '../../../nlu/recognizer.js';

// Every question the dialogs ask goes through renderQuestion: record them while walking the conversation.
const captured = vi.hoisted(() => ({ questions: [] as Question[] }));
vi.mock('../../../bot/channels/renderer.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../bot/channels/renderer.js')>();
  return {
    ...real,
    renderQuestion: (...args: Parameters<typeof real.renderQuestion>) => {
      captured.questions.push(args[1]);
      return real.renderQuestion(...args);
    },
  };
});

// The real renderer, to render a recorded question for every channel (the mock only records and delegates).
const { renderQuestion: realRenderQuestion } =
  await vi.importActual<typeof import('../../../bot/channels/renderer.js')>('../../../bot/channels/renderer.js');

const CHANNELS = [...CHANNEL_IDS, 'somethingNew'];
const i18next = createI18n();
/** Deep enough for every option path: menu → group → document → questions → offer → survey. */
const MAX_DEPTH = 7;

/** The intents the main dialog may ask about when two are about equally likely: its `common:clarify.options`. */
const clarifyOptions = (readLocaleResources().nl.common as { clarify: { options: Record<string, string> } }).clarify.options;
const CLARIFY_INTENTS = Object.keys(clarifyOptions) as Intent[];

/** "twijfel N": a message the recognizer finds about equally likely to mean intent N and intent N + 1. */
const recognizer = fakeRecognizer({
  daag: 'goodbye',
  ...Object.fromEntries(
    CLARIFY_INTENTS.map((intent, index): [string, Recognition] => [
      `twijfel ${index}`,
      { intent, score: 0.5, runnerUp: { intent: CLARIFY_INTENTS[(index + 1) % CLARIFY_INTENTS.length]!, score: 0.49 }, entities: {} },
    ]),
  ),
});

interface Asked {
  question: Question;
  /** What the resident said to get there, from the start of the conversation. */
  path: readonly string[];
}

function conversation(language: Language, surveyDraw: number) {
  return createConversation({
    recognizer,
    i18n: i18next,
    locale: language === 'nl' ? 'nl-BE' : 'en-GB',
    channelId: 'msteams',
    survey: createSurveyFixture({ random: () => surveyDraw }).deps,
    handoff: handoffFixture().services,
  });
}

/** Replays a path and returns the question its last turn asked, and every reply on the way. */
async function replay(language: Language, surveyDraw: number, path: readonly string[]) {
  const talk = conversation(language, surveyDraw);
  const replies: Partial<Activity>[] = [];
  captured.questions = [];
  // A clarifying question comes when a conversation opens with an unclear message, not after the welcome.
  if (!path[0]?.startsWith('twijfel')) replies.push(...(await talk.join()));
  for (const text of path) {
    captured.questions = [];
    replies.push(...(await talk.say(text)));
  }
  return { asked: captured.questions.at(-1), replies };
}

/**
 * Every question a resident can reach by picking options, from the welcome and from "goodbye" (the
 * survey, once per rotating question): a breadth-first walk answering each option by its number.
 */
async function reachableQuestions(language: Language): Promise<{ asked: Asked[]; replies: Partial<Activity>[] }> {
  const seen = new Map<string, Asked>();
  const replies: Partial<Activity>[] = [];
  const draws = [0, 0.4, 0.8];
  for (const surveyDraw of draws) {
    // Each draw asks other survey questions after the same first ones: expand per draw, collect once.
    const expanded = new Set<string>();
    const clarify = CLARIFY_INTENTS.map((_intent, index) => [`twijfel ${index}`]);
    const queue: string[][] = surveyDraw === 0 ? [[], ['daag'], ...clarify] : [['daag']];
    while (queue.length > 0) {
      const path = queue.shift()!;
      const turn = await replay(language, surveyDraw, path);
      replies.push(...turn.replies.slice(-3));
      if (!turn.asked) continue;
      const signature = `${turn.asked.id}|${turn.asked.options.map((option) => option.value).join(',')}`;
      if (expanded.has(signature)) continue;
      expanded.add(signature);
      if (!seen.has(signature)) seen.set(signature, { question: turn.asked, path });
      if (path.length >= MAX_DEPTH) continue;
      turn.asked.options.forEach((_option, index) => queue.push([...path, String(index + 1)]));
    }
  }
  return { asked: [...seen.values()], replies };
}

describe.each(LANGUAGES)('every option question reachable in %s', (language) => {
  let asked: Asked[] = [];
  let replies: Partial<Activity>[] = [];

  beforeAll(async () => {
    ({ asked, replies } = await reachableQuestions(language));
  }, 120_000);

  it('includes the welcome, a document route, the booking menu, the survey and the phone hand-off', () => {
    const ids = new Set(asked.map(({ question }) => question.id));
    for (const id of [
      'menu',
      'documents.group',
      'documents.document',
      'appointments.service',
      'survey.awareness',
      'survey.satisfaction',
      'survey.appointmentPreference',
      'survey.bookingChannel',
      'survey.ageBracket',
      'handoff.offer',
      'handoff.moment',
      'appointments.slot',
      'clarify',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(
      asked.every(({ question }) => question.id),
      'every question has an id',
    ).toBe(true);
  });

  it.each(CHANNELS)('on %s: within the button count, labels whole and short enough, message within size, nothing dropped', (channelId) => {
    const channel = channelCapabilities(channelId);
    const t = i18next.getFixedT(language);
    for (const { question, path } of asked) {
      const where = `${question.id} after [${path.join(' ')}] on ${channelId}`;
      const rendered = realRenderQuestion(channelId, question, t);
      const buttons = renderedButtons(rendered);
      expect(buttons.length, where).toBeLessThanOrEqual(channel.maxButtons);
      for (const button of buttons) {
        expect(button.title.length, `${where}: "${button.title}"`).toBeLessThanOrEqual(channel.maxLabelLength);
        expect(button.title, `${where}: a label cut by the renderer needs a short label`).not.toMatch(/…$/);
      }
      expect(messageSize(rendered, channel), where).toBeLessThanOrEqual(channel.maxMessageSize);
      // An option without a button is in the numbered list of the text.
      question.options.slice(buttons.length).forEach((option, offset) => {
        expect(rendered.text, where).toContain(`${buttons.length + offset + 1}. ${option.label}`);
      });
    }
  });

  it.each(CHANNELS)(
    'on %s: each option, sent back as the channel sends it, picks that option',
    async (channelId) => {
      const channel = channelCapabilities(channelId);
      for (const { question } of asked) {
        for (const [index, option] of question.options.entries()) {
          const where = `${question.id} option ${option.value} on ${channelId}`;
          const answer = (rendered: Partial<Activity>) => {
            const button = renderedButtons(rendered)[index];
            return button ? tappedButton(button) : { text: String(index + 1) };
          };
          const { rendered, picked } = await askAndAnswer(i18next, language, channelId, question, answer);
          const button = renderedButtons(rendered)[index];
          expect(picked, where).toBe(option.value);
          if (channel.hiddenValue && button) expect(button.value, where).toEqual({ answer: option.value, question: question.id });
        }
        const typed = await askAndAnswer(i18next, language, channelId, question, () => ({ text: String(question.options.length) }));
        expect(typed.picked, `${question.id}: the last option's number on ${channelId}`).toBe(question.options.at(-1)!.value);
      }
    },
    60_000,
  );

  it('Teams gets Adaptive Cards within the version and the actions it renders, and messages within 40 KB', () => {
    const teams = channelCapabilities('msteams');
    const cards = replies
      .flatMap((reply) => reply.attachments ?? [])
      .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const content = card.content as { version: string; actions?: unknown[] };
      expect(Number(content.version)).toBeLessThanOrEqual(Number(teams.adaptiveCardVersion));
      expect(content.actions?.length ?? 0).toBeLessThanOrEqual(teams.maxCardActions);
    }
    for (const reply of replies) expect(messageSize(reply, teams)).toBeLessThanOrEqual(teams.maxMessageSize);
  });
});
