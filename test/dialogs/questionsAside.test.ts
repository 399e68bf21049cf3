import { describe, expect, it } from 'vitest';
import { createConversation, readable } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { createSurveyFixture } from '../support/survey.js';

const recognizer = fakeRecognizer({
  'afspraak reispas': { intent: 'appointment.book', score: 1, entities: { document: 'reispas' } },
  'mijn afspraak annuleren': 'appointment.cancel',
  'tot hoe laat zijn jullie open?': { intent: 'info.hours', score: 0.9, entities: {} },
  'zijn jullie zaterdag open': { intent: 'info.hours', score: 0.9, entities: {} },
  'waar is het gemeentehuis?': { intent: 'info.contact', score: 0.9, entities: {} },
  'wat is jullie adres ongeveer': { intent: 'info.contact', score: 0.5, entities: {} },
  daag: 'goodbye',
  'iets met mijn afspraak': {
    intent: 'appointment.cancel',
    score: 0.55,
    runnerUp: { intent: 'appointment.reschedule', score: 0.45 },
    entities: {},
  },
});

/** Steps that bring the conversation to an open question; the key of that question. */
const OPEN_QUESTIONS = [
  {
    at: 'the slot question',
    steps: ['afspraak reispas'],
    question: '«appointments:slots.earliest»',
    answer: '1',
    next: '«appointments:name.question»',
  },
  {
    at: 'the name question',
    steps: ['afspraak reispas', '1'],
    question: '«appointments:name.question»',
    answer: 'An Peeters',
    next: '«appointments:contact.question»',
  },
  {
    at: 'the contact question',
    steps: ['afspraak reispas', '1', 'An Peeters'],
    question: '«appointments:contact.question»',
    answer: 'an@voorbeeld.be',
    next: '«appointments:confirm.question»',
  },
  {
    at: 'the code question',
    steps: ['mijn afspraak annuleren'],
    question: '«appointments:access.codeQuestion»',
    answer: 'K7M-4XT',
    next: '«appointments:access.contactQuestion»',
  },
  { at: 'a survey question', steps: ['daag'], question: '«survey:awareness.question»', answer: '1', next: '«survey:' },
];

const ASIDES = [
  { said: 'tot hoe laat zijn jullie open?', answered: '«info:hours.today.open.' },
  { said: 'zijn jullie zaterdag open', answered: '«info:hours.onDay.' },
  { said: 'waar is het gemeentehuis?', answered: '«info:contact.title»' },
];

describe.each(['webchat', 'sms'])('a question about the town hall in the middle of another question, on %s', (channelId) => {
  describe.each(OPEN_QUESTIONS)('at $at', ({ steps, question, answer, next }) => {
    it.each(ASIDES)('"$said" is answered, then the same question is asked again and answered', async ({ said, answered }) => {
      const survey = createSurveyFixture();
      const conversation = createConversation({ recognizer, channelId, survey: survey.deps });
      let reply = '';
      for (const step of steps) reply = readable(await conversation.say(step));
      expect(reply).toContain(question);
      const aside = readable(await conversation.say(said));
      expect(aside).toContain(answered);
      expect(aside).toContain('«common:resume.carryOn»');
      expect(aside).toContain(question);
      expect(aside).not.toContain('«common:cancel.done»');
      expect(readable(await conversation.say(answer))).toContain(next);
    });
  });

  it('at "Kan ik nog iets voor u doen?" the hours or the address are a new request, not an aside', async () => {
    const conversation = createConversation({ recognizer, channelId });
    await conversation.say('tot hoe laat zijn jullie open?');
    expect(readable(await conversation.say('«info:hours.more.options.done»'))).toContain('«common:anythingElse.question»');
    const reply = readable(await conversation.say('waar is het gemeentehuis?'));
    expect(reply).toContain('«info:contact.title»');
    expect(reply).not.toContain('«common:resume.carryOn»');
    const again = readable(await conversation.say('zijn jullie zaterdag open'));
    expect(again).toContain('«info:hours.onDay.');
    expect(again).not.toContain('«common:resume.carryOn»');
  });

  it('at the welcome the hours or the address are a new request, not an aside: no "we carry on" and no welcome again', async () => {
    for (const [said, answered] of [
      ['tot hoe laat zijn jullie open?', '«info:hours.today.open.'],
      ['waar is het gemeentehuis?', '«info:contact.title»'],
    ] as const) {
      const conversation = createConversation({ recognizer, channelId });
      expect(readable(await conversation.join())).toContain('«common:welcome.text»');
      const reply = readable(await conversation.say(said));
      expect(reply).toContain(answered);
      expect(reply).not.toContain('«common:resume.carryOn»');
      expect(reply).not.toContain('«common:welcome.text»');
    }
  });

  it('at "which one do you mean?" the hours are a new request, answered as such', async () => {
    const conversation = createConversation({ recognizer, channelId });
    expect(readable(await conversation.say('iets met mijn afspraak'))).toContain('«common:clarify.question»');
    const reply = readable(await conversation.say('tot hoe laat zijn jullie open?'));
    expect(reply).toContain('«info:hours.today.open.');
    expect(reply).not.toContain('«common:resume.carryOn»');
    expect(reply).not.toContain('«common:clarify.question»');
    expect(reply).not.toContain('«appointments:');
  });

  it('an unsure recognition is left to the open question', async () => {
    const conversation = createConversation({ recognizer, channelId });
    await conversation.say('afspraak reispas');
    await conversation.say('1');
    const reply = readable(await conversation.say('wat is jullie adres ongeveer'));
    expect(reply).not.toContain('«info:contact.title»');
  });
});
