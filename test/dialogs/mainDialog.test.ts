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
    ['wanneer komt het grofvuil', '«common:notUnderstood»'],
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
