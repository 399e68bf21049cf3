/**
 * Demo survey rows, so the dashboard and reports have something realistic to show before
 * real answers come in. Every row is marked `synthetic: true`; the report counts them.
 *
 * The shapes follow the 2021/3 panel: awareness starts at the panel's shares and drifts
 * slowly towards more use over the year; most residents are satisfied (4-5), less so after
 * a hand-off to phone staff; younger residents book online, older ones by phone.
 * Assumption: when the rotating question is bookingChannel the dialog also asks the age
 * bracket (skippable), because the report breaks booking channel down by age.
 */
import { seededRandom } from '../seededRandom.js';
import {
  ROTATING_SURVEY_QUESTIONS,
  SURVEY_ANSWER_CODES,
  SURVEY_QUESTIONNAIRE_VERSION,
  type AgeBracketCode,
  type BookingChannelCode,
} from './surveyCodes.js';
import type { SurveyAnswers, SurveyResponse, SurveyedOutcome } from './surveyResponse.js';
import { addDays, dayOfWeek, isCalendarDay } from '../brusselsTime.js';

export interface SyntheticSurveyOptions {
  /** Rows to make (0 to 100 000). */
  count: number;
  /** First day of the year the rows are spread over, YYYY-MM-DD. */
  from: string;
  /** Same seed, same rows. */
  seed: number;
}

const DAYS_IN_SPREAD = 365;
const MAX_COUNT = 100_000;

/** Answer probabilities in code order. */
type Weights = readonly number[];

const AWARENESS_AT_START: Weights = [0.23, 0.55, 0.22];
/** Where awareness would be after a year of promoting the digitaal thuisloket. */
const AWARENESS_AFTER_A_YEAR: Weights = [0.31, 0.52, 0.17];
const SATISFACTION_WHEN_RESOLVED: Weights = [0.02, 0.03, 0.08, 0.37, 0.5];
const SATISFACTION_WHEN_ESCALATED: Weights = [0.06, 0.09, 0.2, 0.37, 0.28];
const APPOINTMENT_PREFERENCE: Weights = [0.52, 0.17, 0.31];
const AGE_BRACKETS: Weights = [0.24, 0.27, 0.27, 0.22];
const BOOKING_CHANNEL_BY_AGE: Record<AgeBracketCode, Weights> = {
  '18-34': [0.8, 0.12, 0.08],
  '35-49': [0.66, 0.22, 0.12],
  '50-64': [0.45, 0.38, 0.17],
  '65+': [0.2, 0.55, 0.25],
};
const CHANNELS = ['webchat', 'sms'] as const;
const CHANNEL_WEIGHTS: Weights = [0.85, 0.15];
const ESCALATED_SHARE = 0.18;
/** Residents skip questions now and then. */
const ANSWER_RATE = { awareness: 0.92, satisfaction: 0.88, rotating: 0.8, ageWithBooking: 0.85 };
/** Fewer conversations at the weekend, when the town hall is closed. */
const WEEKEND_WEIGHT = 0.35;

function pick<T>(random: () => number, options: readonly T[], weights: Weights): T {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let threshold = random() * total;
  for (let index = 0; index < options.length; index += 1) {
    threshold -= weights[index] ?? 0;
    if (threshold < 0) return options[index] as T;
  }
  return options[options.length - 1] as T;
}

/** A UUID v4 from the generator, so ids are deterministic yet shaped like real row ids. */
function syntheticId(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (Math.floor(random() * 4) + 8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** Generated demo rows, sorted by day, all `synthetic: true`. */
export function generateSyntheticSurveyRows(options: SyntheticSurveyOptions): SurveyResponse[] {
  const { count, from, seed } = options;
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT)
    throw new RangeError(`count must be a whole number from 0 to ${MAX_COUNT}`);
  if (!isCalendarDay(from)) throw new RangeError('from must be YYYY-MM-DD');
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a number');

  const random = seededRandom(seed);
  const dayWeights = Array.from({ length: DAYS_IN_SPREAD }, (_unused, index) => {
    const weekday = dayOfWeek(addDays(from, index));
    return weekday === 0 || weekday === 6 ? WEEKEND_WEIGHT : 1;
  });
  const dayOffsets = dayWeights.map((_weight, index) => index);
  const days = Array.from({ length: count }, () => addDays(from, pick(random, dayOffsets, dayWeights))).sort();

  return days.map((day, index) => {
    const outcome: SurveyedOutcome = random() < ESCALATED_SHARE ? 'escalated' : 'resolved';
    const answers: SurveyAnswers = {};

    if (random() < ANSWER_RATE.awareness) {
      const progress = (Date.parse(day) - Date.parse(from)) / (DAYS_IN_SPREAD * 86_400_000);
      const weights = AWARENESS_AT_START.map((start, code) => start + ((AWARENESS_AFTER_A_YEAR[code] ?? start) - start) * progress);
      answers.awareness = pick(random, SURVEY_ANSWER_CODES.awareness, weights);
    }
    if (random() < ANSWER_RATE.satisfaction) {
      answers.satisfaction = pick(
        random,
        SURVEY_ANSWER_CODES.satisfaction,
        outcome === 'resolved' ? SATISFACTION_WHEN_RESOLVED : SATISFACTION_WHEN_ESCALATED,
      );
    }

    // The bot rotates the third question per conversation; rows are in conversation order.
    const rotating = ROTATING_SURVEY_QUESTIONS[index % ROTATING_SURVEY_QUESTIONS.length];
    const age = pick(random, SURVEY_ANSWER_CODES.ageBracket, AGE_BRACKETS);
    if (random() < ANSWER_RATE.rotating) {
      if (rotating === 'appointmentPreference') {
        answers.appointmentPreference = pick(random, SURVEY_ANSWER_CODES.appointmentPreference, APPOINTMENT_PREFERENCE);
      } else if (rotating === 'bookingChannel') {
        answers.bookingChannel = pick<BookingChannelCode>(random, SURVEY_ANSWER_CODES.bookingChannel, BOOKING_CHANNEL_BY_AGE[age]);
        if (random() < ANSWER_RATE.ageWithBooking) answers.ageBracket = age;
      } else {
        answers.ageBracket = age;
      }
    }

    return {
      id: syntheticId(random),
      day,
      questionnaireVersion: SURVEY_QUESTIONNAIRE_VERSION,
      channel: pick(random, CHANNELS, CHANNEL_WEIGHTS),
      outcome,
      answers,
      synthetic: true,
    };
  });
}
