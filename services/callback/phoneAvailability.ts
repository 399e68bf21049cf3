import { addDays, brusselsDateTime } from '../brusselsTime.js';

/**
 * When the municipality's phone line is staffed, as the handoff dialog needs it. The lead plugs
 * in the municipality's real opening hours; `createWeeklyPhoneAvailability` is a simple version
 * from weekly hours (tests, and a fallback). Times are Europe/Brussels wall-clock time.
 */
export type PartOfDay = 'morning' | 'afternoon';

type PhoneStatus =
  | { staffedNow: true; until: string }
  /** `next` is null when no staffed hours are known in the coming weeks. */
  | { staffedNow: false; next: { day: string; from: string } | null };

/** A moment a resident can pick for a callback: a day (YYYY-MM-DD) and a part of it. */
export interface CallbackMoment {
  /** Stable code, e.g. "2026-03-02.morning". */
  value: string;
  day: string;
  partOfDay: PartOfDay;
}

export interface PhoneAvailability {
  status(now: Date): PhoneStatus;
  /** What remains of today's staffed hours and the next working day, morning and afternoon. */
  callbackMoments(now: Date): CallbackMoment[];
}

export interface StaffedPeriod {
  from: string;
  to: string;
}

export interface WeeklyPhoneHours {
  /** Staffed periods per ISO weekday: 1 = Monday … 7 = Sunday. Missing = closed. */
  weekly: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly StaffedPeriod[]>>;
  /** Days the line is closed although the weekday has hours (public holidays), YYYY-MM-DD. */
  closedDays?: readonly string[];
  /** A part of today is offered only if at least this many staffed minutes remain in it. Default 30. */
  leadMinutes?: number;
}

const NOON = '12:00';
const LOOK_AHEAD_DAYS = 14;

function callbackMomentValue(day: string, partOfDay: PartOfDay): string {
  return `${day}.${partOfDay}`;
}

/** The day and part of a moment's value; undefined for anything else. */
export function parseCallbackMoment(value: string): { day: string; partOfDay: PartOfDay } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})\.(morning|afternoon)$/.exec(value);
  return match ? { day: match[1]!, partOfDay: match[2] as PartOfDay } : undefined;
}

export function createWeeklyPhoneAvailability(hours: WeeklyPhoneHours): PhoneAvailability {
  const closed = new Set(hours.closedDays ?? []);
  return createPhoneAvailability({
    periodsOn: (day) => (closed.has(day) ? [] : [...(hours.weekly[isoWeekday(day)] ?? [])]),
    leadMinutes: hours.leadMinutes,
  });
}

/**
 * Phone availability from any source of staffed periods per day (YYYY-MM-DD), such as the
 * municipality's opening hours after holidays and closing days.
 */
export function createPhoneAvailability(source: {
  periodsOn: (day: string) => readonly StaffedPeriod[];
  leadMinutes?: number;
}): PhoneAvailability {
  const leadMinutes = source.leadMinutes ?? 30;
  const periodsOn = (day: string): readonly StaffedPeriod[] => [...source.periodsOn(day)].sort((a, b) => a.from.localeCompare(b.from));

  return {
    status(now) {
      const { date: day, time } = brusselsDateTime(now);
      const current = periodsOn(day).find((period) => period.from <= time && time < period.to);
      if (current) return { staffedNow: true, until: current.to };
      for (let offset = 0; offset <= LOOK_AHEAD_DAYS; offset += 1) {
        const candidate = addDays(day, offset);
        const next = periodsOn(candidate).find((period) => offset > 0 || period.from > time);
        if (next) return { staffedNow: false, next: { day: candidate, from: next.from } };
      }
      return { staffedNow: false, next: null };
    },

    callbackMoments(now) {
      const { date: day, time } = brusselsDateTime(now);
      const earliest = addMinutes(time, leadMinutes);
      const today = partsOfDay(periodsOn(day)).filter((part) => part.lastEnd >= earliest);
      const moments = today.map((part) => moment(day, part.partOfDay));
      for (let offset = 1; offset <= LOOK_AHEAD_DAYS; offset += 1) {
        const candidate = addDays(day, offset);
        const parts = partsOfDay(periodsOn(candidate));
        if (parts.length > 0) return [...moments, ...parts.map((part) => moment(candidate, part.partOfDay))];
      }
      return moments;
    },
  };
}

function moment(day: string, partOfDay: PartOfDay): CallbackMoment {
  return { value: callbackMomentValue(day, partOfDay), day, partOfDay };
}

/** Which parts of a day have staffed time, and when the staffed time of each part ends. */
function partsOfDay(periods: readonly StaffedPeriod[]): { partOfDay: PartOfDay; lastEnd: string }[] {
  const parts: { partOfDay: PartOfDay; lastEnd: string }[] = [];
  const morningEnds = periods.filter((p) => p.from < NOON).map((p) => (p.to < NOON ? p.to : NOON));
  const afternoonEnds = periods.filter((p) => p.to > NOON).map((p) => p.to);
  if (morningEnds.length > 0) parts.push({ partOfDay: 'morning', lastEnd: morningEnds.sort().at(-1)! });
  if (afternoonEnds.length > 0) parts.push({ partOfDay: 'afternoon', lastEnd: afternoonEnds.sort().at(-1)! });
  return parts;
}

function isoWeekday(day: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (weekday === 0 ? 7 : weekday) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

function addMinutes(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number) as [number, number];
  const total = Math.min(hours * 60 + mins + minutes, 24 * 60 - 1);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
