import { describe, expect, it } from 'vitest';
import { createI18n, readLocaleResources } from '../../bot/i18n.js';
import { createConversation, readable, TEST_PHONE } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';

const recognizer = fakeRecognizer({
  hallo: 'greeting',
  help: 'help',
  stop: 'cancel',
  'iemand spreken': 'handoff.human',
  daag: 'goodbye',
});

describe('main dialog', () => {
  it('welcomes a resident who joins with what it can do, as options', async () => {
    const talk = createConversation({ recognizer });
    const replies = await talk.join();
    const text = readable(replies);
    expect(text).toContain('«common:welcome.text»');
    for (const option of ['thuisloket.info', 'document.request', 'appointment.book', 'info.hours', 'handoff.human']) {
      expect(text).toContain(`«common:menu.${option}»`);
    }
  });

  it.each([
    ['hallo', '«common:greeting.text»'],
    ['help', '«common:help.text»'],
    ['daag', '«common:goodbye»'],
    ['stop', '«common:cancel.nothingOpen»'],
    // Understood but out of scope (#13): said honestly, with where to go.
    ['wanneer komt het grofvuil', '«info:outOfScope.cannotHelp»'],
    ['blablabla', '«common:notUnderstood»'],
  ])('answers "%s" with %s', async (said, key) => {
    const talk = createConversation({ recognizer });
    expect(readable(await talk.say(said))).toContain(key);
  });

  it('gives the phone number when it does not understand', async () => {
    const talk = createConversation({ recognizer });
    expect(readable(await talk.say('blablabla'))).toContain(`phone=${TEST_PHONE.display}`);
  });

  it('routes a menu answer by number to the chosen capability', async () => {
    const talk = createConversation({ recognizer });
    await talk.join();
    const replies = await talk.say('5');
    expect(readable(replies)).toContain('«handoff:title»');
  });

  it('routes a menu answer by label', async () => {
    const talk = createConversation({ recognizer });
    await talk.join();
    expect(readable(await talk.say('«common:menu.handoff.human»'))).toContain('«handoff:title»');
  });

  it('hands over to a person from the "anything else" question', async () => {
    const talk = createConversation({ recognizer });
    await talk.say('iemand spreken');
    const replies = await talk.say('iemand spreken');
    expect(readable(replies)).toContain('«handoff:title»');
  });

  it('switches to English when the resident types the language name, and stays there', async () => {
    const english = readLocaleResources().en.common as { greeting: { text: string }; language: { switched: string } };
    const talk = createConversation({ recognizer, i18n: createI18n() });
    expect(readable(await talk.say('English'))).toContain(english.language.switched);
    expect(readable(await talk.say('hallo'))).toContain(english.greeting.text);
  });

  it('speaks English to a channel that sends an English locale', async () => {
    const english = readLocaleResources().en.common as { greeting: { text: string } };
    const talk = createConversation({ recognizer, i18n: createI18n(), locale: 'en-US' });
    expect(readable(await talk.say('hallo'))).toContain(english.greeting.text);
  });
});

describe('when the assistant is unsure or does not understand', () => {
  const unsure = fakeRecognizer({
    'iets met mijn afspraak': {
      intent: 'appointment.cancel',
      score: 0.55,
      runnerUp: { intent: 'appointment.reschedule', score: 0.45 },
      entities: {},
    },
    'ik wil mijn afspraak annuleren': {
      intent: 'appointment.cancel',
      score: 0.95,
      runnerUp: { intent: 'appointment.reschedule', score: 0.05 },
      entities: {},
    },
  });

  it('asks which of two close intents is meant, with both as options, and routes the answer', async () => {
    const talk = createConversation({ recognizer: unsure });
    const question = readable(await talk.say('iets met mijn afspraak'));
    expect(question).toContain('«common:clarify.question»');
    expect(question).toContain('«common:clarify.options.appointment.cancel»');
    expect(question).toContain('«common:clarify.options.appointment.reschedule»');
    expect(readable(await talk.say('2'))).toContain('«appointments:');
  });

  it('does not ask when one intent is clearly ahead', async () => {
    const talk = createConversation({ recognizer: unsure });
    expect(readable(await talk.say('ik wil mijn afspraak annuleren'))).not.toContain('«common:clarify.question»');
  });

  it('after two misunderstandings in a row offers a person instead of a third guess', async () => {
    const talk = createConversation({ recognizer });
    const first = readable(await talk.say('qwerty'));
    expect(first).toContain('«common:notUnderstood»');
    expect(first).not.toContain('«handoff:title»');
    const second = readable(await talk.say('asdfgh'));
    expect(second).toContain('«common:notUnderstoodAgain»');
    expect(second).toContain('«handoff:title»');
    expect(second).toContain(`phone=${TEST_PHONE.display}`);
  });

  it('counts only misunderstandings in a row', async () => {
    const talk = createConversation({ recognizer });
    await talk.say('qwerty');
    await talk.say('hallo');
    expect(readable(await talk.say('asdfgh'))).not.toContain('«common:notUnderstoodAgain»');
  });
});

describe('a channel resending a message it got no answer to', () => {
  it('runs no second turn for the same activity id but answers it as the first time, so the next question does not take it as an answer', async () => {
    const talk = createConversation({ recognizer });
    await talk.join();
    const first = readable(await talk.send({ type: 'message', id: 'm-1', text: '5' }));
    expect(first).toContain('«handoff:title»');
    expect(readable(await talk.send({ type: 'message', id: 'm-1', text: '5' }))).toBe(first);
    expect(readable(await talk.send({ type: 'message', id: 'm-2', text: 'hallo' }))).toContain('«common:greeting.text»');
  });
});
