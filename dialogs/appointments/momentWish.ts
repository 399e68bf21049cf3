/**
 * What a resident says about when they can come, read as a whole: days they cannot come ("niet op
 * woensdag", "donderdag past mij niet meer", "die dag kan ik niet"), a moment relative to the
 * appointment being moved ("later in de week", "een week later"), and what is left: an exact wish
 * ("dinsdag om 9 uur", nlu/dutchDateTime.ts) or a vague one ("zo snel mogelijk", read further down).
 */
import { parseDutchDateTime, plainDutch, type DateTimeWish } from '../../nlu/dutchDateTime.js';
import { addDays, brusselsDay, dayOfWeek } from '../../services/brusselsTime.js';

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
  // "direct erna", "meteen daarna", "aansluitend": not "de dag erna" or "de week daarna".
  [/(?<!\b(?:dag|week|maand) )\b(?:erna|daarna|erachter|aansluitend|right after|straight after)\b/, 'laterSameDay'],
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

/*
 * Vague wishes: the wishes residents type at the slot question that name no exact day: "zo snel mogelijk",
 * "maakt niet uit", "liefst volgende week", "begin januari", "na de zomer", "vanaf 15 april". Exact
 * days and times ("donderdag na 16 uur") are the Dutch date reader's (nlu/dutchDateTime.ts).
 */

export type VagueWish =
  /** Any moment will do: the earliest free slots. */
  | { kind: 'earliest' }
  /** Somewhere in these days (YYYY-MM-DD, both included; no end: from that day on). */
  | { kind: 'period'; from: string; until?: string }
  /** A period the assistant cannot place ("na de vakantie"): ask from which day. */
  | { kind: 'askDay' };

const EARLIEST = [
  /\bzo (?:snel|vlug|rap|gauw|vroeg|spoedig) (?:als )?mogelijk\b/,
  // "zo snel het kan", "zo vlug als het kan", "zo rap ge kunt", "zsm".
  /\bzo (?:snel|vlug|rap|gauw|vroeg|spoedig) (?:als |dat )?(?:het |ge |je |u )?(?:kan|kunt|gaat|lukt)\b/,
  /\b(?:zsm|asap)\b/,
  // "maakt niet uit", and as typed on SMS or in Flemish: "kmaakt ni uit", "tmaakt nie uit".
  /\b(?:k|t)?(?:maakt|make) (?:mij |me |ons |)(?:niet|nie|ni|niets|geen|weinig) (?:uit|verschil)\b/,
  /\b(?:om het even|eender wanneer|gelijk wanneer|wanneer (?:u|jullie|je) (?:wil|wilt|kunt|kan)|egaal)\b/,
  /\b(?:het|de) (?:eerst(?:e|volgende)?|vroegste) (?:moment|vrije|mogelijke|datum|plaats)\b/,
  /\b(?:asap|dringend|urgent|as soon as possible|doesn ?t matter|does not matter|any ?time|whenever|earliest)\b/,
];

const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  februari: 2,
  february: 2,
  feb: 2,
  maart: 3,
  march: 3,
  mrt: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  juli: 7,
  july: 7,
  augustus: 8,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH = new RegExp(
  `\\b(?:(begin|start|early|half|midden|medio|mid|eind|einde|end|late|end of|eind van|begin van)\\s+)?(?:de maand\\s+)?(${Object.keys(MONTHS).join('|')})\\b`,
);

/** Holidays whose end everyone knows; other holidays differ per school and year, so the assistant asks. */
const AFTER_KNOWN_HOLIDAY: readonly { pattern: RegExp; from: (year: number) => string }[] = [
  { pattern: /\bna (?:de |het )?(?:zomer|zomervakantie|grote vakantie|summer)\b/, from: (year) => `${year}-09-01` },
  { pattern: /\bna (?:de )?(?:kerst|kerstmis|christmas)\b/, from: (year) => `${year}-12-27` },
  { pattern: /\bna (?:nieuwjaar|oud en nieuw|new year)\b/, from: (year) => `${year}-01-02` },
];
const AFTER_OTHER_HOLIDAY = /\b(?:na|after) (?:de |het |the )?(?:\w+)?(?:vakantie|verlof|holidays?|vacation|pasen|feestdagen|examens?)\b/;
const FROM_DAY = /\b(vanaf|na|pas na|ten vroegste|niet voor|from|after)\s+(.+)$/;
/**
 * "vóór vrijdag" (read as "nog voor"), "ten laatste de 25ste", "tegen vrijdag", "liefst voor 1 april": the
 * last day that will do. "een afspraak voor vrijdag" is on Friday, so a bare "voor" counts only at the start
 * or after a word of preference.
 */
