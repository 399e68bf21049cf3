/**
 * Survey questions and answer codes from docs/contract/http.md ("Survey answers").
 * The order is the order in which options are offered: a resident may answer with an
 * option's number, so reordering a table changes what "2" means. Extend, never rename.
 */

/**
 * Bumped whenever a question's wording or options change, so figures stay comparable. 2: the satisfaction
 * options say "tevreden" as the question does, and the booking channel offers `chat`.
 */
export const SURVEY_QUESTIONNAIRE_VERSION = 2;
/** Versions a stored row may carry. */
const SURVEY_QUESTIONNAIRE_VERSIONS = [1, 2] as const;
export type SurveyQuestionnaireVersion = (typeof SURVEY_QUESTIONNAIRE_VERSIONS)[number];

export const SURVEY_QUESTIONS = ['awareness', 'satisfaction', 'appointmentPreference', 'bookingChannel', 'ageBracket'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

/** The third question of a conversation rotates over these. */
export const ROTATING_SURVEY_QUESTIONS = ['appointmentPreference', 'bookingChannel', 'ageBracket'] as const;
export type RotatingSurveyQuestion = (typeof ROTATING_SURVEY_QUESTIONS)[number];

/** Did you know this can be done online via the digitaal thuisloket? */
export const AWARENESS_CODES = ['used', 'awareNotUsed', 'unaware'] as const;
export type AwarenessCode = (typeof AWARENESS_CODES)[number];

/** How satisfied are you with this conversation? 5 = very satisfied. */
export const SATISFACTION_CODES = [1, 2, 3, 4, 5] as const;
export type SatisfactionCode = (typeof SATISFACTION_CODES)[number];

export const APPOINTMENT_PREFERENCE_CODES = ['appointment', 'indifferent', 'walkIn'] as const;
export type AppointmentPreferenceCode = (typeof APPOINTMENT_PREFERENCE_CODES)[number];

/** How do you prefer to book an appointment? `chat`: in a chat, by SMS or WhatsApp (added in version 2, so last). */
export const BOOKING_CHANNEL_CODES = ['online', 'phone', 'counter', 'chat'] as const;
export type BookingChannelCode = (typeof BOOKING_CHANNEL_CODES)[number];

export const AGE_BRACKET_CODES = ['18-34', '35-49', '50-64', '65+'] as const;
export type AgeBracketCode = (typeof AGE_BRACKET_CODES)[number];

/** Every question's codes, keyed by question, in contract order. */
export const SURVEY_ANSWER_CODES = {
  awareness: AWARENESS_CODES,
  satisfaction: SATISFACTION_CODES,
  appointmentPreference: APPOINTMENT_PREFERENCE_CODES,
  bookingChannel: BOOKING_CHANNEL_CODES,
  ageBracket: AGE_BRACKET_CODES,
} as const satisfies Record<SurveyQuestion, readonly (string | number)[]>;

/** The answer code type of each question. */
export interface SurveyAnswerCodes {
  awareness: AwarenessCode;
  satisfaction: SatisfactionCode;
  appointmentPreference: AppointmentPreferenceCode;
  bookingChannel: BookingChannelCode;
  ageBracket: AgeBracketCode;
}

function isOneOf<T extends string | number>(table: readonly T[], value: unknown): value is T {
  return (table as readonly unknown[]).includes(value);
}

export function isSurveyQuestion(value: unknown): value is SurveyQuestion {
  return isOneOf(SURVEY_QUESTIONS, value);
}
export function isSurveyQuestionnaireVersion(value: unknown): value is SurveyQuestionnaireVersion {
  return isOneOf(SURVEY_QUESTIONNAIRE_VERSIONS, value);
}
/** Whether `value` is one of `question`'s codes, type included: satisfaction takes the numbers 1 to 5 only (the dialog turns "4" or "vier" into a number before storing). */
export function isSurveyAnswerCode<Q extends SurveyQuestion>(question: Q, value: unknown): value is SurveyAnswerCodes[Q] {
  return isOneOf(SURVEY_ANSWER_CODES[question] as readonly (string | number)[], value);
}
