/**
 * One stored survey answer set, and the daily conversation outcome counts.
 *
 * Anonymous by construction: a row holds the day, the channel kind, the outcome and the
 * answer codes, nothing else. No user or conversation id (the row id is random), no time of
 * day (it would let someone match a row to a conversation log), no name, phone or free text.
 * `toSurveyResponse` is the gate every row passes before it is stored or read back.
 */
import {
  isSurveyAnswerCode,
  isSurveyQuestion,
  isSurveyQuestionnaireVersion,
  type SurveyAnswerCodes,
  type SurveyQuestionnaireVersion,
} from './surveyCodes.js';
import { isCalendarDay } from '../brusselsTime.js';
import { CodedError } from '../errorCatalogue.js';

const SURVEYED_OUTCOMES = ['resolved', 'escalated'] as const;
/** How the surveyed conversation ended; abandoned conversations never reach the survey. */
export type SurveyedOutcome = (typeof SURVEYED_OUTCOMES)[number];

export const CONVERSATION_OUTCOMES = ['resolved', 'escalated', 'abandoned'] as const;
/** resolved by the bot, escalated = handed to phone staff, abandoned = left without an end. */
export type ConversationOutcome = (typeof CONVERSATION_OUTCOMES)[number];

/** Answers given; a skipped question is absent. */
export type SurveyAnswers = Partial<SurveyAnswerCodes>;

export interface SurveyResponse {
  /** Random (UUID v4), never derived from a user or conversation. */
  id: string;
  /** Calendar day in Europe/Brussels, YYYY-MM-DD. */
  day: string;
  questionnaireVersion: SurveyQuestionnaireVersion;
  /** Bot Framework channel id (webchat, sms, …): a kind of channel, not an address. */
  channel: string;
  outcome: SurveyedOutcome;
  answers: SurveyAnswers;
  /** Present only on generated demo rows. */
  synthetic?: true;
}

const OPENING_HOURS_FLAGS = ['inside', 'outside'] as const;
/** Whether a conversation started inside or outside the counter's opening hours (holidays and closing days count as closed). */
export type OpeningHoursFlag = (typeof OPENING_HOURS_FLAGS)[number];

