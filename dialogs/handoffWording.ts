import type { Language, Translate } from '../bot/i18n.js';
import { addDays, brusselsClock, type CallbackMoment } from '../services/callback/phoneAvailability.js';

const DATE_LOCALES: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };

/** A day as part of a sentence: "vandaag", "morgen", "op maandag 2 maart". */
export function dayInSentence(t: Translate, language: Language, now: Date, day: string): string {
  const today = brusselsClock(now).day;
  if (day === today) return t('handoff:when.today');
  if (day === addDays(today, 1)) return t('handoff:when.tomorrow');
  return t('handoff:when.date', { date: formatDate(day, language) });
}

/** A callback moment as an option label: "Vandaag in de voormiddag", "Maandag 2 maart in de namiddag". */
export function momentLabel(t: Translate, language: Language, now: Date, moment: Pick<CallbackMoment, 'day' | 'partOfDay'>): string {
  const today = brusselsClock(now).day;
  const day =
    moment.day === today
      ? t('handoff:when.todayLabel')
      : moment.day === addDays(today, 1)
        ? t('handoff:when.tomorrowLabel')
        : capitalise(formatDate(moment.day, language));
  return t(`handoff:moment.${moment.partOfDay}`, { day });
}

/** "08:30" as a resident reads it: "8.30" in Dutch ("9" for a whole hour), "8:30" in English. */
export function clockTime(time: string, language: Language): string {
  const [hours, minutes] = time.split(':') as [string, string];
  const hour = String(Number(hours));
  if (language === 'nl') return minutes === '00' ? hour : `${hour}.${minutes}`;
  return `${hour}:${minutes}`;
}

function formatDate(day: string, language: Language): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
