import { describe, expect, it } from 'vitest';
import { channelCapabilities } from '../../../bot/channels/channelStyle.js';
import { optionsAsShown, renderQuestion, type Question } from '../../../bot/channels/renderer.js';
import { createI18n } from '../../../bot/i18n.js';
import { renderedButtons } from '../../support/channelAnswers.js';

const t = createI18n().getFixedT('nl');
const options = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ value: `code-${index + 1}`, label: `Keuze ${index + 1}` }));

describe('renderQuestion', () => {
  it.each(['webchat', 'msteams', 'telegram', 'facebook'])(
    'on %s: more options than buttons keeps them all, numbered in the text, the first ones as buttons',
    (channelId) => {
      const { maxButtons } = channelCapabilities(channelId);
      const question: Question = { id: 'test.many', text: 'Kies', options: options(maxButtons + 2) };
      const rendered = renderQuestion(channelId, question, t);
      expect(renderedButtons(rendered).map((button) => button.title)).toEqual(
        question.options.slice(0, maxButtons).map((option) => option.label),
      );
      question.options.forEach((option, index) => expect(rendered.text).toContain(`${index + 1}. ${option.label}`));
    },
  );

  it.each(['webchat', 'msteams', 'telegram', 'facebook'])(
    'on %s: options that fit are buttons only, without a list in the text',
    (channelId) => {
      const rendered = renderQuestion(channelId, { text: 'Kies', options: options(2) }, t);
      expect(rendered.text).toBe('Kies');
      expect(renderedButtons(rendered)).toHaveLength(2);
    },
  );

  it('uses the short label from shortLabels.json where the label is too long, and the full label where it fits', () => {
    const question: Question = {
      id: 'appointments.service',
      text: 'Waarvoor?',
      options: [{ value: 'eid-aanvraag', label: 'Elektronische identiteitskaart (eID) aanvragen' }],
    };
    expect(renderedButtons(renderQuestion('facebook', question, t))[0]?.title).toBe(t('shortLabels:appointments.service.eid-aanvraag'));
    expect(renderedButtons(renderQuestion('webchat', question, t))[0]?.title).toBe('Elektronische identiteitskaart (eID) aanvragen');
  });

  it("prefers the option's own short form (a formatted date) over a lookup", () => {
    const question: Question = {
      id: 'appointments.slot',
      text: 'Wanneer?',
      options: [{ value: 'x', label: 'woensdag 18 maart om 10:00', short: 'wo 18/3 10:00' }],
    };
    expect(renderedButtons(renderQuestion('facebook', question, t))[0]?.title).toBe('wo 18/3 10:00');
  });

  it('cuts a label without a short form at a word and lists the full label in the text', () => {
    const question: Question = {
      id: 'test.long',
      text: 'Kies',
      options: [{ value: 'a', label: 'Een heel lange keuze zonder korte vorm' }],
    };
    const rendered = renderQuestion('facebook', question, t);
    const [button] = renderedButtons(rendered);
    expect(button?.title).toBe('Een heel lange…');
    expect(button!.title.length).toBeLessThanOrEqual(20);
    expect(rendered.text).toContain('1. Een heel lange keuze zonder korte vorm');
    expect(optionsAsShown('facebook', question, t)[0]?.label).toBe('Een heel lange…');
  });

  it('buttons carry { answer, question } as a hidden value where the channel has one, and post their label as text elsewhere', () => {
    const question: Question = { id: 'survey.awareness', text: 'Wist u dat?', options: [{ value: 'used', label: 'Ja' }] };
    expect(renderedButtons(renderQuestion('msteams', question, t))[0]).toMatchObject({
      type: 'messageBack',
      text: 'Ja',
      value: { answer: 'used', question: 'survey.awareness' },
    });
    expect(renderedButtons(renderQuestion('telegram', question, t))[0]).toMatchObject({ type: 'imBack', value: 'Ja' });
    expect(renderedButtons(renderQuestion('webchat', { text: 'Wist u dat?', options: question.options }, t))[0]?.value).toEqual({
      answer: 'used',
    });
  });
});
