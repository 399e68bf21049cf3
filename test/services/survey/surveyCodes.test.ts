import { describe, expect, it } from 'vitest';
import {
  AGE_BRACKET_CODES,
  APPOINTMENT_PREFERENCE_CODES,
  AWARENESS_CODES,
  BOOKING_CHANNEL_CODES,
  ROTATING_SURVEY_QUESTIONS,
  SATISFACTION_CODES,
  SURVEY_ANSWER_CODES,
  SURVEY_QUESTIONNAIRE_VERSION,
  SURVEY_QUESTIONS,
  isSurveyAnswerCode,
  isSurveyQuestion,
  isSurveyQuestionnaireVersion,
} from '../../../services/survey/surveyCodes.js';

describe('survey codes', () => {
  // Copied from docs/contract/http.md: answering with an option's number depends on this order.
  it('lists the contract codes in the contract order', () => {
    expect(SURVEY_QUESTIONS).toEqual(['awareness', 'satisfaction', 'appointmentPreference', 'bookingChannel', 'ageBracket']);
    expect(AWARENESS_CODES).toEqual(['used', 'awareNotUsed', 'unaware']);
    expect(SATISFACTION_CODES).toEqual([1, 2, 3, 4, 5]);
    expect(APPOINTMENT_PREFERENCE_CODES).toEqual(['appointment', 'indifferent', 'walkIn']);
    expect(BOOKING_CHANNEL_CODES).toEqual(['online', 'phone', 'counter', 'chat']);
    expect(AGE_BRACKET_CODES).toEqual(['18-34', '35-49', '50-64', '65+']);
    expect(ROTATING_SURVEY_QUESTIONS).toEqual(['appointmentPreference', 'bookingChannel', 'ageBracket']);
    expect(Object.keys(SURVEY_ANSWER_CODES)).toEqual([...SURVEY_QUESTIONS]);
  });

  it('the current questionnaire version is one a stored row may carry', () => {
    expect(isSurveyQuestionnaireVersion(SURVEY_QUESTIONNAIRE_VERSION)).toBe(true);
    expect(isSurveyQuestionnaireVersion(SURVEY_QUESTIONNAIRE_VERSION + 1)).toBe(false);
  });

  it('guards accept exactly the codes, case and type included', () => {
    expect(isSurveyAnswerCode('awareness', 'awareNotUsed')).toBe(true);
    expect(isSurveyAnswerCode('awareness', 'awarenotused')).toBe(false);
    expect(isSurveyAnswerCode('satisfaction', 5)).toBe(true);
    expect(isSurveyAnswerCode('satisfaction', '5')).toBe(false);
    expect(isSurveyAnswerCode('satisfaction', 0)).toBe(false);
    expect(isSurveyAnswerCode('satisfaction', 4.5)).toBe(false);
    expect(isSurveyAnswerCode('ageBracket', '65+')).toBe(true);
    expect(isSurveyAnswerCode('ageBracket', '65')).toBe(false);
    expect(isSurveyQuestion('ageBracket')).toBe(true);
    expect(isSurveyQuestion('name')).toBe(false);
    expect(isSurveyAnswerCode('bookingChannel', 'phone')).toBe(true);
    expect(isSurveyAnswerCode('appointmentPreference', 'phone')).toBe(false);
  });
});
