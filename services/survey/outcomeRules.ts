/**
 * How a conversation's outcome may change, written once for every store: a conversation counts
 * once, and escalated wins over resolved (once handed to staff, it stays escalated); a started
 * conversation that reaches neither counts as abandoned. Pure.
 */
import type { ConversationOutcome, SurveyedOutcome } from './surveyResponse.js';

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
