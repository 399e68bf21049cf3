import * as chrono from 'chrono-node';
import Holidays from 'date-holidays';
import { DUTCH_ORDINALS, dutchNumberWord } from './dutchNumbers.js';
import { withinOneEdit } from './plainText.js';
import { addDays, calendarDay, formatTime, toBrussels } from '../services/brusselsTime.js';

/** voormiddag = morning (until 12:00), namiddag = afternoon (from 12:00). */
type PartOfDay = 'morning' | 'afternoon';

/** When a resident would like to come, as far as they said it. Days and times are Europe/Brussels wall-clock. */
export interface DateTimeWish {
  /** YYYY-MM-DD */
  day?: string;
  /** HH:MM, an exact time ("om 10 uur"). */
  time?: string;
  /** HH:MM, the earliest time ("na 16 uur", "vanaf 14u"). */
  after?: string;
  /** HH:MM, the latest time ("voor 11 uur", "ten laatste om 11u"). */
  before?: string;
  partOfDay?: PartOfDay;
}

/**
 * chrono's Dutch casual parser (`chrono.nl.parse`), with each parser's pattern built once. chrono 2.10 rebuilds a
 * parser's pattern whenever its inner pattern is a new RegExp object, and four Dutch parsers return a new one on
 * every call (three regex literals, and the time-unit parser's `new RegExp` over every number and unit word): every
 * parse compiled those patterns again, two fifths of the time of reading a short message. No Dutch parser's pattern
 * depends on the text or the options, so the first one built serves every parse.
 */
export const DUTCH_CHRONO = new chrono.Chrono(patternsBuiltOnce(chrono.nl.createCasualConfiguration()));

type ChronoConfiguration = ReturnType<typeof chrono.nl.createCasualConfiguration>;

function patternsBuiltOnce(configuration: ChronoConfiguration): ChronoConfiguration {
  const parsers = configuration.parsers.map((parser): chrono.Parser => {
    let pattern: RegExp | undefined;
    return { pattern: (context) => (pattern ??= parser.pattern(context)), extract: (context, match) => parser.extract(context, match) };
  });
  return { ...configuration, parsers };
}

const WEEKDAYS = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';
/** The counter is open in daytime: "om 3 uur" means 15:00 unless the resident says morning. */
const LAST_HOUR_READ_AS_AFTERNOON = 7;

