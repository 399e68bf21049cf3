/**
 * Days a resident names instead of a date: "kerstavond", "Nieuwjaar", "paasmaandag",
 * "Allerheiligen". Each name resolves to its next occurrence, today included, so "en op
 * kerstavond?" asked on 2 December means 24 December of this year, asked on 27 December the next.
 * The text is expected in the plain form `parseDutchDateTime` prepares (lower case, no accents).
 */
import Holidays from 'date-holidays';

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
