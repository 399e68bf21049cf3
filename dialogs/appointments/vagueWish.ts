/**
 * Reads the wishes residents type at the slot question that name no exact day: "zo snel mogelijk",
 * "maakt niet uit", "liefst volgende week", "begin januari", "na de zomer", "vanaf 15 april". Exact
 * days and times ("donderdag na 16 uur") are the Dutch date reader's (nlu/dutchDateTime.ts).
 */
import { parseDutchDateTime } from '../../nlu/dutchDateTime.js';
import { addDays, brusselsDay, dayOfWeek } from '../../services/brusselsTime.js';

export type VagueWish =
  /** Any moment will do: the earliest free slots. */
  | { kind: 'earliest' }
  /** Somewhere in these days (YYYY-MM-DD, both included; no end: from that day on). */
  | { kind: 'period'; from: string; until?: string }
  /** A period the assistant cannot place ("na de vakantie"): ask from which day. */
  | { kind: 'askDay' };

const EARLIEST = [
  /\bzo (?:snel|vlug|rap|gauw|vroeg|spoedig) (?:als )?mogelijk\b/,
  /\b(?:maakt|make) (?:mij |me |ons |)(?:niet|niets|geen|weinig) (?:uit|verschil)\b/,
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

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
}

/** The vague wish in a message, read on the resident's calendar day; undefined when it names none. */
export function readVagueWish(text: string, now: Date): VagueWish | undefined {
  const said = normalise(text);
  const today = brusselsDay(now);
  if (EARLIEST.some((pattern) => pattern.test(said))) return { kind: 'earliest' };
  const week = weekIn(said, today);
  if (week) return week;
  for (const holiday of AFTER_KNOWN_HOLIDAY) {
    if (!holiday.pattern.test(said)) continue;
    const thisYear = holiday.from(Number(today.slice(0, 4)));
    return { kind: 'period', from: thisYear >= today ? thisYear : holiday.from(Number(today.slice(0, 4)) + 1) };
  }
  if (AFTER_OTHER_HOLIDAY.test(said)) return { kind: 'askDay' };
  const fromDay = FROM_DAY.exec(said);
  if (fromDay) {
    const wish = parseDutchDateTime(fromDay[2]!, now);
    // "na 15 april" starts the day after; "vanaf", "ten vroegste", "niet voor" on that day.
    if (wish?.day && !wish.time && !wish.after && !wish.before)
      return { kind: 'period', from: /^(?:na|pas na|after)$/.test(fromDay[1]!) ? addDays(wish.day, 1) : wish.day };
  }
  return monthIn(said, today);
}

function weekIn(said: string, today: string): VagueWish | undefined {
  const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
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
  if (/\b(?:volgende|komende|next) maand\b|\bnext month\b/.test(said)) {
    const [year, month] = today.split('-').map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    return { kind: 'period', from: `${next}-01`, until: lastDay(next) };
  }
  return undefined;
}

function monthIn(said: string, today: string): VagueWish | undefined {
  const match = MONTH.exec(said);
  if (!match) return undefined;
  const month = MONTHS[match[2]!]!;
  const [year, current] = today.split('-').map(Number) as [number, number];
  const yearMonth = `${month < current ? year + 1 : year}-${String(month).padStart(2, '0')}`;
  const part = match[1] ?? '';
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