// "donderdagnamiddag", "morgenvroeg", "vanmiddag": a day glued to a part of the day.
const GLUED_PART_OF_DAY = new RegExp(
  `\\b(${WEEKDAYS}|overmorgen|morgen|van)(voormiddag|ochtend|morgen|vroeg|namiddag|middag|avond)\\b`,
  'g',
);
const MORNING_PARTS = new Set(['voormiddag', 'ochtend', 'morgen', 'vroeg']);
// Bounded by "not a letter": "'s morgens" starts with an apostrophe, where \b does not apply.
const MORNING =
  /(?<!\p{L})(?:voormiddag|voormiddags|ochtend|ochtends|'s morgens|smorgens|in de morgen|deze morgen|in the morning|morning)(?!\p{L})/gu;
const AFTERNOON = /(?<!\p{L})(?:namiddag|namiddags|'s middags|smiddags|na de middag|middag|in the afternoon|afternoon)(?!\p{L})/gu;
/**
 * "donderdagavond", "'s avonds", "tegen de avond", "na het werk": from 17:00, when the counter has its late hours.
 * Not "kerstavond" or "goedenavond" (a named day, a greeting).
 */
const EVENING =
  /(?<!\p{L})(?:(?:in de |tegen de |op de |de )?avond|avonds|'s avonds|savonds|na (?:het|mijn|m'n|de) werk(?:uren)?|in the evening|evening)(?!\p{L})/gu;
const EVENING_FROM = '17:00';
const THIS_PART_OF_DAY = /\bdeze\s+(?:voormiddag|ochtend|morgen|namiddag|middag)\b/;
/** "tussen de middag": around lunch, read as 12:00 to 14:00; not the whole afternoon. */
const LUNCH = /\b(?:tussen|over|rond|tijdens) de middag\b|\b(?:middagpauze|lunchpauze|lunchtijd|over de noen|tussen de noen)\b/;
const LUNCH_SPAN = { after: '12:00', before: '14:00' };
/** A greeting names a part of the day that is no wish: "goede morgen", "goeie middag", "good morning". */
const GREETING = /(?<!\p{L})(?:goe(?:de|ie|i|ede)n?\s*(?:morgen|middag|namiddag|avond)|good (?:morning|afternoon|evening))(?!\p{L})/gu;
const MONTH_START = '(?:jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec)';
/** "tussen 10 en 12 uur", "tss 9u en 11u": a span of hours (not "tussen 6 en 10 april", a span of days). */
const HOUR_SPAN = new RegExp(
  `\\b(?:tussen|tss)\\s+(\\d{1,2}(?:[.:u]\\d\\d)?)\\s*(?:u|uur|h)?\\s+en\\s+(\\d{1,2}(?:[.:u]\\d\\d)?)\\s*(?:u|uur|h)?\\b(?!\\s*${MONTH_START})`,
  'g',
);
/** Ordinals that name a day of the month after "op de", "na de", "vanaf de" ("op de twintigste"). */
const ORDINAL_WORDS = [
  ...DUTCH_ORDINALS,
  'eenentwintigste',
  'tweeentwintigste',
  'drieentwintigste',
  'vierentwintigste',
  'vijfentwintigste',
  'zesentwintigste',
  'zevenentwintigste',
  'achtentwintigste',
  'negenentwintigste',
  'dertigste',
  'eenendertigste',
];
/**
 * "de 25ste", "den 12e", "op de twintigste", "de 2de van volgende maand": a day of the month without the
 * month. Digits need "de"/"den" before them; a word needs a preposition too, as "de tweede" alone is an option.
 */
const ORDINAL_DAY = new RegExp(
  `\\b(?:(?:de|den|d')\\s+(\\d{1,2})(?:ste|de|e|st)|(?:op|na|vanaf|voor|tegen|ten vroegste|ten laatste|uiterlijk|nog voor)\\s+(?:de|den)\\s+(${ORDINAL_WORDS.join('|')}))\\b(?:\\s+van\\s+(?:de\\s+)?(deze|volgende|komende)\\s+maand)?(?!\\s+(?:${MONTH_START}|week|verdieping))`,
);

const HOUR_WORD = '(een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)';
const HOUR = `(\\d{1,2}|${HOUR_WORD.slice(1, -1)})`;
/** Words that make a bare number a time: "om 10", "na 16", "rond drie uur". */
const KEYWORD = '(?:om|rond|omstreeks|tegen|na|vanaf|voor|at)';
/** Digits: "10u", "10u30", "10 u 30", "10h30", "10 uur", "10 uur 30", "10:30"; never part of a date ("3/12", "3.12.2026"). */
const DIGIT_CLOCK = '\\b(\\d{1,2})\\s*(?:(?:u|uur|h)(?:\\s*(\\d{2}))?\\b|:(\\d{2})\\b)(?![./]\\d)';
/** "om 10.30": a dot only after a keyword, as "3.10" may be 3 October. */
const DOTTED_CLOCK = `(?<=\\b${KEYWORD}\\s)(\\d{1,2})\\.(\\d{2})\\b(?![./]\\d)`;
/** Words with "uur" after a keyword ("om drie uur"): "voor een afspraak" and "een uur" alone are no times. */
const WORD_CLOCK = `(?<=\\b${KEYWORD}\\s)${HOUR_WORD}\\s+uur\\b`;
/** "half 3" is 2:30 in Dutch; "kwart na 2" 2:15; "kwart voor 3" 2:45. */
const HALF = `half\\s+${HOUR}\\b`;
const QUARTER = `kwart\\s+(na|over|voor)\\s+${HOUR}\\b`;
/** A bare hour after a keyword ("om 10", "na 16"), unless a noun or a month follows ("voor 2 personen", "na 20 maart"). */
const BARE_HOUR = `(?<=\\b${KEYWORD}\\s)(\\d{1,2})\\b(?![./:]\\d)(?!\\s+(?:personen|mensen|kinderen|dagen|weken|maanden|jaar|minuten|documenten|${MONTH_START}))`;
const SPOKEN_TIME = new RegExp([DIGIT_CLOCK, DOTTED_CLOCK, WORD_CLOCK, HALF, QUARTER, BARE_HOUR].map((p) => `(?:${p})`).join('|'), 'g');
/** "volgende week" names a week, not a day: chrono would pick a day a week from now. */
const WHOLE_PERIOD = /^(?:volgende|komende|deze|later deze|over een) (?:week|maand|jaar)$/;
const AFTER_WORDS = /\b(?:na|vanaf|ten vroegste om|ten vroegste|niet voor|from|after)\s+$/;
const BEFORE_WORDS = /\b(?:voor|ten laatste om|ten laatste|uiterlijk om|uiterlijk|niet na|ten laatst|before|by)\s+$/;

/**
 * Reads a Dutch date or time wish ("morgen om 10 uur", "donderdagnamiddag", "3/12" = 3 December)
 * relative to `now`; undefined when the text names no day, time or part of the day.
 */
export function parseDutchDateTime(text: string, now: Date): DateTimeWish | undefined {
  const wish: DateTimeWish = {};
  const { day: todayDay, minutes: nowMinutes } = toBrussels(now.getTime());
  const [year, month, day] = todayDay.split('-').map(Number) as [number, number, number];
  let rest = ` ${prepare(text)} `;

  if (THIS_PART_OF_DAY.test(rest)) wish.day = todayDay;
  // "tijdens de middag, tss 12 en 13u": the hours said are the wish, the lunch only where no hours are.
  if (LUNCH.test(rest) && rest.search(HOUR_SPAN) < 0) {
    Object.assign(wish, LUNCH_SPAN);
    rest = rest.replace(LUNCH, ' ');
  }
  rest = rest.replace(
    HOUR_SPAN,
    (_span, from: string, until: string) => ` vanaf ${from.replace(/[.u]/, ':')} uur voor ${until.replace(/[.u]/, ':')} uur `,
  );
  const morning = countMatches(rest, MORNING) > 0;
  const afternoon = countMatches(rest, AFTERNOON) > 0;
  if (morning !== afternoon) wish.partOfDay = morning ? 'morning' : 'afternoon';
  // Blank them so chrono does not read the "morgen" of "in de morgen" as tomorrow.
  rest = rest.replace(MORNING, ' ').replace(AFTERNOON, ' ');

  const evening = countMatches(rest, EVENING) > 0;
  rest = rest.replace(EVENING, ' ');

  rest = takeTimes(rest, wish);
  // "donderdagavond": from the evening on, unless a time says when ("donderdagavond om 7 uur").
  if (evening && wish.time === undefined && wish.after === undefined) {
    wish.after = EVENING_FROM;
    delete wish.partOfDay;
  }

  if (/\bovermorgen\b/.test(rest)) {
    wish.day ??= addDays(todayDay, 2);
    rest = rest.replace(/\bovermorgen\b/g, ' ');
  }
  const ordinal = wish.day === undefined ? ORDINAL_DAY.exec(rest) : null;
  if (ordinal) {
    const day = ordinal[1] !== undefined ? Number(ordinal[1]) : ORDINAL_WORDS.indexOf(ordinal[2]!) + 1;
    const resolved = dayOfMonth(day, todayDay, ordinal[3] !== undefined && ordinal[3] !== 'deze');
    if (resolved) wish.day = resolved;
    rest = rest.replace(ordinal[0], ' ');
  }
  const named = wish.day === undefined ? namedDayIn(rest, todayDay) : undefined;
  if (named) {
    wish.day = named.day;
    rest = rest.replace(named.words, ' ');
  }
  if (wish.day === undefined) {
    // chrono works in the machine's time zone: give it Brussels wall-clock time as a local date.
    const reference = new Date(year, month - 1, day, Math.floor(nowMinutes / 60), nowMinutes % 60);
    for (const { start, text: found } of DUTCH_CHRONO.parse(rest.replace(SHORT_WEEKDAY_WORD, ' '), reference, { forwardDate: true })) {
      if (WHOLE_PERIOD.test(found.trim())) continue;
      if (start.isCertain('day') || start.isCertain('weekday')) {
        wish.day = calendarDay(start.get('year') ?? year, start.get('month') ?? month, start.get('day') ?? day);
      }
      if (wish.time === undefined && wish.after === undefined && wish.before === undefined && start.isCertain('hour')) {
        wish.time = formatTime((start.get('hour') ?? 0) * 60 + (start.get('minute') ?? 0));
      }
      if (wish.day !== undefined) break;
    }
  }
  return Object.keys(wish).length > 0 ? wish : undefined;
}

const WEEKDAY_NAMES = WEEKDAYS.split('|');
const withoutVowels = (word: string) => word.replace(/[aeiouy]/g, '');
const WEEKDAY_SKELETONS = new Map(WEEKDAY_NAMES.map((day) => [withoutVowels(day), day]));
/**
 * Short day names as residents type them ("di 9u", "wo of do", "ma nie, di wel"). They are short words too
 * ("zo'n", "ons ma", "ik kom zo", "vrij snel"), so each counts as a day only where a day fits: before a time
 * or a part of the day, next to another day name ("van ma tot wo"), or as the whole message. The ones that
 * are no other word count also before a yes or no ("do is goed", "wo nie"); "ma" only when no "ons" or "mijn"
 * makes it a mother. What is left is never read as a day (chrono knows them all).
 */
const SHORT_WEEKDAYS: Record<string, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  din: 'dinsdag',
  wo: 'woensdag',
  woe: 'woensdag',
  do: 'donderdag',
  don: 'donderdag',
  dond: 'donderdag',
  vr: 'vrijdag',
  vrij: 'vrijdag',
  za: 'zaterdag',
  zat: 'zaterdag',
  zo: 'zondag',
  zon: 'zondag',
};
/** Short names that are no other Dutch word: a yes or no after them is enough ("do is goed"). */
const ONLY_DAY_NAMES = new Set(['di', 'din', 'wo', 'woe', 'don', 'dond', 'vr', 'za', 'zat', 'do']);
const SHORT_PARTS: Record<string, string> = { vm: 'voormiddag', nm: 'namiddag' };
const BEFORE_SHORT_WEEKDAY = /^(?:\d|vm$|nm$|voormiddag|namiddag|ochtend|morgen|middag|om$|na$|vanaf$|rond$)/;
/** "ma nie", "do is goed", "wo ok": a yes or no about the day. */
const SAID_OF_A_DAY = /^(?:niet|nie|ni|wel|is|past|lukt|ok|oke|goed|liefst|graag|dan)$/;
/** "ons ma", "mijn ma": a mother, not Monday. */
const MOTHER = /^(?:ons|onze|mijn|mijne|m'n|mn|uw|je|jouw|zijn|z'n|haar|hun|de|met|bij|voor|naar|aan|van)$/;
const DAY_LINKS = new Set(['of', 'en', 'tot', 't/m', 'tm', 'or', 'and', 'to', 'met']);
/** chrono reads these as days: blanked before it reads the rest ("zo'n" is no Sunday). */
const SHORT_WEEKDAY_WORD = new RegExp(`(?<![\\p{L}'])(?:${Object.keys(SHORT_WEEKDAYS).join('|')})(?:'\\p{L}+)?\\.?(?![\\p{L}'])`, 'gu');

