/**
 * The open question comes first: an answer to the bot's own question is taken as that answer,
 * even when the recognizer reads it as a command ("Ja, maar ik gebruik het niet" reads as stop).
 * Real Dutch labels and the real offline recognizer, on a card channel and on SMS.
 */
import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../bot/i18n.js';
import { createLinearRecognizer } from '../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../nlu/recognizer.js';
import { SURVEY_ANSWER_CODES } from '../../services/survey/surveyCodes.js';
import { renderedButtons, tappedButton } from '../support/channelAnswers.js';
import { createConversation } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { createSurveyFixture } from '../support/survey.js';

const i18n = createI18n();
const t = i18n.getFixedT('nl');
let recognizer: Recognizer;
beforeAll(async () => {
  // "daag" starts the survey whatever the recognizer makes of it; the answers are read for real.
  recognizer = fakeRecognizer({ daag: 'goodbye' }, await createLinearRecognizer());
});

const CHANNELS = ['webchat', 'sms'] as const;

/** Which survey question the real Dutch replies ask, by its locale key. */
function surveyQuestionIn(replies: Partial<Activity>[]): string | undefined {
  const text = replies.map((reply) => reply.text ?? '').join('\n');
  return Object.keys(SURVEY_ANSWER_CODES).find((question) => text.includes(t(`survey:${question}.question`)));
}

function said(replies: Partial<Activity>[], key: string): boolean {
  return replies.some((reply) => (reply.text ?? '').includes(t(key)));
}

async function startSurvey(channelId: string) {
  const fixture = createSurveyFixture({ random: () => 0 }); // rotating question: appointmentPreference
  const talk = createConversation({ recognizer, i18n, survey: fixture.deps, channelId });
  const first = await talk.say('daag');
  expect(surveyQuestionIn(first)).toBe('awareness');
  return { fixture, talk, first };
}

describe('an option label never triggers a global intent', () => {
  it.each(CHANNELS)('on %s, typing "Ja, maar ik gebruik het niet" stores the answer and goes on', async (channelId) => {
    const { fixture, talk } = await startSurvey(channelId);
    const replies = await talk.say('Ja, maar ik gebruik het niet');
    expect(said(replies, 'common:cancel.done')).toBe(false);
    expect(surveyQuestionIn(replies)).toBe('satisfaction');
    expect(fixture.rows()[0]?.answers).toEqual({ awareness: 'awareNotUsed' });
  });

  it.each(SURVEY_ANSWER_CODES.awareness)('on webchat, clicking the button for %s stores it', async (code) => {
    const { fixture, talk, first } = await startSurvey('webchat');
    const button = renderedButtons(first.find((reply) => renderedButtons(reply).length > 0)!).find(
      (action) => action.title === t(`survey:awareness.${code}`),
    );
    expect(button, code).toBeDefined();
    const replies = await talk.send({ type: 'message', ...tappedButton(button!) });
    expect(surveyQuestionIn(replies)).toBe('satisfaction');
    expect(fixture.rows()[0]?.answers).toEqual({ awareness: code });
  });

  it('on webchat, a button that sends only its label as text (imBack) is stored too', async () => {
    const { fixture, talk } = await startSurvey('webchat');
    await talk.say(t('survey:awareness.awareNotUsed'));
    expect(fixture.rows()[0]?.answers).toEqual({ awareness: 'awareNotUsed' });
  });

  it.each(CHANNELS)('on %s, every label of every question it asks is stored as that answer', async (channelId) => {
    const { fixture, talk } = await startSurvey(channelId);
    const answers = { awareness: 'used', satisfaction: 3, appointmentPreference: 'walkIn' } as const;
    await talk.say(t('survey:awareness.used'));
    await talk.say(t('survey:satisfaction.3'));
    const last = await talk.say(t('survey:appointmentPreference.walkIn'));
    expect(said(last, 'survey:thanks')).toBe(true);
    expect(fixture.rows()[0]?.answers).toEqual(answers);
  });
});