const UNTIL_DAY =
  /(?:^|\b(?:liefst|graag|best|ergens|wel|kan het|als het kan|bij voorkeur|zeker)\s+)(voor|before)\s+(.+)$|\b(nog voor|ten laatste|ten laatst|uiterlijk|tegen|niet later dan|by)\s+(.+)$/;
/** A deadline said with these words includes the day itself; "voor" and "vóór" end the day before. */
const UNTIL_INCLUDED = /^(?:ten laatste|ten laatst|uiterlijk|tegen|niet later dan|by)$/;
/** "tussen 6 en 10 april", "van 7 tot 10 april", "van maandag tot woensdag": both days read, the first in the month of the second when only a number. */
const DAY_SPAN = /\b(?:tussen|van|from|between)\s+(.+?)\s+(?:en|tot en met|tot|t\/m|and|to|until)\s+(.+)$/;
const WEEKDAY_WORD = '(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)';
/**
 * "van maandag tot woensdag", "maandag t/m woensdag", "tussen dinsdag en donderdag": from the first day to the
 * next second one after it, also when today is the second ("van maandag tot woensdag" on a Wednesday is next week).
 */
const WEEKDAY_SPAN = new RegExp(
  `\\b(?:(?:tussen|between)\\s+${WEEKDAY_WORD}\\s+(?:en|and)|(?:(?:van|from)\\s+)?${WEEKDAY_WORD}\\s+(?:tot en met|tot|t/m|tm|to|until))\\s+${WEEKDAY_WORD}\\b`,
);
/** "de 20ste na 14 uur": the day is what comes before the hour. */
const HOUR_AFTER_DAY = /\s(?:na|om|vanaf|rond|tegen|tussen|voor)\s+\d.*$/;
const WEEK_OF_MONTH = new RegExp(
  `\\b(eerste|1e|1ste|tweede|2e|2de|derde|3e|3de|vierde|4e|4de|laatste) week van (?:de maand )?(deze maand|volgende maand|komende maand|${Object.keys(MONTHS).join('|')})\\b`,
);
/** "in de week van 6 april": Monday to Sunday around that day. */
const WEEK_OF_DAY = /\bweek van (.+)$/;
const WEEKEND = /\b(?:het |dit |deze )?weekend\b/;

/** The plain text in words and digits only: a vague wish does not part clauses. */
function plainWords(text: string): string {
  return plainDutch(text)
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
}

/**
 * A wish bounded by days, which an exact day in it does not replace: a span ("tussen 6 en 10 april",
 * "de eerste week van april"), a first day ("ten vroegste de 10de", "vanaf 15 april") or a last day
 * ("vóór de 20ste", "ten laatste vrijdag").
 */
