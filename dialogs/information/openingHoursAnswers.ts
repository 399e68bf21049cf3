import type { InfoCard } from '../../bot/channels/renderer.js';
import type { Language, Translate } from '../../bot/i18n.js';
import { SERVICES, type Interval, type Municipality, type Service } from '../../services/municipality/municipalityData.js';
import { closuresOf, hoursOnDay, openingStatus, type DayHours } from '../../services/municipality/openingHours.js';
import { addDays, brusselsDateTime, dayLabel, weekdayOf, clockLabel } from '../../services/brusselsTime.js';

/** What the answers need: the sentences, the language and the municipality's hours. */
export interface HoursContext {
  t: Translate;
  language: Language;
  municipality: Municipality;
}

/** How far ahead the list of closing days looks. */
const CLOSING_DAYS_AHEAD = 90;
const WEEK = 7;

/** Why a day differs from the usual week: closed for a reason, or shorter hours. */
type Closure = { kind: 'closedFor'; reason: string } | { kind: 'closesEarly' | 'opensLate'; time: string; reason: string };

function closureOf(day: DayHours, language: Language): Closure | null {
  if (!day.open) {
    if (day.reason.kind === 'publicHoliday') return { kind: 'closedFor', reason: day.reason.name[language] };
    if (day.reason.kind === 'closingDay') return { kind: 'closedFor', reason: day.reason.reason[language] };
    return null;
  }
  const { shortened } = day;
  if (!shortened) return null;
  if (shortened.from) return { kind: 'closesEarly', time: shortened.from, reason: shortened.reason[language] };
  return { kind: 'opensLate', time: shortened.until ?? '', reason: shortened.reason[language] };
}

