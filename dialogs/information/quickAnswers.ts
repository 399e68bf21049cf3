/**
 * The short answers about the town hall (its hours, how to reach it) that a resident may ask for at
 * any moment, also in the middle of another question: the information dialogs and the interruptions
 * both say them from here.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { renderInfoCard } from '../../bot/channels/renderer.js';
import type { Translate } from '../../bot/i18n.js';
import { turnServices } from '../../bot/turnState.js';
import { parseDutchDateTime } from '../../nlu/dutchDateTime.js';
import type { Municipality, MunicipalityData } from '../../services/municipality/municipalityData.js';
import { CONTACT_TOPICS, mentions, type ContactTopic } from '../../services/municipality/questionCues.js';
import { dayMessages, openNowMessages, todayMessages, weekMessages, windowMessages } from './openingHoursAnswers.js';
import { brusselsDateTime } from '../../services/brusselsTime.js';

/**
 * The hours now; on the day the message names ("zaterdag", "morgen"); in the span it names ("tss 12 en 13u"),
 * that day or today; or all of today's hours when it asks until when ("tot hoe laat zijn jullie open?").
 */
export function hoursMessages(context: TurnContext, facts: MunicipalityData, now: Date): readonly string[] {
  const { t, language } = turnServices(context);
  const { municipality } = facts;
  const ctx = { t, language, municipality };
  const text = context.activity.text ?? '';
  const wish = text ? parseDutchDateTime(text, now) : undefined;
  const { date: today, time } = brusselsDateTime(now);
  const remembered = (key: string, answer: () => string[]) => rememberedAnswer(municipality, t, `${language} ${key}`, answer);
  if (wish?.after && wish.before) {
    const window = { from: wish.after, to: wish.before };
    const day = wish.day ?? today;
    return remembered(`window ${day} ${window.from} ${window.to}`, () => windowMessages(day, window, ctx));
  }
  const asked = wish?.day && wish.day !== today ? wish.day : undefined;
  if (asked) return remembered(`day ${asked}`, () => dayMessages(asked, ctx));
  // The answer now changes only with the Brussels minute (the hours read no seconds), another day's only with that day.
  if (mentions(text, facts.cues.closingTime)) return remembered(`today ${today} ${time}`, () => todayMessages(now, ctx));
  // "wat zijn jullie openingsuren?" asks the week, "zijn jullie nu open?" asks now.
  if (mentions(text, facts.cues.weekHours) && !mentions(text, facts.cues.nowOrToday)) {
    return remembered(`week ${today}`, () => weekMessages(today, ctx));
  }
  return remembered(`now ${today} ${time}`, () => openNowMessages(now, ctx));
}

/** More than the days a resident asks about in a year: only bounds memory. */
const REMEMBERED_HOURS_ANSWERS = 1000;
const hoursAnswers = new WeakMap<Municipality, WeakMap<Translate, Map<string, readonly string[]>>>();

/**
 * An answer about the hours worked out once per municipality, translator and key (language and
 * moment): it depends on nothing else, the data never changes after start-up.
 */
function rememberedAnswer(municipality: Municipality, t: Translate, key: string, answer: () => string[]): readonly string[] {
  let byLanguage = hoursAnswers.get(municipality);
  if (!byLanguage) {
    byLanguage = new WeakMap();
    hoursAnswers.set(municipality, byLanguage);
  }
  let answers = byLanguage.get(t);
  if (!answers) {
    answers = new Map();
    byLanguage.set(t, answers);
  }
  const known = answers.get(key);
  if (known) return known;
  const messages = Object.freeze(answer());
  if (answers.size >= REMEMBERED_HOURS_ANSWERS) answers.clear();
  answers.set(key, messages);
  return messages;
}

/**
 * Address, phone, e-mail, parking and website, in one card; a question about one or two of them
 * ("welk nummer moet ik bellen", "waar kan ik parkeren") gets only those lines.
 */
export function contactCard(context: TurnContext, facts: MunicipalityData): Partial<Activity> {
  const { t, language } = turnServices(context);
  const { address, phone, email, website, appointmentUrl, parking } = facts.municipality;
  const lines: Record<ContactTopic, string[]> = {
    address: [
      address.building
        ? t('info:contact.address', { ...address, building: address.building })
        : t('info:contact.addressWithoutBuilding', { ...address }),
    ],
    phone: [t('info:contact.phone', { phone: phone.display })],
    email: [t('info:contact.email', { email })],
    parking: parking ? [parking[language]] : [],
  };
  const links = {
    phone: { label: t('info:contact.callButton'), url: `tel:${phone.e164}` },
    email: { label: t('info:contact.mailButton'), url: `mailto:${email}` },
    website: { label: t('info:contact.websiteButton'), url: website },
  };
  const asked = CONTACT_TOPICS.filter((topic) => mentions(context.activity.text, facts.cues.contact[topic]));
  const onlyAsked = asked.length > 0 && asked.length < CONTACT_TOPICS.length;
  return renderInfoCard(context.activity.channelId, {
    title: t('info:contact.title'),
    lines: onlyAsked
      ? asked.flatMap((topic) => lines[topic])
      : [
          ...CONTACT_TOPICS.flatMap((topic) => lines[topic]),
          t('info:contact.appointment', { url: appointmentUrl }),
          t('info:contact.website', { url: website }),
        ],
    links: onlyAsked
      ? asked.flatMap((topic) => (topic === 'phone' || topic === 'email' ? [links[topic]] : []))
      : [links.phone, links.email, links.website],
  });
}

/** Answers the hours or the contact question in one go, for an interruption; false for any other intent. */
export class QuickAnswers {
  constructor(
    private readonly facts: MunicipalityData,
    private readonly now: () => Date,
  ) {}

  async answer(context: TurnContext, intent: string): Promise<boolean> {
    if (intent === 'info.hours') {
      await context.sendActivity(hoursMessages(context, this.facts, this.now()).join('\n'));
      return true;
    }
    if (intent === 'info.contact') {
      await context.sendActivity(contactCard(context, this.facts));
      return true;
    }
    return false;
  }
}
