/** The appointment dialogs' messages, put together from locale keys and the municipality's facts. */
import type { Activity, TurnContext } from 'botbuilder';
import { servesDownloadLinks } from '../../bot/channels/channelStyle.js';
import { renderInfoCard, type Option } from '../../bot/channels/renderer.js';
import type { Language, Translate } from '../../bot/i18n.js';
import { turnServices } from '../../bot/turnState.js';
import { normaliseBelgianPhone } from '../../nlu/belgianPhone.js';
import type { Booking, BookingContact } from '../../stores/bookings/bookingStore.js';
import { counterAddress, counterClosureOn } from '../../services/appointments/counterCalendar.js';
import { knownService, onlyDocumentOf, type AppointmentService } from '../../services/appointments/serviceCatalog.js';
import type { DocumentId } from '../../domain/nluContract.js';
import type { Requester } from '../../services/municipality/municipalityData.js';
import type { FreeSlot, Unbookable } from '../../services/appointments/slots.js';
import type { AppointmentDeps, CounterVisitLines } from './appointmentDeps.js';
import { toBrussels, parseInstant, formatTime, dayLabel, shortDayLabel, clockLabel } from '../../services/brusselsTime.js';

export function serviceName(service: AppointmentService, language: Language): string {
  return service.name[language];
}

/** An appointment time as residents read it: "dinsdag 3 maart om 9.30 uur". */
export function momentText(t: Translate, language: Language, day: string, time: string): string {
  return t('appointments:slot.label', { day: dayLabel(day, language), time: clockLabel(time, language) });
}

/** Day and time of a stored booking (ISO with offset) in Brussels. */
export function bookingMoment(booking: Pick<Booking, 'start'>): { day: string; time: string } {
  const { day, minutes } = toBrussels(parseInstant(booking.start));
  return { day, time: formatTime(minutes) };
}

export function slotOption(slot: FreeSlot, t: Translate, language: Language): Option {
  const short = t('shortLabels:formats.slot', { day: shortDayLabel(slot.day, language), time: clockLabel(slot.time, language) });
  return { value: slot.start, label: momentText(t, language, slot.day, slot.time), short };
}

/** How the resident's contact is read back: the address, or the phone number as Belgians write it. */
function contactDisplay(contact: BookingContact): string {
  if (contact.kind === 'email') return contact.value;
  const phone = normaliseBelgianPhone(contact.value);
  return phone.ok ? phone.national : contact.value;
}

/** Why a wished moment cannot be booked, in one or two short sentences. */
export function explainUnbookable(reason: Unbookable, deps: AppointmentDeps, t: Translate, language: Language): string {
  switch (reason.code) {
    case 'past':
      return t('appointments:noMatch.past');
    case 'tooSoon':
      return t('appointments:noMatch.tooSoon', { hours: String(Math.ceil(deps.catalog.bookingRules.minimumLeadMinutes / 60)) });
    case 'beyondHorizon':
      return t('appointments:noMatch.beyondHorizon', { day: dayLabel(reason.lastDay, language) });
    case 'closedDay': {
      const day = dayLabel(reason.day, language);
      const closure = counterClosureOn(deps.municipality, reason.day);
      if (closure?.kind === 'publicHoliday') return t('appointments:noMatch.closedHoliday', { day, reason: closure.name[language] });
      if (closure?.kind === 'closingDay') return t('appointments:noMatch.closedHoliday', { day, reason: closure.reason[language] });
      return t('appointments:noMatch.closedWeekday', { day });
    }
    case 'outsideHours':
      return t('appointments:noMatch.outsideHours');
    case 'full':
      return t('appointments:noMatch.full');
  }
}

/** The lines that describe an appointment before it is confirmed, cancelled or moved. */
export function summaryLines(
  t: Translate,
  language: Language,
  details: { service: AppointmentService; day: string; time: string; name?: string; contact?: BookingContact },
): string[] {
  const lines = [
    t('appointments:summary.what', { service: serviceName(details.service, language) }),
    t('appointments:summary.when', { moment: momentText(t, language, details.day, details.time) }),
  ];
  if (details.name !== undefined) lines.push(t('appointments:summary.name', { name: details.name }));
  if (details.contact !== undefined) lines.push(t('appointments:summary.contact', { contact: contactDisplay(details.contact) }));
  return lines;
}

/** The document card's price and what to bring, when the appointment is for one document (the one named, or the service's only one). */
function counterVisit(
  context: TurnContext,
  deps: AppointmentDeps,
  service: AppointmentService,
  visit: { document?: DocumentId; requester?: Requester },
): CounterVisitLines | undefined {
  // The document named may belong to another service than the one booked ("een kids-id" booked as eID).
  const document = visit.document && service.documents.includes(visit.document) ? visit.document : onlyDocumentOf(service);
  return document ? deps.documentFacts?.atCounterFor(context, document, visit.requester ?? 'self') : undefined;
}

/** A booking code spelled out for screen readers and voice channels: "K 7 M, 4 X T". */
export function spelledCode(code: string): string {
  return code
    .split('-')
    .map((half) => half.split('').join(' '))
    .join(', ');
}

/**
 * The answer after booking or moving: the code, when and where, what to bring, and the calendar
 * entry (a download link where the channel can open one, the details in text elsewhere). For a
 * document's appointment, the price and what to bring are the document card's, for the person the
 * visit is for (`visit.requester`, the resident unless said otherwise).
 */
export function bookedCard(
  context: TurnContext,
  deps: AppointmentDeps,
  booking: Booking,
  titleKey: 'appointments:booked.title' | 'appointments:moved.title',
  visit: { document?: DocumentId; requester?: Requester } = {},
): Partial<Activity> {
  const { t, language } = turnServices(context);
  const service = knownService(deps.catalog, booking.service);
  const { day, time } = bookingMoment(booking);
  const counter = counterVisit(context, deps, service, visit);
  const lines = [
    t('appointments:booked.code', { code: booking.code }),
    t('appointments:summary.what', { service: serviceName(service, language) }),
    t('appointments:summary.when', { moment: momentText(t, language, day, time) }),
    t('appointments:booked.where', { place: counterAddress(deps.municipality) }),
    ...(counter ? [counter.price] : []),
    t('appointments:booked.bring'),
    ...(counter?.bring ?? service.bring.map((item) => t(`appointments:bring.${item}`))).map((line) => `- ${line}`),
    ...(counter && counter.collectBring.length > 0
      ? [t('documents:inPerson.collection.bringIntro'), ...counter.collectBring.map((line) => `- ${line}`)]
      : []),
    t('appointments:booked.changeLater'),
  ];
  const channelId = context.activity.channelId;
  const links = servesDownloadLinks(channelId)
    ? [{ label: t('appointments:booked.calendarLink'), url: deps.calendarLinks.linkFor(booking, language) }]
    : [];
  const card = renderInfoCard(channelId, { title: t(titleKey), lines, links });
  return { ...card, speak: t('appointments:booked.codeSpoken', { code: spelledCode(booking.code) }) };
}