function sameClosure(a: Closure | null, b: Closure | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function hoursOf(municipality: Municipality, service: Service, date: string): DayHours {
  return hoursOnDay(municipality.openingHours, closuresOf(municipality), service, date);
}

/** "van 8.30 tot 12 uur en van 13.30 tot 16 uur" */
function intervalsText(intervals: readonly Interval[], ctx: HoursContext): string {
  const { t, language } = ctx;
  return intervals
    .map(([from, to]) => t('info:hours.interval', { from: clockLabel(from, language), to: clockLabel(to, language) }))
    .join(t('info:hours.intervalJoin'));
}

/** Today's sentences say "vandaag"; another day's sentences name the day. */
type DayScope = { scope: 'today' } | { scope: 'onDay'; day: string };

/** One line per reason the day is different; one line for both services when the reason is the same. */
function closureLines(days: Record<Service, DayHours>, when: DayScope, ctx: HoursContext): string[] {
  const { t, language } = ctx;
  const closures = { loket: closureOf(days.loket, language), telefoon: closureOf(days.telefoon, language) };
  const day = when.scope === 'onDay' ? { day: when.day } : {};
  const line = (closure: Closure, who: Service | 'all'): string =>
    closure.kind === 'closedFor'
      ? t(`info:hours.${when.scope}.closedFor.${who}`, { ...day, reason: closure.reason })
      : t(`info:hours.${when.scope}.${closure.kind}.${who}`, { ...day, time: clockLabel(closure.time, language), reason: closure.reason });
  if (closures.loket && sameClosure(closures.loket, closures.telefoon)) return [line(closures.loket, 'all')];
  return SERVICES.flatMap((service) => {
    const closure = closures[service];
    return closure ? [line(closure, service)] : [];
  });
}

/** "Are you open now?": why today is different, then for the counter and the phone whether they are open and until when, or when they open again. */
export function openNowMessages(now: Date, ctx: HoursContext): string[] {
  const { t, language, municipality } = ctx;
  const today = brusselsDateTime(now).date;
  const days = { loket: hoursOf(municipality, 'loket', today), telefoon: hoursOf(municipality, 'telefoon', today) };
  const messages = closureLines(days, { scope: 'today' }, ctx);
  for (const service of SERVICES) {
    const status = openingStatus(municipality.openingHours, closuresOf(municipality), service, now);
    if (status.open) messages.push(t(`info:hours.now.open.${service}`, { time: clockLabel(status.until, language) }));
    else messages.push(`${t(`info:hours.now.closed.${service}`)} ${nextOpeningText(service, status.next, today, ctx)}`);
  }
  return [...messages, ...onAppointmentLine(ctx)];
}

/** "Het loket gaat morgen weer open om 8.30 uur." */
function nextOpeningText(service: Service, next: { date: string; time: string } | null, today: string, ctx: HoursContext): string {
  const { t, language, municipality } = ctx;
  if (!next) return t('info:hours.noNextOpening', { url: municipality.website });
  const time = clockLabel(next.time, language);
  if (next.date === today) return t(`info:hours.nextOpen.${service}.today`, { time });
  if (next.date === addDays(today, 1)) return t(`info:hours.nextOpen.${service}.tomorrow`, { time });
  return t(`info:hours.nextOpen.${service}.later`, { day: dayLabel(next.date, language), time });
}

/**
 * "Tot hoe laat zijn jullie open vandaag?": all of today's hours of the counter and the phone, so the closing time
 * after a break too ("nu gesloten" at lunch hides that the counter is open until 19.30 uur); once today is over, when it opens again.
 */
export function todayMessages(now: Date, ctx: HoursContext): string[] {
  const { t, municipality } = ctx;
  const today = brusselsDateTime(now).date;
  const days = { loket: hoursOf(municipality, 'loket', today), telefoon: hoursOf(municipality, 'telefoon', today) };
  const messages = closureLines(days, { scope: 'today' }, ctx);
  for (const service of SERVICES) {
    const hours = days[service];
    if (hours.open) messages.push(t(`info:hours.today.open.${service}`, { hours: intervalsText(hours.intervals, ctx) }));
    else if (hours.reason.kind === 'notOpenOnWeekday') messages.push(t(`info:hours.today.closed.${service}`));
    const status = openingStatus(municipality.openingHours, closuresOf(municipality), service, now);
    if (!status.open && status.next?.date !== today) messages.push(nextOpeningText(service, status.next, today, ctx));
  }
  return days.loket.open ? [...messages, ...onAppointmentLine(ctx)] : messages;
}

/** A span of the day a resident can come or call ("tss 12 en 13u"), HH:MM. */
export interface TimeWindow {
  from: string;
  to: string;
}

/**
 * "Zijn jullie open tijdens de middag? ik kan alleen tss 12 en 13u": whether the counter and the phone are open in
 * that span on that day (all of it, part of it, not at all), then that day's hours.
 */
export function windowMessages(date: string, window: TimeWindow, ctx: HoursContext): string[] {
  const { t, language, municipality } = ctx;
  const said = { day: dayLabel(date, language), from: clockLabel(window.from, language), to: clockLabel(window.to, language) };
  const lines = SERVICES.map((service) => {
    const hours = hoursOf(municipality, service, date);
    const intervals = hours.open ? hours.intervals : [];
    const whole = intervals.some(([from, to]) => from <= window.from && to >= window.to);
    const part = intervals.some(([from, to]) => from < window.to && to > window.from);
    return t(`info:hours.window.${whole ? 'open' : part ? 'partly' : 'closed'}.${service}`, said);
  });
  return [...lines, ...dayMessages(date, ctx)];
}

/** Where the data says the counter works on appointment, the hours say so: nobody walks in for nothing. */
function onAppointmentLine(ctx: HoursContext): string[] {
  return ctx.municipality.appointmentOnly?.includes('loket') ? [ctx.t('info:hours.onAppointment')] : [];
}

/** "Are you open on Saturday?": why that day is different, then the hours of the counter and the phone that day. */
export function dayMessages(date: string, ctx: HoursContext): string[] {
  const { t, language, municipality } = ctx;
  const day = dayLabel(date, language);
  const days = { loket: hoursOf(municipality, 'loket', date), telefoon: hoursOf(municipality, 'telefoon', date) };
  const messages = closureLines(days, { scope: 'onDay', day }, ctx);
  for (const service of SERVICES) {
    const hours = days[service];
    if (hours.open) messages.push(t(`info:hours.onDay.open.${service}`, { day, hours: intervalsText(hours.intervals, ctx) }));
    // A holiday or closing day is already said in the closure line.
    else if (hours.reason.kind === 'notOpenOnWeekday') messages.push(t(`info:hours.onDay.closed.${service}`, { day }));
  }
  return days.loket.open ? [...messages, ...onAppointmentLine(ctx)] : messages;
}

/** The hours of one service for the coming seven days, with holidays and closing days in them. */
export function weekCard(service: Service, today: string, ctx: HoursContext): InfoCard {
  const { t, language, municipality } = ctx;
  const lines = Array.from({ length: WEEK }, (_, offset) => {
    const date = addDays(today, offset);
    const day = hoursOf(municipality, service, date);
    const closure = closureOf(day, language);
    const hours = day.open
      ? intervalsText(day.intervals, ctx)
      : closure
        ? t('info:hours.closedBecause', { reason: closure.reason })
        : t('info:hours.closedAllDay');
    return t('info:hours.dayLine', { day: dayLabel(date, language), hours });
  });
  if (service === 'loket') lines.push(...onAppointmentLine(ctx));
  return { title: t(`info:hours.intro.${service}`), lines };
}

/** "Wat zijn jullie openingsuren?": the coming week of the counter, then of the phone, as lines of one message. */
export function weekMessages(today: string, ctx: HoursContext): string[] {
  return SERVICES.flatMap((service) => {
    const card = weekCard(service, today, ctx);
    return [card.title, ...card.lines];
  });
}

/** The coming days on which the counter or the phone closes or has shorter hours, with the reason. */
export function closingDaysCard(today: string, ctx: HoursContext): InfoCard {
  const { t, language, municipality } = ctx;
  const lines: string[] = [];
  for (let offset = 0; offset < CLOSING_DAYS_AHEAD; offset++) {
    const date = addDays(today, offset);
    // A holiday on a day without regular hours (a Sunday) changes nothing for residents.
    const closureFor = (service: Service): Closure | null =>
      municipality.openingHours[service][weekdayOf(date)].length > 0 ? closureOf(hoursOf(municipality, service, date), language) : null;
    const closure = closureFor('loket') ?? closureFor('telefoon');
    if (!closure) continue;
    const day = dayLabel(date, language);
    lines.push(
      closure.kind === 'closedFor'
        ? t('info:hours.closingDays.closedFor', { day, reason: closure.reason })
        : t(`info:hours.closingDays.${closure.kind}`, { day, time: clockLabel(closure.time, language), reason: closure.reason }),
    );
  }
  if (lines.length === 0) lines.push(t('info:hours.closingDays.none'));
  lines.push(t('info:hours.holidays'));
  return { title: t('info:hours.closingDays.title'), lines };
}
