/**
 * The short answers about the town hall (its hours, how to reach it) that a resident may ask for at
 * any moment, also in the middle of another question: the information dialogs and the interruptions
 * both say them from here.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { renderInfoCard } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';
import { parseDutchDateTime } from '../../nlu/dutchDateTime.js';
import type { Municipality } from '../../services/municipality/municipalityData.js';
import { brusselsDateTime } from '../../services/municipality/openingHours.js';
import { dayMessages, openNowMessages } from './openingHoursAnswers.js';

/** The hours now, or on the day the message names ("zaterdag", "morgen"). */
export function hoursMessages(context: TurnContext, municipality: Municipality, now: Date): string[] {
  const { t, language } = turnServices(context);
  const ctx = { t, language, municipality };
  const text = context.activity.text ?? '';
  const named = text ? parseDutchDateTime(text, now)?.day : undefined;
  const today = brusselsDateTime(now).date;
  return named && named !== today ? dayMessages(named, ctx) : openNowMessages(now, ctx);
}

/** Address, phone, e-mail, parking and website, in one card. */
export function contactCard(context: TurnContext, municipality: Municipality): Partial<Activity> {
  const { t, language } = turnServices(context);
  const { address, phone, email, website, appointmentUrl, parking } = municipality;
  const lines = [
    address.building
      ? t('info:contact.address', { ...address, building: address.building })
      : t('info:contact.addressWithoutBuilding', { ...address }),
    t('info:contact.phone', { phone: phone.display }),
    t('info:contact.email', { email }),
    ...(parking ? [parking[language]] : []),
    t('info:contact.appointment', { url: appointmentUrl }),
    t('info:contact.website', { url: website }),
  ];
  return renderInfoCard(context.activity.channelId, {
    title: t('info:contact.title'),
    lines,
    links: [
      { label: t('info:contact.callButton'), url: `tel:${phone.e164}` },
      { label: t('info:contact.mailButton'), url: `mailto:${email}` },
      { label: t('info:contact.websiteButton'), url: website },
    ],
  });
}

/** Answers the hours or the contact question in one go, for an interruption; false for any other intent. */
export class QuickAnswers {
  constructor(
    private readonly municipality: Municipality,
    private readonly now: () => Date,
  ) {}

  async answer(context: TurnContext, intent: string): Promise<boolean> {
    if (intent === 'info.hours') {
      await context.sendActivity(hoursMessages(context, this.municipality, this.now()).join('\n'));
      return true;
    }
    if (intent === 'info.contact') {
      await context.sendActivity(contactCard(context, this.municipality));
      return true;
    }
    return false;
  }
}
