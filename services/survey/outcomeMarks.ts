/**
 * The marks a conversation leaves in the outcome counts, written once for every store. How its
 * outcome may change: a conversation counts once, and escalated wins over resolved (once handed to
 * staff, it stays escalated); a started conversation that reaches neither counts as abandoned.
 * And whether it started outside the counter's opening hours, for the dashboard's share of
 * conversations outside the hours: only a flag per conversation is kept, never a time of day.
 */
import { closuresOf, isOpenAt } from '../municipality/openingHours.js';
import type { Municipality } from '../municipality/municipalityData.js';
import type { OutcomeStore } from '../../stores/survey/surveyStores.js';
import type { ConversationOutcome, OpeningHoursFlag, SurveyedOutcome } from './surveyResponse.js';

/** What a store remembers of a conversation while its day is open. */
export type OutcomeMarkerState = 'started' | SurveyedOutcome;

export const OUTCOME_MARKER_STATES: readonly OutcomeMarkerState[] = ['started', 'resolved', 'escalated'];

const RANK: Record<OutcomeMarkerState, number> = { started: 0, resolved: 1, escalated: 2 };

/** The state that stands after `next` is recorded on a conversation in state `current`. */
export function strongerOutcome(current: OutcomeMarkerState, next: OutcomeMarkerState): OutcomeMarkerState {
  return RANK[next] > RANK[current] ? next : current;
}

/** What a state counts as once the day is closed. */
export function finalOutcome(state: OutcomeMarkerState): ConversationOutcome {
  return state === 'started' ? 'abandoned' : state;
}

/** `inside` while the counter (`loket`) is open at `at`; `outside` after hours, on closed days, holidays and closing days. */
export function counterHoursAt(municipality: Municipality, at: Date): OpeningHoursFlag {
  return isOpenAt(municipality.openingHours, closuresOf(municipality), 'loket', at) ? 'inside' : 'outside';
}

type ConversationMarking = Pick<OutcomeStore, 'start' | 'record'>;

/**
 * The outcome store's marking, each mark carrying the opening-hours flag of its moment (`hoursNow`);
 * the store keeps the flag of a conversation's first mark, so it says when the conversation started.
 */
export function markingOpeningHours(outcomes: ConversationMarking, hoursNow: () => OpeningHoursFlag): ConversationMarking {
  return {
    start: (mark) => outcomes.start({ openingHours: hoursNow(), ...mark }),
    record: (record) => outcomes.record({ openingHours: hoursNow(), ...record }),
  };
}