function readDayBounds(text: string, now: Date): VagueWish | undefined {
  const said = plainWords(text);
  const today = brusselsDay(now);
  const dayIn = (words: string) => {
    const wish = parseDutchDateTime(words.replace(HOUR_AFTER_DAY, ''), now);
    return wish?.day && !wish.time && !wish.after && !wish.before ? wish.day : undefined;
  };
  const within = (from: string, until: string): VagueWish | undefined =>
    until < today || until < from ? undefined : { kind: 'period', from: from < today ? today : from, until };

  // "de komende dagen", "binnen de 14 dagen": from today; chrono would read one day in them.
  if (/\b(?:de |een van de |in de )?(?:komende|volgende|eerstvolgende) dagen\b|\bcoming days\b/.test(said))
    return { kind: 'period', from: today, until: addDays(today, 4) };
  const withinDays = /\bbinnen (?:de |een |the )?(?:(\d{1,2}|\p{L}+) )?(dagen|dag|weken|week|maand)\b/u.exec(said);
  if (withinDays) {
    const count = withinDays[1] === undefined ? 1 : /^\d+$/.test(withinDays[1]) ? Number(withinDays[1]) : COUNTS[withinDays[1]];
    const unit = withinDays[2]!.startsWith('dag') ? 1 : withinDays[2]!.startsWith('week') ? 7 : 30;
    if (count !== undefined) return { kind: 'period', from: today, until: addDays(today, count * unit) };
  }
  const weekOfMonth = WEEK_OF_MONTH.exec(said);
  if (weekOfMonth) {
    const yearMonth = monthNamed(weekOfMonth[2]!, today);
    const last = lastDay(yearMonth);
    const week = { e: 0, t: 1, d: 2, v: 3, '1': 0, '2': 1, '3': 2, '4': 3 }[weekOfMonth[1]!.charAt(0)];
    return week === undefined
      ? within(addDays(last, -6), last)
      : within(`${yearMonth}-${String(week * 7 + 1).padStart(2, '0')}`, `${yearMonth}-${String(week * 7 + 7).padStart(2, '0')}`);
  }
  const weekdays = WEEKDAY_SPAN.exec(said);
  const firstWeekday = weekdays ? dayIn(weekdays[1] ?? weekdays[2]!) : undefined;
  let lastWeekday = weekdays ? dayIn(weekdays[3]!) : undefined;
  if (firstWeekday && lastWeekday) {
    while (lastWeekday < firstWeekday) lastWeekday = addDays(lastWeekday, 7);
    return within(firstWeekday, lastWeekday);
  }
  const span = DAY_SPAN.exec(said);
  if (span) {
    const until = dayIn(span[2]!);
    const first =
      /^\d{1,2}(?:ste|de|e)?$/.test(span[1]!) && until
        ? `${until.slice(0, 8)}${span[1]!.replace(/\D/g, '').padStart(2, '0')}`
        : dayIn(span[1]!);
    if (first && until && first <= until) return within(first, until);
  }
  const weekOf = WEEK_OF_DAY.exec(said);
  const dayOfWeekOf = weekOf ? dayIn(weekOf[1]!) : undefined;
  if (dayOfWeekOf) {
    const monday = addDays(dayOfWeekOf, -((dayOfWeek(dayOfWeekOf) + 6) % 7));
    return within(monday, addDays(monday, 6));
  }
  const untilDay = UNTIL_DAY.exec(said);
  if (untilDay) {
    const word = untilDay[1] ?? untilDay[3]!;
    const words = untilDay[2] ?? untilDay[4]!;
    const included = UNTIL_INCLUDED.test(word);
    const day = WEEKEND.test(words) ? saturdayFrom(today) : dayIn(words);
    if (day) return within(today, included ? day : addDays(day, -1));
    // "voor eind maart": until the end of that period; "voor april": until the day before it starts.
    const period = weekIn(words, today) ?? monthIn(words, today);
    if (period?.kind === 'period' && period.until)
      return within(today, /\b(?:eind|einde|end)\b/.test(words) ? period.until : addDays(period.from, -1));
  }
  if (/\bna (?:het |dit )?weekend\b/.test(said)) return { kind: 'period', from: addDays(saturdayFrom(today), 2) };
  const fromDay = FROM_DAY.exec(said);
  const from = fromDay ? dayIn(fromDay[2]!) : undefined;
  // "na 15 april" starts the day after; "vanaf", "ten vroegste", "niet voor" on that day.
  if (from) return { kind: 'period', from: /^(?:na|pas na|after)$/.test(fromDay![1]!) ? addDays(from, 1) : from };
  return undefined;
}

/** The Saturday of this week (today when it is Saturday; next Saturday on a Sunday). */
function saturdayFrom(today: string): string {
  return addDays(today, (6 - dayOfWeek(today) + 7) % 7);
}

/** YYYY-MM of "deze maand", "volgende maand" or a month's name (this year, or next when it is past). */
function monthNamed(name: string, today: string): string {
  const [year, current] = today.split('-').map(Number) as [number, number];
  const month = name === 'deze maand' ? current : /maand$/.test(name) ? current + 1 : MONTHS[name]!;
  const shifted = month > 12 ? [year + 1, month - 12] : month < current ? [year + 1, month] : [year, month];
  return `${shifted[0]}-${String(shifted[1]).padStart(2, '0')}`;
}

/** The vague wish in a message, read on the resident's calendar day; undefined when it names none. */
export function readVagueWish(text: string, now: Date): VagueWish | undefined {
  const said = plainWords(text);
  const today = brusselsDay(now);
  if (EARLIEST.some((pattern) => pattern.test(said))) return { kind: 'earliest' };
  const bounds = readDayBounds(text, now);
  if (bounds) return bounds;
  const week = weekIn(said, today);
  if (week) return week;
  for (const holiday of AFTER_KNOWN_HOLIDAY) {
    if (!holiday.pattern.test(said)) continue;
    const thisYear = holiday.from(Number(today.slice(0, 4)));
    return { kind: 'period', from: thisYear >= today ? thisYear : holiday.from(Number(today.slice(0, 4)) + 1) };
  }
  if (AFTER_OTHER_HOLIDAY.test(said)) return { kind: 'askDay' };
  return monthIn(said, today);
}