describe('in the survey only "stop" ends it', () => {
  it.each(CHANNELS)('on %s, "stop" ends the survey and keeps what was answered', async (channelId) => {
    const { fixture, talk } = await startSurvey(channelId);
    await talk.say('al gebruikt');
    const replies = await talk.say('stop');
    expect(said(replies, 'survey:ended')).toBe(true);
    expect(surveyQuestionIn(replies)).toBeUndefined();
    expect(fixture.rows()[0]?.answers).toEqual({ awareness: 'used' });
  });

  it.each(CHANNELS)('on %s, a cancel-like answer that is no option is asked once more, then skipped', async (channelId) => {
    const { fixture, talk } = await startSurvey(channelId);
    const again = await talk.say('laat maar zitten allee');
    expect(said(again, 'common:cancel.done')).toBe(false);
    expect(surveyQuestionIn(again)).toBe('awareness');
    const skipped = await talk.say('pfff ik weet het echt niet');
    expect(surveyQuestionIn(skipped)).toBe('satisfaction');
    await talk.say('vier');
    expect(fixture.rows()[0]?.answers).toEqual({ satisfaction: 4 });
  });
});

describe('typed satisfaction words are stored and never end the survey', () => {
  const WORDS: ReadonlyArray<[string, number]> = [
    ['gaat wel', 3],
    ['4/5', 4],
    ['vier', 4],
    ['slecht', 2],
    ['heel tevreden', 5],
    ['niet goed', 2],
  ];
  for (const channelId of CHANNELS) {
    it.each(WORDS)(`on ${channelId}, "%s" is stored as %s and the next question follows`, async (word, score) => {
      const { fixture, talk } = await startSurvey(channelId);
      await talk.say('al gebruikt');
      const replies = await talk.say(word);
      expect(said(replies, 'common:cancel.done')).toBe(false);
      expect(surveyQuestionIn(replies)).toBe('appointmentPreference');
      expect(fixture.rows()[0]?.answers).toEqual({ awareness: 'used', satisfaction: score });
    });
  }
});

describe('old buttons', () => {
  it('a button of an earlier question gets the open question again, with a word that it is from earlier', async () => {
    const { fixture, talk, first } = await startSurvey('webchat');
    const oldButton = renderedButtons(first.find((reply) => renderedButtons(reply).length > 0)!)[0]!;
    await talk.say('2'); // awareness answered; satisfaction is open now
    const replies = await talk.send({ type: 'message', ...tappedButton(oldButton) });
    expect(said(replies, 'common:oldButton')).toBe(true);
    expect(said(replies, 'common:notUnderstood')).toBe(false);
    expect(surveyQuestionIn(replies)).toBe('satisfaction');
    expect(fixture.rows()[0]?.answers).toEqual({ awareness: 'awareNotUsed' });
  });
});

describe('the menu and "anything else?" leave requests to the recognizer', () => {
  const routed = fakeRecognizer({
    hallo: 'greeting',
    'ik wil mijn afspraak annuleren': { intent: 'appointment.cancel', score: 0.95, entities: {} },
    'ja, ik wil nog een afspraak maken': { intent: 'appointment.book', score: 0.9, entities: {} },
    'afspraak rijbewijs': { intent: 'appointment.book', score: 1, entities: { document: 'rijbewijs' } },
    'wanneer zijn jullie open': { intent: 'info.hours', score: 1, entities: {} },
  });

  it.each(CHANNELS)('on %s, a request at the menu that shares a word with a label goes to what it asks', async (channelId) => {
    const talk = createConversation({ recognizer: routed, channelId });
    await talk.say('hallo');
    const replies = await talk.say('ik wil mijn afspraak annuleren');
    const keys = replies.map((reply) => reply.text ?? '').join('\n');
    expect(keys).toContain('«appointments:access.codeQuestion»');
    expect(keys).not.toContain('«appointments:service.question»');
  });

  it.each(CHANNELS)('on %s, "ja, ik wil nog een afspraak maken" at "anything else?" starts the booking', async (channelId) => {
    const talk = createConversation({ recognizer: routed, channelId });
    await talk.say('wanneer zijn jullie open');
    expect((await talk.say('«info:hours.more.options.done»')).map((reply) => reply.text ?? '').join('\n')).toContain(
      '«common:anythingElse.question»',
    );
    const replies = (await talk.say('ja, ik wil nog een afspraak maken')).map((reply) => reply.text ?? '').join('\n');
    expect(replies).not.toContain('«common:anythingElse.whatElse»');
    expect(replies).toContain('«appointments:service.question»');
  });
});