function isDayName(word: string | undefined): boolean {
  return word !== undefined && (WEEKDAY_NAMES.includes(word) || SHORT_WEEKDAYS[word] !== undefined);
}

/** Whether a short day name at `index` stands for a day (see SHORT_WEEKDAYS). */
function shortNameIsDay(words: readonly string[], index: number): boolean {
  const word = words[index]!;
  const next = words[index + 1];
  const previous = words[index - 1];
  if (words.length === 1) return true;
  if (next !== undefined && BEFORE_SHORT_WEEKDAY.test(next) && word !== 'zo' && word !== 'zon') return true;
  // "wo of do", "van ma tot wo", "di en do".
  const linkedAfter = next !== undefined && DAY_LINKS.has(next) && isDayName(words[index + 2]);
  const linkedBefore = previous !== undefined && DAY_LINKS.has(previous) && isDayName(words[index - 2]);
  if (linkedAfter || linkedBefore) return true;
  if (next === undefined || !SAID_OF_A_DAY.test(next)) return ONLY_DAY_NAMES.has(word) && next === undefined;
  if (ONLY_DAY_NAMES.has(word)) return true;
  return word === 'ma' && (previous === undefined || !MOTHER.test(previous));
}

/** SMS shorthand and typos of day names: "dnsdg", "donderag", "di 9u", "wo vm". */
function spellOutDays(text: string): string {
  const words = text.split(' ');
  return words
    .map((word, index) => {
      if (SHORT_PARTS[word]) return SHORT_PARTS[word];
      if (SHORT_WEEKDAYS[word]) return shortNameIsDay(words, index) ? SHORT_WEEKDAYS[word] : word;
      if (word.length < 4 || WEEKDAY_NAMES.includes(word) || !/^\p{L}+$/u.test(word)) return word;
      const skeleton = WEEKDAY_SKELETONS.get(word);
      if (skeleton && word === withoutVowels(word)) return skeleton;
      return (word.length >= 6 && WEEKDAY_NAMES.find((day) => withinOneEdit(word, day))) || word;
    })
    .join(' ');
}