/** Conversations that ended with `outcome` on `day` on `channel`. */
export interface ConversationOutcomeCount {
  day: string;
  channel: string;
  outcome: ConversationOutcome;
  count: number;
  /** When they started; absent for conversations counted before this was recorded (unknown, never "inside"). */
  openingHours?: OpeningHoursFlag;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Channel ids are short lowercase tokens; anything longer or with spaces may be free text. */
const CHANNEL_ID = /^[a-z][a-z0-9_.-]{0,31}$/;

const RESPONSE_KEYS = new Set(['id', 'day', 'questionnaireVersion', 'channel', 'outcome', 'answers', 'synthetic']);
const OUTCOME_COUNT_KEYS = new Set(['day', 'channel', 'outcome', 'count', 'openingHours']);

/** A row that does not have exactly the stored shape; `problems` name fields, never values. */
export class InvalidSurveyRowError extends CodedError {
  constructor(readonly problems: readonly string[]) {
    super('SURVEY_ROW_INVALID', `invalid survey row: ${problems.join('; ')}`);
  }
}

export type SurveyRowCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * A fresh random row id, from the Web Crypto global rather than node:crypto: the dashboard's scripts
 * type-check against this file's types (web/tsconfig.json), without Node's.
 */
export function newSurveyResponseId(): string {
  return crypto.randomUUID();
}

function isSurveyedOutcome(value: unknown): value is SurveyedOutcome {
  return (SURVEYED_OUTCOMES as readonly unknown[]).includes(value);
}

function isConversationOutcome(value: unknown): value is ConversationOutcome {
  return (CONVERSATION_OUTCOMES as readonly unknown[]).includes(value);
}

function isOpeningHoursFlag(value: unknown): value is OpeningHoursFlag {
  return (OPENING_HOURS_FLAGS as readonly unknown[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Problem texts name the field only: the rejected value may be exactly the personal data we refuse.
function unknownKeys(input: Record<string, unknown>, allowed: Set<string>, where: string): string[] {
  return Object.keys(input)
    .filter((key) => !allowed.has(key))
    .map((key) => `${where}unknown field ${JSON.stringify(key.slice(0, 40))}`);
}

/** Checks `input` against the stored row shape; returns a fresh copy with only known fields. */
export function checkSurveyResponse(input: unknown): SurveyRowCheck<SurveyResponse> {
  if (!isPlainObject(input)) return { ok: false, problems: ['not an object'] };
  const problems = unknownKeys(input, RESPONSE_KEYS, '');
  if (typeof input.id !== 'string' || !UUID_V4.test(input.id)) problems.push('id must be a random UUID v4');
  if (!isCalendarDay(input.day)) problems.push('day must be YYYY-MM-DD');
  if (!isSurveyQuestionnaireVersion(input.questionnaireVersion)) problems.push('questionnaireVersion unknown');
  if (typeof input.channel !== 'string' || !CHANNEL_ID.test(input.channel)) problems.push('channel must be a channel id');
  if (!isSurveyedOutcome(input.outcome)) problems.push('outcome must be resolved or escalated');
  if ('synthetic' in input && input.synthetic !== true) problems.push('synthetic may only be true');

  const answers: SurveyAnswers = {};
  if (!isPlainObject(input.answers)) {
    problems.push('answers must be an object');
  } else {
    for (const [question, code] of Object.entries(input.answers)) {
      if (!isSurveyQuestion(question)) {
        problems.push(`answers: unknown question ${JSON.stringify(question.slice(0, 40))}`);
      } else if (!isSurveyAnswerCode(question, code)) {
        problems.push(`answers.${question}: unknown code`);
      } else {
        (answers as Record<string, unknown>)[question] = code;
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const value: SurveyResponse = {
    id: input.id as string,
    day: input.day as string,
    questionnaireVersion: input.questionnaireVersion as SurveyQuestionnaireVersion,
    channel: input.channel as string,
    outcome: input.outcome as SurveyedOutcome,
    answers,
  };
  if (input.synthetic === true) value.synthetic = true;
  return { ok: true, value };
}

/** The stored row for `input`, or throws InvalidSurveyRowError (unknown fields, unknown codes, bad values). */
export function toSurveyResponse(input: unknown): SurveyResponse {
  const checked = checkSurveyResponse(input);
  if (!checked.ok) throw new InvalidSurveyRowError(checked.problems);
  return checked.value;
}

/** Checks `input` against the outcome count shape. */
function checkConversationOutcomeCount(input: unknown): SurveyRowCheck<ConversationOutcomeCount> {
  if (!isPlainObject(input)) return { ok: false, problems: ['not an object'] };
  const problems = unknownKeys(input, OUTCOME_COUNT_KEYS, '');
  if (!isCalendarDay(input.day)) problems.push('day must be YYYY-MM-DD');
  if (typeof input.channel !== 'string' || !CHANNEL_ID.test(input.channel)) problems.push('channel must be a channel id');
  if (!isConversationOutcome(input.outcome)) problems.push('outcome must be resolved, escalated or abandoned');
  if (typeof input.count !== 'number' || !Number.isSafeInteger(input.count) || input.count < 0) {
    problems.push('count must be a whole number from 0');
  }
  if (input.openingHours !== undefined && !isOpeningHoursFlag(input.openingHours)) problems.push('openingHours must be inside or outside');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      day: input.day as string,
      channel: input.channel as string,
      outcome: input.outcome as ConversationOutcome,
      count: input.count as number,
      ...(isOpeningHoursFlag(input.openingHours) ? { openingHours: input.openingHours } : {}),
    },
  };
}

/** The outcome count for `input`, or throws InvalidSurveyRowError. */
export function toConversationOutcomeCount(input: unknown): ConversationOutcomeCount {
  const checked = checkConversationOutcomeCount(input);
  if (!checked.ok) throw new InvalidSurveyRowError(checked.problems);
  return checked.value;
}
