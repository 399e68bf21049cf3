import { describe, expect, it } from 'vitest';
import { loadMunicipalityData } from '../../../services/municipality/municipalityData.js';
import {
  counterHoursAt,
  finalOutcome,
  markingOpeningHours,
  strongerOutcome,
  type OutcomeMarkerState,
} from '../../../services/survey/outcomeMarks.js';
import type { ConversationOutcome, OpeningHoursFlag } from '../../../services/survey/surveyResponse.js';
import { memoryOutcomeStore } from '../../../stores/survey/embeddedOutcomeStore.js';

const { municipality } = loadMunicipalityData();

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

describe('counterHoursAt', () => {
  it.each([
    ['2026-03-09T09:00:00Z', 'inside', 'Monday 10:00 in winter'],
    ['2026-03-09T07:29:00Z', 'outside', 'Monday 08:29, before the counter opens'],
    ['2026-03-09T11:30:00Z', 'outside', 'Monday 12:30, over lunch'],
    ['2026-03-12T17:00:00Z', 'inside', 'Thursday 18:00, the late opening'],
    ['2026-03-08T09:00:00Z', 'outside', 'a Sunday'],
    ['2026-04-06T08:00:00Z', 'outside', 'Easter Monday 10:00, a public holiday'],
    ['2026-03-19T08:00:00Z', 'outside', '19 March 09:00, the counter opens late (staff training)'],
    ['2026-03-19T10:00:00Z', 'inside', '19 March 11:00, after the training'],
    ['2026-07-06T08:00:00Z', 'inside', 'Monday 10:00 in summer time'],
    ['2026-07-06T06:00:00Z', 'outside', 'Monday 08:00 in summer time'],
  ] as const)('%s is %s (%s)', (instant, expected, _what) => {
    expect(counterHoursAt(municipality, new Date(instant))).toBe(expected);
  });
});

describe('markingOpeningHours', () => {
  it("gives each mark the flag of its moment, and the conversation keeps its first mark's", async () => {
    let now = new Date('2026-03-09T21:00:00Z');
    const store = memoryOutcomeStore({ now: () => now });
    let flag: OpeningHoursFlag = 'outside';
    const marking = markingOpeningHours(store, () => flag);
    await marking.start({ day: '2026-03-09', channel: 'webchat', conversationKey: 'late' });
    flag = 'inside';
    await marking.record({ day: '2026-03-09', channel: 'webchat', conversationKey: 'late', outcome: 'resolved' });
    await marking.record({ day: '2026-03-09', channel: 'webchat', conversationKey: 'day', outcome: 'escalated' });
    now = new Date('2026-03-12T10:00:00Z'); // the 9th is closed
    const counts = await store.counts({ from: '2026-03-09', to: '2026-03-09' });
    expect(counts).toEqual(
      expect.arrayContaining([
        { day: '2026-03-09', channel: 'webchat', outcome: 'resolved', count: 1, openingHours: 'outside' },
        { day: '2026-03-09', channel: 'webchat', outcome: 'escalated', count: 1, openingHours: 'inside' },
      ]),
    );
    expect(counts).toHaveLength(2);
  });
});
