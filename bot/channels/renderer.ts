import { ActionTypes, ActivityTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import type { Translate } from '../i18n.js';
import { channelStyle } from './channelStyle.js';

/** One answer a resident can pick. `value` is a stable code, `label` the words shown. */
export interface Option {
  value: string;
  label: string;
}

export interface Question {
  text: string;
  options: readonly Option[];
}

export interface InfoCard {
  title: string;
  lines: readonly string[];
  links?: readonly { label: string; url: string }[];
}

/**
 * Turns a question with options into what the channel shows: buttons on card channels,
 * quick replies on Telegram and Facebook, numbered text elsewhere (SMS).
 * Every style accepts the option's number as an answer, so the number is always shown.
 */
export function renderQuestion(channelId: string | undefined, question: Question, t: Translate): Partial<Activity> {
  const style = channelStyle(channelId);
  const actions: CardAction[] = question.options.map((option) => ({
    type: ActionTypes.ImBack,
    title: option.label,
    value: option.label,
  }));
  if (style === 'cards') {
    return {
      type: ActivityTypes.Message,
      text: question.text,
      inputHint: 'expectingInput',
      attachments: [CardFactory.heroCard('', undefined, actions)],
    };
  }
  if (style === 'quickReplies') {
    return {
      type: ActivityTypes.Message,
      text: question.text,
      inputHint: 'expectingInput',
      suggestedActions: { to: [], actions },
    };
  }
  return {
    type: ActivityTypes.Message,
    text: [question.text, ...numberedLines(question.options), t('common:choice.answerWithNumber')].join('\n'),
    inputHint: 'expectingInput',
  };
}

/** An informative card: an Adaptive Card on card channels, plain lines with the links written out elsewhere. */
export function renderInfoCard(channelId: string | undefined, card: InfoCard): Partial<Activity> {
  const links = card.links ?? [];
  if (channelStyle(channelId) === 'cards') {
    const adaptiveCard = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      speak: [card.title, ...card.lines].join(' '),
      body: [
        { type: 'TextBlock', text: card.title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
        ...card.lines.map((line) => ({ type: 'TextBlock', text: line, wrap: true })),
      ],
      actions: links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
    };
    return {
      type: ActivityTypes.Message,
      text: card.title,
      attachments: [CardFactory.adaptiveCard(adaptiveCard)],
    };
  }
  return {
    type: ActivityTypes.Message,
    text: [card.title, ...card.lines, ...links.map((link) => `${link.label}: ${link.url}`)].join('\n'),
  };
}

function numberedLines(options: readonly Option[]): string[] {
  return options.map((option, index) => `${index + 1}. ${option.label}`);
}
