import { describe, expect, it } from 'vitest';
import { finalOutcome, strongerOutcome, type OutcomeMarkerState } from '../../../services/survey/outcomeRules.js';
import type { ConversationOutcome } from '../../../services/survey/surveyResponse.js';

describe('strongerOutcome: escalated wins over resolved, both over started', () => {
  const cases: Array<[OutcomeMarkerState, OutcomeMarkerState, OutcomeMarkerState]> = [
    ['started', 'started', 'started'],
    ['started', 'resolved', 'resolved'],
    ['started', 'escalated', 'escalated'],
    ['resolved', 'started', 'resolved'],
    ['resolved', 'resolved', 'resolved'],
    ['resolved', 'escalated', 'escalated'],
    ['escalated', 'started', 'escalated'],
    ['escalated', 'resolved', 'escalated'],
    ['escalated', 'escalated', 'escalated'],
  ];
  it.each(cases)('%s, then %s → %s', (current, next, expected) => {
    expect(strongerOutcome(current, next)).toBe(expected);
  });
});

describe('finalOutcome', () => {
  const cases: Array<[OutcomeMarkerState, ConversationOutcome]> = [
    ['started', 'abandoned'],
    ['resolved', 'resolved'],
    ['escalated', 'escalated'],
  ];
  it.each(cases)('%s counts as %s', (state, expected) => {
    expect(finalOutcome(state)).toBe(expected);
  });
});
