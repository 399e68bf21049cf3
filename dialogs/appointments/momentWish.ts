/**
 * What a resident says about when they can come, read as a whole: days they cannot come ("niet op
 * woensdag", "donderdag past mij niet meer", "die dag kan ik niet"), a moment relative to the
 * appointment being moved ("later in de week", "een week later"), and what is left: an exact wish
 * ("dinsdag om 9 uur", nlu/dutchDateTime.ts) or a vague one ("zo snel mogelijk", vagueWish.ts).
 */
import { parseDutchDateTime, plainDutch, type DateTimeWish } from '../../nlu/dutchDateTime.js';
import { readDayBounds, readVagueWish, type VagueWish } from './vagueWish.js';
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
const WEEKDAY_NAME = `(?:${Object.keys(WEEKDAY_NUMBERS).join('|')})s?`;
/** One weekday or a few: "maandag of dinsdag", "woensdag en vrijdag", "maandag, dinsdag". */
const WEEKDAY = `(${WEEKDAY_NAME}(?:\\s*(?:,|of|en|noch|or|and)\\s*(?:op\\s+)?${WEEKDAY_NAME})*)`;
const THAT_DAY = '(die dag|deze dag|dan|that day)';
const DAY = `(?:(?:den\\s+|de\\s+)?${WEEKDAY}|${THAT_DAY}|(morgen|overmorgen))`;
const NOT = '(?:niet|nie|ni|geen|nooit|not)';
const CANNOT = '(?:past|passen|lukt|gaat|kan|kunnen|kun|kunt|ben|werk|lukken)';
/** "niet op woensdag", "geen maandag", "behalve dinsdag", "liever niet op vrijdag". */
/**
 * A word between a day and its negation; never another day, "wel" or "maar", which start the wanted part
 * ("donderdag past wel, woensdag niet" refuses Wednesday only).
 */
const BETWEEN = `(?!${WEEKDAY_NAME}\\b|wel\\b|maar\\b|but\\b)\\w+`;
/** "niet op woensdag", "geen maandag", "behalve dinsdag"; not the "niet" of the day before ("woensdag niet donderdag wel"). */
const NOT_ON_DAY = new RegExp(
  `(?<!\\b${WEEKDAY_NAME}\\s+)\\b(?:${NOT}|behalve|buiten)\\s+(?:meer\\s+)?(?:op\\s+|de\\s+|in\\s+de\\s+)?${DAY}\\b`,
  'g',
);
/** "den dinsdag nie", "woensdag niet", "woensdag niet, donderdag wel": a day, then only the negation. */
const DAY_NOT = new RegExp(
  `\\b(?:op\\s+)?(?:den\\s+|de\\s+)?${WEEKDAY}\\s+${NOT}(?:\\s+meer)?(?=\\s*$|\\s*,|\\s+(?:maar|wel|of|liever|dan|but|${WEEKDAY_NAME})\\b)`,
  'g',
);
/** "donderdag past mij helaas niet meer", "die dag kan ik niet", "woensdag ben ik er niet". */
const DAY_CANNOT = new RegExp(
  `\\b(?:op\\s+)?${DAY}\\s+(?:${BETWEEN}\\s+){0,3}?${CANNOT}\\b(?:\\s+${BETWEEN}){0,4}?\\s+${NOT}\\b(?:\\s+meer)?`,
  'g',
);
/** "ik kan donderdag niet", "het past dinsdag niet". */
const CANNOT_DAY = new RegExp(
  `\\b${CANNOT}\\s+(?:${BETWEEN}\\s+){0,2}?(?:op\\s+)?${DAY}\\s+(?:${BETWEEN}\\s+){0,2}?${NOT}\\b(?:\\s+meer)?`,
  'g',
);

const RELATIVE: ReadonlyArray<[RegExp, RelativeWish]> = [
  [/\blater (?:in|op) de (?:dag|namiddag)\b|\bdezelfde dag (?:wat )?later\b/, 'laterSameDay'],
  [/\b(?:later|verder) in (?:de|die|dezelfde) week\b|\bnog (?:in )?(?:die|dezelfde) week\b|\blater that week\b/, 'laterInWeek'],
  [/\b(?:een|1) week (?:later|verder|nadien|erna)\b|\bde week (?:erna|nadien|daarna|erop)\b|\ba week later\b/, 'weekLater'],
  [/\b(?:een|1) dag (?:later|verder|nadien|erna)\b|\bde dag (?:erna|nadien|daarna|erop)\b|\ba day later\b/, 'dayLater'],
  [/\b(?:eerder|vroeger|sneller|earlier|sooner)\b/, 'earlier'],
];

