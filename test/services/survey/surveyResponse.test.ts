import { describe, expect, it } from 'vitest';
import {
  InvalidSurveyRowError,
  checkSurveyResponse,
  newSurveyResponseId,
  toConversationOutcomeCount,
  toSurveyResponse,
} from '../../../services/survey/surveyResponse.js';

const validRow = () => ({
  id: '3f2b8c1e-9a4d-4e2f-b6a1-0c9d8e7f6a5b',
  day: '2026-03-14',
  questionnaireVersion: 1,
  channel: 'webchat',
  outcome: 'resolved',
  answers: { awareness: 'unaware', satisfaction: 4, bookingChannel: 'phone', ageBracket: '65+' },
});

function problemsOf(input: unknown): string[] {
  const checked = checkSurveyResponse(input);
  return checked.ok ? [] : checked.problems;
}

describe('toSurveyResponse', () => {
  it('accepts a complete row and returns a copy', () => {
    const input = validRow();
    const row = toSurveyResponse(input);
    expect(row).toEqual(input);
    expect(row).not.toBe(input);
    expect(row.answers).not.toBe(input.answers);
  });

  it('accepts skipped questions, an empty answer set and synthetic: true', () => {
    expect(toSurveyResponse({ ...validRow(), answers: {} }).answers).toEqual({});
    expect(toSurveyResponse({ ...validRow(), outcome: 'escalated', synthetic: true }).synthetic).toBe(true);
  });

  it.each(['userId', 'conversationId', 'time', 'timestamp', 'name', 'phone', 'email', 'text', 'comment'])(
    'rejects a row carrying %s',
    (field) => {
      expect(() => toSurveyResponse({ ...validRow(), [field]: 'x' })).toThrow(InvalidSurveyRowError);
    },
  );

  it.each([
    ['an unknown question', { freeText: 'Ik ben Jan' }],
    ['an unknown awareness code', { awareness: 'maybe' }],
    ['a satisfaction of 6', { satisfaction: 6 }],
    ['a satisfaction of 0', { satisfaction: 0 }],
    ['a satisfaction as text', { satisfaction: '5' }],
    ['an unknown age bracket', { ageBracket: '65-plus' }],
    ['a booking channel code in the wrong question', { appointmentPreference: 'phone' }],
  ])('rejects %s', (_label, answers) => {
    expect(problemsOf({ ...validRow(), answers })).not.toEqual([]);
  });

  it.each([
    ['an id derived from a conversation', { id: 'conv-8a7f|user-12' }],
    ['a non-v4 uuid', { id: '3f2b8c1e-9a4d-1e2f-b6a1-0c9d8e7f6a5b' }],
    ['an impossible day', { day: '2026-02-30' }],
    ['a time of day', { day: '2026-03-14T09:31:00' }],
    ['an unknown questionnaire version', { questionnaireVersion: 99 }],
    ['an abandoned outcome (never surveyed)', { outcome: 'abandoned' }],
    ['synthetic: false', { synthetic: false }],
    ['a channel that looks like free text', { channel: 'Jan Peeters 0471 12 34 56' }],
    ['answers that are not an object', { answers: ['used'] }],
  ])('rejects %s', (_label, change) => {
    expect(problemsOf({ ...validRow(), ...change })).not.toEqual([]);
  });

  it('rejects what is not a plain object', () => {
    for (const input of [null, 'row', 42, [validRow()], new Date()]) expect(problemsOf(input)).toEqual(['not an object']);
  });

  it('never repeats the rejected value in its error (it may be personal data)', () => {
    const phone = '+32 471 12 34 56';
    try {
      toSurveyResponse({ ...validRow(), channel: phone, answers: { awareness: phone } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidSurveyRowError);
      expect((error as InvalidSurveyRowError).code).toBe('SURVEY_ROW_INVALID');
      expect((error as Error).message).not.toContain('471');
      expect((error as InvalidSurveyRowError).problems).toHaveLength(2);
    }
  });

  it('newSurveyResponseId gives fresh ids the validator accepts', () => {
    const first = newSurveyResponseId();
    const second = newSurveyResponseId();
    expect(first).not.toBe(second);
    expect(() => toSurveyResponse({ ...validRow(), id: first })).not.toThrow();
  });
});

describe('toConversationOutcomeCount', () => {
  const valid = { day: '2026-03-14', channel: 'sms', outcome: 'abandoned', count: 3 };

  it('accepts all three outcomes, abandoned included', () => {
    expect(toConversationOutcomeCount(valid)).toEqual(valid);
    expect(toConversationOutcomeCount({ ...valid, outcome: 'escalated', count: 0 }).count).toBe(0);
  });

  it.each([
    ['a negative count', { count: -1 }],
    ['a fractional count', { count: 1.5 }],
    ['an unknown outcome', { outcome: 'lost' }],
    ['an extra field', { conversationId: 'abc' }],
    ['a bad day', { day: '14/03/2026' }],
  ])('rejects %s', (_label, change) => {
    expect(() => toConversationOutcomeCount({ ...valid, ...change })).toThrow(InvalidSurveyRowError);
  });
});
