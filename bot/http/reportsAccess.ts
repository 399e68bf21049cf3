/**
 * Who may read the survey reports, and for which days: the bearer token (REPORTS_TOKEN) or
 * a dashboard session, a limit on wrong tokens per address, and the from/to range check.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ReportRange } from '../../services/survey/surveyReport.js';
import type { AttemptLimiter } from '../../services/attemptLimiter.js';
import type { HttpAnswerCode } from '../../services/errorCatalogue.js';
import { clientAddress } from './clientAddress.js';
import { readCookie, type Sessions } from './sessions.js';
import { addDays, brusselsDay, daysBetween, isCalendarDay } from '../../services/brusselsTime.js';

export const REPORTS_SESSION_COOKIE = 'reports_session';
export const REPORTS_SESSION_SUBJECT = 'reports';
/** A longer range is refused: it would only be a mistake or an attempt to make the server work hard. */
const MAX_REPORT_RANGE_DAYS = 5 * 366;
/** No survey answer is older than the assistant: earlier days are a mistake. */
const EARLIEST_REPORT_DAY = '2020-01-01';
/** How far past today a range may reach (a year ahead, for a dashboard set up in advance). */
const REPORT_HORIZON_DAYS = 366;

/** Compares two secrets in constant time, whatever their lengths (hashing makes them equally long). */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export type AccessDecision = { ok: true } | { ok: false; code: HttpAnswerCode; message: string; retryAfterSeconds?: number };

export interface ReportsAccessDeps {
  reportsToken: string | null;
  sessions: Sessions;
  limiter: AttemptLimiter;
}

/** Whether this request may read reports: a signed-in dashboard session or `Authorization: Bearer <REPORTS_TOKEN>`. */
export async function checkReportsAccess(req: IncomingMessage, deps: ReportsAccessDeps): Promise<AccessDecision> {
  if (!deps.reportsToken) {
    return { ok: false, code: 'reports_disabled', message: 'Reports are switched off: REPORTS_TOKEN is not configured.' };
  }
  if (await hasReportsSession(req, deps.sessions)) return { ok: true };
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return { ok: false, code: 'unauthorized', message: 'Send Authorization: Bearer <REPORTS_TOKEN>.' };
  const address = clientAddress(req);
  if (!(await deps.limiter.allows(address))) {
    return {
      ok: false,
      code: 'too_many_attempts',
      message: 'Too many wrong tokens from this address; try again later.',
      retryAfterSeconds: await deps.limiter.retryAfterSeconds(address),
    };
  }
  if (!tokensMatch(match[1]!, deps.reportsToken)) {
    await deps.limiter.record(address);
    return { ok: false, code: 'unauthorized', message: 'The reports token is not valid.' };
  }
  await deps.limiter.reset(address);
  return { ok: true };
}

export async function hasReportsSession(req: IncomingMessage, sessions: Sessions): Promise<boolean> {
  return (await sessions.get(readCookie(req, REPORTS_SESSION_COOKIE)))?.subject === REPORTS_SESSION_SUBJECT;
}

type RangeProblem = Extract<HttpAnswerCode, 'date_invalid' | 'range_reversed' | 'range_too_long' | 'range_out_of_bounds'>;
export type RangeDecision = { ok: true; range: ReportRange } | { ok: false; code: RangeProblem; message: string };

/** The default range: the last 12 calendar months, this one included, up to today. */
export function defaultReportRange(today: string): ReportRange {
  return { from: firstDayTwelveMonthsBack(today), to: today };
}

function firstDayTwelveMonthsBack(day: string): string {
  let year = Number(day.slice(0, 4));
  let month = Number(day.slice(5, 7)) - 11;
  if (month < 1) {
    month += 12;
    year -= 1;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** Reads `from` and `to` (YYYY-MM-DD) from a query; a missing end gets the default. */
export function readReportRange(query: unknown, now: Date): RangeDecision {
  const values = (query ?? {}) as Record<string, unknown>;
  const today = brusselsDay(now);
  const given = (name: 'from' | 'to'): string | undefined | null => {
    const value = values[name];
    if (value === undefined || value === '') return undefined;
    return isCalendarDay(value) ? value : null;
  };
  const from = given('from');
  const to = given('to');
  if (from === null || to === null) {
    return { ok: false, code: 'date_invalid', message: 'from and to must be dates written as YYYY-MM-DD.' };
  }
  const end = to ?? today;
  const start = from ?? firstDayTwelveMonthsBack(end);
  if (start > end) return { ok: false, code: 'range_reversed', message: 'from must not be after to.' };
  if (start < EARLIEST_REPORT_DAY || end > addDays(today, REPORT_HORIZON_DAYS)) {
    return { ok: false, code: 'range_out_of_bounds', message: `Dates must lie between ${EARLIEST_REPORT_DAY} and a year from today.` };
  }
  if (daysBetween(start, end) >= MAX_REPORT_RANGE_DAYS) {
    return { ok: false, code: 'range_too_long', message: 'The range may cover at most 5 years.' };
  }
  return { ok: true, range: { from: start, to: end } };
}
