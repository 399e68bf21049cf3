/**
 * Calendar days as 'YYYY-MM-DD' strings. Pure date arithmetic in UTC: a calendar day has no
 * time zone, so the caller decides which day it is (Europe/Brussels) and we only count days.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whether `value` is a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toEpochDay(day: string): number {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
}

/** The day `days` after `day` (negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date((toEpochDay(day) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: string): number {
  return new Date(toEpochDay(day) * MS_PER_DAY).getUTCDay();
}

/** 'YYYY-MM' of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Every 'YYYY-MM' that overlaps from..to, in order. */
export function monthsCovering(from: string, to: string): string[] {
  return monthSlices(from, to).map((slice) => monthOf(slice.from));
}

/**
 * from..to cut at month ends: one slice per month it touches, the first and last clipped to the
 * range. Months are counted as numbers, not compared as text ("10000-01" sorts before "9999-12").
 */
export function monthSlices(from: string, to: string): { from: string; to: string }[] {
  toEpochDay(from);
  toEpochDay(to);
  const monthIndex = (day: string) => Number(day.slice(0, -6)) * 12 + Number(day.slice(-5, -3)) - 1;
  const slices: { from: string; to: string }[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index += 1) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const prefix = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    const first = `${prefix}-01`;
    const last = `${prefix}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
    slices.push({ from: first < from ? from : first, to: last > to ? to : last });
  }
  return slices;
}

/**
 * The whole calendar months from..to touches: from the first of from's month to the last day of to's,
 * but not past `today` (no answers exist after it, and the running month stays visibly incomplete).
 * Survey reports are offered for whole months only, so no range can cut a month in two and single
 * out the days of one part by subtraction.
 */
export function wholeMonths(range: { from: string; to: string }, today: string): { from: string; to: string } {
  toEpochDay(range.from);
  toEpochDay(range.to);
  const monthEnd = lastDayOfMonth(range.to);
  return { from: `${range.from.slice(0, -2)}01`, to: monthEnd > today && range.to <= today ? today : monthEnd };
}

function lastDayOfMonth(day: string): string {
  const year = Number(day.slice(0, -6));
  const month = Number(day.slice(-5, -3));
  return `${day.slice(0, -2)}${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

const BRUSSELS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Europe/Brussels at `moment` (residents' day, whatever the server's time zone). */
export function brusselsDay(moment: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return BRUSSELS_DAY.format(moment);
}
