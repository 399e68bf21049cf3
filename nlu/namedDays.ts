/**
 * Days a resident names instead of a date: "kerstavond", "Nieuwjaar", "paasmaandag",
 * "Allerheiligen". Each name resolves to its next occurrence, today included, so "en op
 * kerstavond?" asked on 2 December means 24 December of this year, asked on 27 December the next.
 * The text is expected in the plain form `parseDutchDateTime` prepares (lower case, no accents).
 */

/** A day fixed in the calendar (month 1–12), or a number of days after Easter Sunday. */
type DayRule = { month: number; day: number } | { afterEaster: number };

/** Names (Dutch, Flemish and English) of the days that matter for a town hall's opening hours. */
const NAMED_DAYS: ReadonlyArray<readonly [RegExp, DayRule]> = [
  [/\b(?:kerstavond|christmas eve)\b/, { month: 12, day: 24 }],
  [/\b(?:tweede kerstdag|boxing day)\b/, { month: 12, day: 26 }],
  [/\b(?:kerstmis|kerstdag|kerst|christmas(?: day)?)\b/, { month: 12, day: 25 }],
  [/\b(?:oudejaarsavond|oudejaarsdag|oudjaar|oudejaar|new year'?s eve)\b/, { month: 12, day: 31 }],
  [/\b(?:nieuwjaarsdag|nieuwjaar|new year'?s day|new year)\b/, { month: 1, day: 1 }],
  [/\b(?:dag van de arbeid|feest van de arbeid|1 mei|labour day)\b/, { month: 5, day: 1 }],
  [/\b(?:vlaamse feestdag|11 juli)\b/, { month: 7, day: 11 }],
  [/\b(?:nationale feestdag|21 juli|belgian national day)\b/, { month: 7, day: 21 }],
  [/\b(?:onze lieve vrouw hemelvaart|olv hemelvaart|maria hemelvaart|15 augustus)\b/, { month: 8, day: 15 }],
  [/\b(?:allerheiligen|all saints'? day)\b/, { month: 11, day: 1 }],
  [/\b(?:allerzielen)\b/, { month: 11, day: 2 }],
  [/\b(?:wapenstilstand|11 november|armistice day)\b/, { month: 11, day: 11 }],
  [/\b(?:sinterklaas)\b/, { month: 12, day: 6 }],
  [/\b(?:paasmaandag|tweede paasdag|easter monday)\b/, { afterEaster: 1 }],
  [/\b(?:pasen|paaszondag|easter(?: sunday)?)\b/, { afterEaster: 0 }],
  [/\b(?:onze lieve heer hemelvaart|olh hemelvaart|hemelvaartsdag|hemelvaart|ascension day)\b/, { afterEaster: 39 }],
  [/\b(?:pinkstermaandag|tweede pinksterdag|whit monday)\b/, { afterEaster: 50 }],
  [/\b(?:pinksteren|pinksterzondag)\b/, { afterEaster: 49 }],
];

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

function dateOf(rule: DayRule, year: number): string {
  if ('month' in rule) return isoDate(new Date(Date.UTC(year, rule.month - 1, rule.day)));
  const easter = easterSunday(year);
  return isoDate(new Date(Date.UTC(year, easter.month - 1, easter.day + rule.afterEaster)));
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
