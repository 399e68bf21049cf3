import { ActionTypes, ActivityTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import type { Translate } from '../i18n.js';
import { channelCapabilities, channelStyle, type ChannelCapabilities } from './channelStyle.js';

/** One answer a resident can pick. `value` is a stable code, `label` the words shown. */
export interface Option {
  value: string;
  label: string;
  /** A short form the dialog formats itself (e.g. a date and time), for channels that cut `label`. */
  short?: string;
}

export interface Question {
  /** Stable name of the question (e.g. `survey.awareness`): sent back by buttons, keys its short labels. */
  id?: string;
  text: string;
  options: readonly Option[];
}

/** What a button sends back as `activity.value` where the channel carries a hidden value. */
export interface ButtonValue {
  answer: string;
  question?: string;
}

/** The `{ answer, question }` a card button sent as `activity.value`, or a plain string value; undefined for typed text. */
export function buttonValueOf(activity: Partial<Activity>): ButtonValue | undefined {
  const { value } = activity;
  if (typeof value === 'string' && value.trim()) return { answer: value };
  if (value && typeof value === 'object' && typeof (value as { answer?: unknown }).answer === 'string') {
    const { answer, question } = value as { answer: string; question?: unknown };
    return typeof question === 'string' ? { answer, question } : { answer };
  }
  return undefined;
}

export interface InfoCard {
  title: string;
  lines: readonly string[];
  links?: readonly { label: string; url: string }[];
}

/**
 * Turns a question with options into what the channel shows: buttons on card channels,
 * quick replies on Telegram and Facebook, numbered text elsewhere (SMS, WhatsApp).
 * Labels too long for the channel get their short form (`locales/<lang>/shortLabels.json`);
 * options beyond the channel's button count are never dropped: the text then lists every option
 * by number and the first ones become buttons. Every style accepts the option's number as an answer.
 */
export function renderQuestion(channelId: string | undefined, question: Question, t: Translate): Partial<Activity> {
  const channel = channelCapabilities(channelId);
  const message = { type: ActivityTypes.Message, inputHint: 'expectingInput' as const };
  const numbered = [question.text, ...numberedLines(question.options), t('common:choice.answerWithNumber')].join('\n');
  if (channel.style === 'plainText') return { ...message, text: numbered };
  const shown = shownLabels(channel, question, t);
  const buttonCount = Math.min(channel.maxButtons, question.options.length);
  const everyOptionOnAButton = buttonCount === question.options.length && shown.every((label) => label.whole);
  const text = everyOptionOnAButton ? question.text : numbered;
  const actions = question.options.slice(0, buttonCount).map((option, index) => cardAction(channel, question, option, shown[index]!.text));
  if (channel.style === 'cards') return { ...message, text, attachments: [CardFactory.heroCard('', undefined, actions)] };
  return { ...message, text, suggestedActions: { to: [], actions } };
}

/**
 * The options as this channel shows them on buttons: what a resident who taps one sends back as text.
 * The prompt matches an answer against these too, so a tapped short label picks its option.
 */
export function optionsAsShown(channelId: string | undefined, question: Question, t: Translate): Option[] {
  const channel = channelCapabilities(channelId);
  if (channel.style === 'plainText') return [...question.options];
  const shown = shownLabels(channel, question, t);
  return question.options.map((option, index) => ({ ...option, label: shown[index]!.text }));
}

interface ShownLabel {
  text: string;
  /** The option's meaning is fully there: its label or its short form fits. */
  whole: boolean;
}

function shownLabels(channel: ChannelCapabilities, question: Question, t: Translate): ShownLabel[] {
  return question.options.map((option) => {
    if (option.label.length <= channel.maxLabelLength) return { text: option.label, whole: true };
    const short = shortLabel(option, question.id, t);
    if (short && short.length <= channel.maxLabelLength) return { text: short, whole: true };
    return { text: cut(option.label, channel.maxLabelLength), whole: false };
  });
}

/** The option's own short form, else the one in `shortLabels:<question id>.<option value>`. */
function shortLabel(option: Option, questionId: string | undefined, t: Translate): string | undefined {
  if (option.short) return option.short;
  if (!questionId) return undefined;
  const short = t(`shortLabels:${questionId}.${option.value}`, { defaultValue: '' });
  return short || undefined;
}

/** The label cut at a word within the limit, with an ellipsis: the full label is in the numbered text. */
function cut(label: string, limit: number): string {
  const room = label.slice(0, limit - 1);
  const atWord = room.lastIndexOf(' ');
  return `${(atWord > limit / 2 ? room.slice(0, atWord) : room).trimEnd()}…`;
}

/** A button: text = the label, and where the channel carries one the hidden `{ answer, question }` value. */
function cardAction(channel: ChannelCapabilities, question: Question, option: Option, shownLabel: string): CardAction {
  if (!channel.hiddenValue) return { type: ActionTypes.ImBack, title: shownLabel, value: shownLabel };
  const value: ButtonValue = question.id ? { answer: option.value, question: question.id } : { answer: option.value };
  return { type: ActionTypes.MessageBack, title: shownLabel, text: option.label, displayText: option.label, value };
}

/**
 * An informative card: an Adaptive Card on card channels, plain lines elsewhere. There web links are
 * written out once (not when a line already shows the address); `tel:` and `mailto:` links are left
 * out, because the lines give the number or address as residents read it and SMS shows the raw scheme.
 */
export function renderInfoCard(channelId: string | undefined, card: InfoCard): Partial<Activity> {
  const links = card.links ?? [];
  if (channelStyle(channelId) === 'cards') {
    const adaptiveCard = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      speak: [card.title, ...card.lines].join(' '),
      // A bold first line, not a "heading" TextBlock: Web Chat would announce every card title as a
      // level-2 heading, beside the page's own h2 for the chat.
      body: [
        { type: 'TextBlock', text: card.title, weight: 'Bolder', size: 'Medium', wrap: true },
        ...card.lines.map((line) => ({ type: 'TextBlock', text: line, wrap: true })),
      ],
      actions: links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
    };
    // The card alone, no text bubble beside it: a screen reader would read the title twice. `summary`
    // is what a notification or a channel without cards shows.
    return {
      type: ActivityTypes.Message,
      summary: card.title,
      attachments: [CardFactory.adaptiveCard(adaptiveCard)],
    };
  }
  return {
    type: ActivityTypes.Message,
    text: [card.title, ...card.lines, ...plainTextLinks(card).map((link) => `${link.label}: ${link.url}`)].join('\n'),
  };
}

function plainTextLinks(card: InfoCard): readonly { label: string; url: string }[] {
  return (card.links ?? []).filter((link) => /^https?:/i.test(link.url) && !card.lines.some((line) => line.includes(link.url)));
}

function numberedLines(options: readonly Option[]): string[] {
  return options.map((option, index) => `${index + 1}. ${option.label}`);
}
