/**
 * The panel figures the chatbot survey is compared with (data/surveyBaseline.json).
 * Read by the caller (route, CLI) and checked here, so the report itself stays free of I/O.
 */
import { APPOINTMENT_PREFERENCE_CODES, AWARENESS_CODES, type AppointmentPreferenceCode, type AwarenessCode } from './surveyCodes.js';

export interface SurveyBaseline {
  /** e.g. "inwonerspanel 2021/3". */
  source: string;
  title?: string;
  awareness: Record<AwarenessCode, number>;
  appointmentPreference: Record<AppointmentPreferenceCode, number>;
  /** Respondents in the panel; used as the baseline's sample size in the z-test. */
  n: number;
  /** True while `n` is a working figure rather than the panel's real count. */
  nIsAssumption: boolean;
  nNote?: string;
}

const BASELINE_KEYS = new Set(['source', 'title', 'awareness', 'appointmentPreference', 'n', 'nIsAssumption', 'nNote']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkShares(value: unknown, codes: readonly string[], name: string, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push(`${name} must be an object`);
    return;
  }
  const keys = Object.keys(value);
  if (keys.length !== codes.length || !codes.every((code) => keys.includes(code))) {
    problems.push(`${name} must have exactly: ${codes.join(', ')}`);
    return;
  }
  const shares = codes.map((code) => value[code]);
  if (!shares.every((share) => typeof share === 'number' && share >= 0 && share <= 1)) {
    problems.push(`${name}: shares must be numbers in 0..1`);
    return;
  }
  const total = (shares as number[]).reduce((sum, share) => sum + share, 0);
  // Published shares are rounded to whole percents: allow that rounding, nothing more.
  if (Math.abs(total - 1) > 0.015) problems.push(`${name}: shares must add up to 1`);
}

/** The checked baseline, or throws a RangeError listing what is wrong with the data file. */
export function toSurveyBaseline(input: unknown): SurveyBaseline {
  const problems: string[] = [];
  if (!isRecord(input)) throw new RangeError('survey baseline: not an object');
  for (const key of Object.keys(input)) if (!BASELINE_KEYS.has(key)) problems.push(`unknown field ${key}`);
  if (typeof input.source !== 'string' || input.source.trim() === '') problems.push('source is required');
  if (input.title !== undefined && typeof input.title !== 'string') problems.push('title must be text');
  if (input.nNote !== undefined && typeof input.nNote !== 'string') problems.push('nNote must be text');
  checkShares(input.awareness, AWARENESS_CODES, 'awareness', problems);
  checkShares(input.appointmentPreference, APPOINTMENT_PREFERENCE_CODES, 'appointmentPreference', problems);
  if (typeof input.n !== 'number' || !Number.isSafeInteger(input.n) || input.n < 1) problems.push('n must be a whole number above 0');
  if (typeof input.nIsAssumption !== 'boolean') problems.push('nIsAssumption must be true or false');
  if (problems.length > 0) throw new RangeError(`survey baseline: ${problems.join('; ')}`);
  const checked = input as unknown as SurveyBaseline;
  // A copy, so a caller mutating the report's baseline cannot change the loaded data.
  const baseline: SurveyBaseline = {
    source: checked.source,
    awareness: { ...checked.awareness },
    appointmentPreference: { ...checked.appointmentPreference },
    n: checked.n,
    nIsAssumption: checked.nIsAssumption,
  };
  if (checked.title !== undefined) baseline.title = checked.title;
  if (checked.nNote !== undefined) baseline.nNote = checked.nNote;
  return baseline;
}
