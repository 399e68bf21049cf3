/**
 * Whether a conversation started outside the counter's opening hours, for the dashboard's share
 * of conversations outside the hours. Only a flag per conversation is kept, never a time of day.
 */
import { closuresOf, isOpenAt } from '../municipality/openingHours.js';
import type { Municipality } from '../municipality/municipalityData.js';
import type { OutcomeStore } from '../../stores/survey/surveyStores.js';
import type { OpeningHoursFlag } from './surveyResponse.js';

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