const WEEKDAY_NAMES = new RegExp(Object.keys(WEEKDAY_NUMBERS).join('|'), 'g');

type PartOfDay = NonNullable<DateTimeWish['partOfDay']>;
/** A part of the day as residents name it; "morgen" alone is tomorrow, so it needs "in de", "de" or "'s". */
const PART =
  "(?:in\\s+de\\s+|de\\s+|op\\s+de\\s+)?(voormiddag|voormiddags|ochtend|ochtends|'s\\s*morgens|smorgens|'s\\s*ochtends|(?<=\\bde\\s)morgen|namiddag|namiddags|'s\\s*middags|smiddags|middag|'s\\s*avonds|avond)";
const MORNING_WORDS = /voormiddag|ochtend|morgen/;
/** "niet in de voormiddag", "liever geen namiddag", "niet 's morgens". */
const NOT_PART = new RegExp(`(?<!\\p{L})${NOT}\\s+${PART}(?!\\p{L})`, 'gu');
/** "in de morgen kan ik niet", "'s middags niet", "de voormiddag past mij niet", "voormiddag gaat nie". */
const PART_CANNOT = new RegExp(
  `(?<!\\p{L})${PART}\\s+(?:(?:\\p{L}+\\s+){0,4}?${CANNOT}\\s+(?:\\p{L}+\\s+){0,3}?)?${NOT}(?!\\p{L})(?:\\s+meer)?`,
  'gu',
);

/** The plain text, clause by clause: a comma stays, as it parts a refused day from a wanted one. */
function normalise(text: string): string {
  return text
    .split(/[,;]/)
    .map((clause) =>
      plainDutch(clause)
        .replace(/[^\p{L}\p{N}/:.\s']+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((clause) => clause !== '')
    .join(' , ');
}

/** Everything the message says about when; undefined when it says nothing about it. */
export function readMomentWish(text: string, now: Date): MomentWish | undefined {
  let rest = ` ${normalise(text)} `;
  const wish: MomentWish = {};
  const weekdays = new Set<number>();
  const days = new Set<string>();
  const refusedParts = new Set<PartOfDay>();
  for (const pattern of [PART_CANNOT, NOT_PART]) {
    rest = rest.replace(pattern, (_match, part: string) => {
      refusedParts.add(MORNING_WORDS.test(part) ? 'morning' : 'afternoon');
      return ' ';
    });
  }
  for (const pattern of [DAY_CANNOT, CANNOT_DAY, NOT_ON_DAY, DAY_NOT]) {
    rest = rest.replace(pattern, (_match, weekday?: string, thatDay?: string, nearDay?: string) => {
      if (weekday) for (const [name] of weekday.matchAll(WEEKDAY_NAMES)) weekdays.add(WEEKDAY_NUMBERS[name]!);
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
    // "tussen 6 en 10 april", "vóór de 20ste": a span of days, not the one day named in it.
    const bounds = readDayBounds(rest, now);
    const vague = bounds ?? readVagueWish(rest, now);
    // "zo snel mogelijk" is no Sunday ("zo"): any-moment wishes are never read as a day.
    const exact = vague?.kind === 'earliest' ? undefined : parseDutchDateTime(rest, now);
    if (vague?.kind === 'period' && (bounds || exact?.day === undefined)) {
      // "na de 15de in de namiddag", "volgende week na 14 uur": the days of the period, at that time of day.
      wish.vague = vague;
      const times = timeOfDayIn(exact);
      if (times) wish.exact = times;
    } else if (exact) wish.exact = exact;
    else if (vague) wish.vague = vague;
  }
  // "in de voormiddag kan ik niet": the other part of the day, unless the message names one itself.
  if (refusedParts.size === 1 && (wish.vague === undefined || wish.vague.kind === 'period')) {
    const other: PartOfDay = refusedParts.has('morning') ? 'afternoon' : 'morning';
    wish.exact = { ...wish.exact, partOfDay: wish.exact?.partOfDay ?? other };
  }
  return Object.keys(wish).length > 0 ? wish : undefined;
}

/** The time of day a wish names (an hour, a bound, a part of the day), without its day; undefined for none. */
function timeOfDayIn(wish: DateTimeWish | undefined): DateTimeWish | undefined {
  if (!wish) return undefined;
  const { day: _day, ...times } = wish;
  return Object.keys(times).length > 0 ? times : undefined;
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
