/**
 * What a resident says about when they can come, read as a whole: days they cannot come ("niet op
 * woensdag", "donderdag past mij niet meer", "die dag kan ik niet"), a moment relative to the
 * appointment being moved ("later in de week", "een week later"), and what is left: an exact wish
 * ("dinsdag om 9 uur", nlu/dutchDateTime.ts) or a vague one ("zo snel mogelijk", vagueWish.ts).
 */
import { parseDutchDateTime, type DateTimeWish } from '../../nlu/dutchDateTime.js';
import { readVagueWish, type VagueWish } from './vagueWish.js';
import { addDays, dayOfWeek } from '../../services/brusselsTime.js';

/** Days the resident cannot come. */
export interface AvoidedDays {
  /** 0 = Sunday … 6 = Saturday. */
  weekdays?: number[];
  /** YYYY-MM-DD */
  days?: string[];
}

/** A moment named relative to the appointment being moved. */
export type RelativeWish = 'laterInWeek' | 'weekLater' | 'dayLater' | 'earlier' | 'laterSameDay';

export interface MomentWish {
  avoid?: AvoidedDays;
  /** "die dag kan ik niet": the day just talked about (the appointment's, or the offered slots'). */
  refusesThatDay?: boolean;
  relative?: RelativeWish;
  exact?: DateTimeWish;
  vague?: VagueWish;
}

const WEEKDAY_NUMBERS: Record<string, number> = {
  zondag: 0,
  maandag: 1,
  dinsdag: 2,
  woensdag: 3,
  donderdag: 4,
  vrijdag: 5,
  zaterdag: 6,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const WEEKDAY = `(${Object.keys(WEEKDAY_NUMBERS).join('|')})s?`;
const THAT_DAY = '(die dag|deze dag|dan|that day)';
const DAY = `(?:${WEEKDAY}|${THAT_DAY}|(morgen|overmorgen))`;
const NOT = '(?:niet|nie|geen|not)';
const CANNOT = '(?:past|passen|lukt|gaat|kan|kunnen|kun|kunt|ben|werk|lukken)';
/** "niet op woensdag", "geen maandag", "behalve dinsdag", "liever niet op vrijdag". */
const NOT_ON_DAY = new RegExp(`\\b(?:${NOT}|behalve|buiten)\\s+(?:meer\\s+)?(?:op\\s+|de\\s+|in\\s+de\\s+)?${DAY}\\b`, 'g');
/** "donderdag past mij helaas niet meer", "die dag kan ik niet", "woensdag ben ik er niet". */
const DAY_CANNOT = new RegExp(`\\b(?:op\\s+)?${DAY}\\s+(?:\\w+\\s+){0,3}?${CANNOT}\\b(?:\\s+\\w+){0,4}?\\s+${NOT}\\b(?:\\s+meer)?`, 'g');
/** "ik kan donderdag niet", "het past dinsdag niet". */
const CANNOT_DAY = new RegExp(`\\b${CANNOT}\\s+(?:\\w+\\s+){0,2}?(?:op\\s+)?${DAY}\\s+(?:\\w+\\s+){0,2}?${NOT}\\b(?:\\s+meer)?`, 'g');

const RELATIVE: ReadonlyArray<[RegExp, RelativeWish]> = [
  [/\blater (?:in|op) de (?:dag|namiddag)\b|\bdezelfde dag (?:wat )?later\b/, 'laterSameDay'],
  [/\b(?:later|verder) in (?:de|die|dezelfde) week\b|\bnog (?:in )?(?:die|dezelfde) week\b|\blater that week\b/, 'laterInWeek'],
  [/\b(?:een|1) week (?:later|verder|nadien|erna)\b|\bde week (?:erna|nadien|daarna|erop)\b|\ba week later\b/, 'weekLater'],
  [/\b(?:een|1) dag (?:later|verder|nadien|erna)\b|\bde dag (?:erna|nadien|daarna|erop)\b|\ba day later\b/, 'dayLater'],
  [/\b(?:eerder|vroeger|sneller|earlier|sooner)\b/, 'earlier'],
];

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/:.\s']+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Everything the message says about when; undefined when it says nothing about it. */
export function readMomentWish(text: string, now: Date): MomentWish | undefined {
  let rest = ` ${normalise(text)} `;
  const wish: MomentWish = {};
  const weekdays = new Set<number>();
  const days = new Set<string>();
  for (const pattern of [DAY_CANNOT, CANNOT_DAY, NOT_ON_DAY]) {
    rest = rest.replace(pattern, (_match, weekday?: string, thatDay?: string, nearDay?: string) => {
      if (weekday) weekdays.add(WEEKDAY_NUMBERS[weekday]!);
      else if (thatDay) wish.refusesThatDay = true;
      else if (nearDay) days.add(parseDutchDateTime(nearDay, now)?.day ?? '');
      return ' ';
    });
  }
  days.delete('');
  if (weekdays.size > 0 || days.size > 0)
    wish.avoid = { ...(weekdays.size ? { weekdays: [...weekdays] } : {}), ...(days.size ? { days: [...days] } : {}) };
  const relative = RELATIVE.find(([pattern]) => pattern.test(rest));
  if (relative) wish.relative = relative[1];
  else {
    const vague = readVagueWish(rest, now);
    // "zo snel mogelijk" is no Sunday ("zo"): any-moment wishes are never read as a day.
    const exact = vague?.kind === 'earliest' ? undefined : parseDutchDateTime(rest, now);
    // "ten vroegste maandag", "vanaf 15 april": a day that opens a period is no wish for that day only.
    const opensPeriod = vague?.kind === 'period' && vague.until === undefined && exact !== undefined && isDayOnly(exact);
    if (exact && !opensPeriod) wish.exact = exact;
    else if (vague) wish.vague = vague;
  }
  return Object.keys(wish).length > 0 ? wish : undefined;
}

function isDayOnly(wish: DateTimeWish): boolean {
  return Object.keys(wish).every((key) => key === 'day');
}

/** Whether a slot falls on a day the resident cannot come. */
export function isAvoided(day: string, avoid: AvoidedDays | undefined): boolean {
  return avoid !== undefined && ((avoid.weekdays ?? []).includes(dayOfWeek(day)) || (avoid.days ?? []).includes(day));
}

/** Both sets of avoided days together. */
export function avoidBoth(first: AvoidedDays | undefined, second: AvoidedDays | undefined): AvoidedDays | undefined {
  if (!first) return second;
  if (!second) return first;
  const weekdays = [...new Set([...(first.weekdays ?? []), ...(second.weekdays ?? [])])];
  const days = [...new Set([...(first.days ?? []), ...(second.days ?? [])])];
  return { ...(weekdays.length ? { weekdays } : {}), ...(days.length ? { days } : {}) };
}

/** Where a relative wish leads from the appointment on `day` at `time`: a period, or a day and time filter. */
export function resolveRelative(
  relative: RelativeWish,
  current: { day: string; time: string },
  today: string,
): { period: { from: string; until?: string } } | { wish: DateTimeWish } {
  switch (relative) {
    case 'laterSameDay':
      return { wish: { day: current.day, after: current.time } };
    case 'laterInWeek': {
      const sunday = addDays(current.day, (7 - dayOfWeek(current.day)) % 7);
      return { period: { from: addDays(current.day, 1), until: sunday } };
    }
    case 'weekLater':
      return { wish: { day: addDays(current.day, 7) } };
    case 'dayLater':
      return { period: { from: addDays(current.day, 1) } };
    case 'earlier':
      return { period: { from: today, until: current.day } };
  }
}