/**
 * The text as the date readers read it: lower case, no accents, day names spelled out ("dnsdg",
 * "di 9u"), a day glued to a part of the day split ("donderdagnamiddag"), greetings left out, and
 * "vóór" (before, with accents) as "nog voor", as the accents go.
 */
export function plainDutch(text: string): string {
  return prepare(text);
}

function prepare(text: string): string {
  const plain = text
    .normalize('NFC')
    .replace(/(?<!\p{L})v[óò]{2}r(?!\p{L})/giu, 'nog voor')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}'/:.\s]+/gu, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(GREETING, ' ');
  return spellOutDays(plain)
    .replace(GLUED_PART_OF_DAY, (_glued, day: string, part: string) => {
      const partOfDay = MORNING_PARTS.has(part) ? 'voormiddag' : part === 'avond' ? 'avond' : 'namiddag';
      return `${day === 'van' ? 'vandaag' : day} ${partOfDay}`;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The next day numbered `day` of a month, from today on (this month or the next); `nextMonth` skips this month. */
function dayOfMonth(day: number, today: string, nextMonth: boolean): string | undefined {
  if (day < 1 || day > 31) return undefined;
  const [year, month] = today.split('-').map(Number) as [number, number];
  for (let ahead = nextMonth ? 1 : 0; ahead <= 2; ahead += 1) {
    const date = new Date(Date.UTC(year, month - 1 + ahead, day));
    if (date.getUTCDate() !== day) continue;
    const iso = date.toISOString().slice(0, 10);
    if (iso >= today) return iso;
  }
  return undefined;
}

function countMatches(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

/** Moves every spoken time into the wish (as time, after or before) and blanks it out of the text. */
function takeTimes(text: string, wish: DateTimeWish): string {
  let rest = text;
  for (const match of text.matchAll(SPOKEN_TIME)) {
    const value = readSpokenTime(match, wish.partOfDay);
    if (value === undefined) continue;
    const before = text.slice(0, match.index);
    if (AFTER_WORDS.test(before)) wish.after ??= value;
    else if (BEFORE_WORDS.test(before)) wish.before ??= value;
    else wish.time ??= value;
    rest = rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
  }
  return rest;
}

function readSpokenTime(match: RegExpMatchArray, partOfDay: PartOfDay | undefined): string | undefined {
  const [, digitHour, uurMinutes, colonMinutes, dottedHour, dottedMinutes, wordHour, halfHour, quarterWay, quarterHour, bareHour] = match;
  if (digitHour !== undefined) return readHour(digitHour, Number(uurMinutes ?? colonMinutes ?? 0), partOfDay);
  if (dottedHour !== undefined) return readHour(dottedHour, Number(dottedMinutes), partOfDay);
  if (wordHour !== undefined) return readHour(wordHour, 0, partOfDay);
  if (halfHour !== undefined) return readHour(halfHour, -30, partOfDay);
  if (quarterHour !== undefined) return readHour(quarterHour, quarterWay === 'voor' ? -15 : 15, partOfDay);
  if (bareHour !== undefined) return readHour(bareHour, 0, partOfDay);
  return undefined;
}

/** HH:MM for an hour plus a minute offset, which is negative for "half 3" (3:00 - 30). */
function readHour(hourText: string, minutes: number, partOfDay: PartOfDay | undefined): string | undefined {
  let hour = /^\d+$/.test(hourText) ? Number(hourText) : dutchNumberWord(hourText);
  if (hour === undefined || hour > 23 || minutes > 59) return undefined;
  if (hour >= 1 && hour <= LAST_HOUR_READ_AS_AFTERNOON && partOfDay !== 'morning') hour += 12;
  const total = hour * 60 + minutes;
  if (total < 0 || total >= 24 * 60) return undefined;
  return formatTime(total);
}

/*
 * Named days: days a resident names instead of a date: "kerstavond", "Nieuwjaar", "paasmaandag",
 * "Allerheiligen". Each name resolves to its next occurrence, today included, so "en op
 * kerstavond?" asked on 2 December means 24 December of this year, asked on 27 December the next.
 * The text is expected in the plain form `parseDutchDateTime` prepares (lower case, no accents).
 */

/**
 * Each named day as a date-holidays rule: "12-25" for a fixed day, "easter 39" for 39 days after
 * Easter Sunday. The movable days are Belgium's own rules, so Easter is never computed here.
 */
const NAMED_DAYS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:kerstavond|christmas eve)\b/, '12-24'],
  [/\b(?:tweede kerstdag|boxing day)\b/, '12-26'],
  [/\b(?:kerstmis|kerstdag|kerst|christmas(?: day)?)\b/, '12-25'],
  [/\b(?:oudejaarsavond|oudejaarsdag|oudjaar|oudejaar|new year'?s eve)\b/, '12-31'],
  [/\b(?:nieuwjaarsdag|nieuwjaar|new year'?s day|new year)\b/, '01-01'],
  [/\b(?:dag van de arbeid|feest van de arbeid|1 mei|labour day)\b/, '05-01'],
  [/\b(?:vlaamse feestdag|11 juli)\b/, '07-11'],
  [/\b(?:nationale feestdag|21 juli|belgian national day)\b/, '07-21'],
  [/\b(?:onze lieve vrouw hemelvaart|olv hemelvaart|maria hemelvaart|15 augustus)\b/, '08-15'],
  [/\b(?:allerheiligen|all saints'? day)\b/, '11-01'],
  [/\b(?:allerzielen)\b/, '11-02'],
  [/\b(?:wapenstilstand|11 november|armistice day)\b/, '11-11'],
  [/\b(?:sinterklaas)\b/, '12-06'],
  [/\b(?:paasmaandag|tweede paasdag|easter monday)\b/, 'easter 1'],
  [/\b(?:pasen|paaszondag|easter(?: sunday)?)\b/, 'easter'],
  [/\b(?:onze lieve heer hemelvaart|olh hemelvaart|hemelvaartsdag|hemelvaart|ascension day)\b/, 'easter 39'],
  [/\b(?:pinkstermaandag|tweede pinksterdag|whit monday)\b/, 'easter 50'],
  [/\b(?:pinksteren|pinksterzondag)\b/, 'easter 49'],
];

/** Belgium's holidays and observances, plus the named days it does not list (kerstavond, 11 juli nationally). */
const calendar = new Holidays('BE');
const listed = new Set(calendar.getHolidays(2000).map((holiday) => holiday.rule));
for (const [, rule] of NAMED_DAYS) if (!listed.has(rule)) calendar.setHoliday(rule, { name: { nl: rule }, type: 'observance' });

const daysByYear = new Map<number, ReadonlyMap<string, string>>();

/** The date (YYYY-MM-DD) of each named day's rule in `year`. */
function namedDaysOf(year: number): ReadonlyMap<string, string> {
  let days = daysByYear.get(year);
  if (!days) {
    days = new Map(calendar.getHolidays(year).map((holiday) => [holiday.rule, holiday.date.slice(0, 10)]));
    daysByYear.set(year, days);
  }
  return days;
}

/** A named day found in a text: its date (YYYY-MM-DD) and the words that named it. */
export interface NamedDay {
  day: string;
  words: string;
}

/** The first named day in `text`, at its next occurrence on or after `today` (YYYY-MM-DD). */
export function namedDayIn(text: string, today: string): NamedDay | undefined {
  for (const [pattern, rule] of NAMED_DAYS) {
    const found = pattern.exec(text);
    if (!found) continue;
    const year = Number(today.slice(0, 4));
    const thisYear = dateOf(rule, year);
    return { day: thisYear >= today ? thisYear : dateOf(rule, year + 1), words: found[0] };
  }
  return undefined;
}

function dateOf(rule: string, year: number): string {
  const day = namedDaysOf(year).get(rule);
  if (day === undefined) throw new RangeError(`no date for the named-day rule ${rule} in ${year}`);
  return day;
}
