import type { ConversationTopic } from '../bot/conversationMemory.js';
import type { Language, Translate } from '../bot/i18n.js';
import type { CallbackMoment } from '../services/callback/phoneAvailability.js';
import { inSentence } from './displayFormats.js';
import { addDays, brusselsDateTime, dayLabel, shortDayLabel, clockLabel } from '../services/brusselsTime.js';

/** Which day a moment falls on, seen from now: the wording differs for today and tomorrow. */
function relativeDay(now: Date, day: string): 'today' | 'tomorrow' | 'date' {
  const today = brusselsDateTime(now).date;
  if (day === today) return 'today';
  return day === addDays(today, 1) ? 'tomorrow' : 'date';
}

/** When phone staff are back: "vandaag vanaf 13 uur", "op maandag 2 maart vanaf 8.30 uur". */
export function staffBackSentence(t: Translate, language: Language, now: Date, next: { day: string; from: string }): string {
  return t(`handoff:staffed.next.${relativeDay(now, next.day)}`, {
    date: dayLabel(next.day, language),
    from: clockLabel(next.from, language),
  });
}

/** A callback moment as an option label: the day (today, tomorrow or its date) and the part of it. */
export function momentLabel(t: Translate, language: Language, now: Date, moment: Pick<CallbackMoment, 'day' | 'partOfDay'>): string {
  return t(`handoff:moment.${relativeDay(now, moment.day)}.${moment.partOfDay}`, { date: dayLabel(moment.day, language) });
}

/** The moment inside a sentence ("we bellen u morgen in de voormiddag terug"): no capital mid-sentence. */
export function momentInSentence(t: Translate, language: Language, now: Date, moment: Pick<CallbackMoment, 'day' | 'partOfDay'>): string {
  return inSentence(momentLabel(t, language, now, moment));
}

/** The same moment for a button that must stay short: "Morgen voormiddag", "wo 18/3 namiddag". */
export function shortMomentLabel(t: Translate, language: Language, now: Date, moment: Pick<CallbackMoment, 'day' | 'partOfDay'>): string {
  return t(`shortLabels:formats.callbackMoment.${relativeDay(now, moment.day)}.${moment.partOfDay}`, {
    date: shortDayLabel(moment.day, language),
  });
}

/** The topics a callback's subject can be proposed from, and the phrase for each ("het verplaatsen van uw afspraak"). */
const PROPOSED_TOPICS: Readonly<Partial<Record<NonNullable<ConversationTopic['intent']>, string>>> = {
  'appointment.book': 'handoff:subject.about.appointment.book',
  'appointment.cancel': 'handoff:subject.about.appointment.cancel',
  'appointment.reschedule': 'handoff:subject.about.appointment.reschedule',
  'document.request': 'handoff:subject.about.document.request',
  'thuisloket.info': 'handoff:subject.about.thuisloket.info',
};

/**
 * What the resident was doing before asking for a person, as a phrase to propose as the callback's
 * subject ("een afspraak voor een rijbewijs", "een reispas"); undefined when nothing says it.
 * `documentName` is the document's name in the resident's language, when one was named.
 */
export function subjectProposal(t: Translate, topic: ConversationTopic, documentName: string | undefined): string | undefined {
  if (documentName) {
    const key = topic.intent === 'appointment.book' ? 'handoff:subject.about.appointmentFor' : 'handoff:subject.about.documentNamed';
    return t(key, { document: documentName });
  }
  const key = topic.intent ? PROPOSED_TOPICS[topic.intent] : undefined;
  return key ? t(key) : undefined;
}