/** Which days of a week "begin", "midden" and "eind" of the week stand for (0 = Monday). */
const WEEK_PARTS: readonly [RegExp, number, number][] = [
  [/^(?:begin|start|early)$/, 0, 2],
  [/^(?:midden|half|mid)$/, 1, 3],
  [/^(?:eind|einde|end|late)$/, 3, 6],
];
const COUNTS: Record<string, number> = {
  een: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  tien: 10,
  veertien: 14,
  paar: 2,
};

function weekIn(said: string, today: string): VagueWish | undefined {
  const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
  const clip = (from: string, until: string): VagueWish | undefined =>
    until < today ? undefined : { kind: 'period', from: from < today ? today : from, until };
  const weekPart =
    /\b(begin|start|early|midden|half|mid|eind|einde|end|late) (?:van )?(?:de )?(deze|die|this|volgende|komende|next) week\b/.exec(said);
  if (weekPart) {
    const [, first, last] = WEEK_PARTS.find(([pattern]) => pattern.test(weekPart[1]!))!;
    const start = /deze|die|this/.test(weekPart[2]!) ? monday : addDays(monday, 7);
    return clip(addDays(start, first), addDays(start, last));
  }
  const monthPart =
    /\b(?:(begin|start|early|half|midden|medio|mid|eind|einde|end|late) (?:van )?)?(?:de )?(deze|volgende|komende|next|this) (?:maand|month)\b/.exec(
      said,
    );
  if (monthPart) {
    const yearMonth = monthNamed(/deze|this/.test(monthPart[2]!) ? 'deze maand' : 'volgende maand', today);
    return monthPartOf(yearMonth, monthPart[1] ?? '', today);
  }
  const weekOrTwo = /\b(?:over|in) (?:een )?week of (twee|drie|2|3)\b/.exec(said);
  if (weekOrTwo) return { kind: 'period', from: addDays(today, (weekOrTwo[1] === 'drie' || weekOrTwo[1] === '3' ? 3 : 2) * 7) };
  if (/\b(?:deze|die|this) week\b/.test(said)) return { kind: 'period', from: today, until: addDays(monday, 6) };
  if (/\b(?:volgende|komende|next|de week erna) week\b|\bvolgende week\b/.test(said))
    return { kind: 'period', from: addDays(monday, 7), until: addDays(monday, 13) };
  const inWeeks =
    /\b(?:over|binnen|in|within) (?:een )?(twee|2|drie|3|vier|4|paar|a few|two|three) weken\b|\b(?:over|in) (?:twee|2|drie|3|two|three) weeks\b/.exec(
      said,
    );
  if (inWeeks) {
    const weeks = { twee: 2, '2': 2, two: 2, drie: 3, '3': 3, three: 3, vier: 4, '4': 4, paar: 2, 'a few': 2 }[inWeeks[1] ?? 'twee'] ?? 2;
    if (said.includes('binnen') || said.includes('within')) return { kind: 'period', from: today, until: addDays(today, weeks * 7) };
    return { kind: 'period', from: addDays(today, weeks * 7) };
  }
  return undefined;
}

function monthIn(said: string, today: string): VagueWish | undefined {
  const match = MONTH.exec(said);
  if (!match) return undefined;
  return monthPartOf(monthNamed(match[2]!, today), match[1] ?? '', today);
}

/** The days of a month that "begin", "half" or "eind" stand for, from today on; the whole month without a part. */
function monthPartOf(yearMonth: string, part: string, today: string): VagueWish | undefined {
  const [from, until] = /begin|start|early/.test(part)
    ? [`${yearMonth}-01`, `${yearMonth}-10`]
    : /half|midden|medio|mid/.test(part)
      ? [`${yearMonth}-10`, `${yearMonth}-20`]
      : /eind|end|late/.test(part)
        ? [`${yearMonth}-20`, lastDay(yearMonth)]
        : [`${yearMonth}-01`, lastDay(yearMonth)];
  if (until < today) return undefined;
  return { kind: 'period', from: from < today ? today : from, until };
}

function lastDay(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
}
