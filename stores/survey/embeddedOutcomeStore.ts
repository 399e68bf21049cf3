/**
 * OutcomeStore on one DurableDocument. How "abandoned" is counted without keeping
 * conversation ids (see README, "Conversation outcomes"):
 *
 * - Each day that has conversations gets an open bucket with a random salt. A conversation is
 *   kept there only as HMAC(salt, conversationKey) → { channel, state }.
 * - start() adds the marker as "started"; record() raises it to resolved or escalated
 *   (escalated wins). A record() without start() adds the marker directly.
 * - A day is closed once the day after it is over too (so a conversation running past midnight
 *   still finds its marker): its markers become counts per channel and outcome, "started" ones as
 *   abandoned, and the bucket with its salt is deleted. Only counts remain.
 */
import { randomBytes } from 'node:crypto';
import type { DurableDocument } from '../embedded/durableDocument.js';
import { brusselsDay, daysBetween } from '../../services/calendarDay.js';
import { markerHash } from './requestMarkers.js';
import type { ConversationMark, OutcomeStore } from './surveyStores.js';
import {
  toConversationOutcomeCount,
  type ConversationOutcome,
  type ConversationOutcomeCount,
  type SurveyedOutcome,
} from '../../services/survey/surveyResponse.js';

type MarkerState = 'started' | SurveyedOutcome;

export interface OpenOutcomeDay {
  day: string;
  salt: string;
  conversations: Record<string, { channel: string; state: MarkerState }>;
}

export interface OutcomeDocument {
  /** Closed days only: one row per day, channel and outcome. */
  counts: ConversationOutcomeCount[];
  openDays: OpenOutcomeDay[];
}

export const OUTCOME_DOCUMENT_NAME = 'conversationOutcomes';
export const EMPTY_OUTCOME_DOCUMENT: OutcomeDocument = { counts: [], openDays: [] };

/** A day is closed when this many days have passed since it (2: the day after it is over too). */
export const CLOSE_AFTER_DAYS = 2;

const RANK: Record<MarkerState, number> = { started: 0, resolved: 1, escalated: 2 };
const FINAL: Record<MarkerState, ConversationOutcome> = { started: 'abandoned', resolved: 'resolved', escalated: 'escalated' };

/** Turns finished open days into counts (in place). */
export function closeFinishedDays(draft: OutcomeDocument, today: string): void {
  const stillOpen: OpenOutcomeDay[] = [];
  for (const open of draft.openDays) {
    if (daysBetween(open.day, today) < CLOSE_AFTER_DAYS) {
      stillOpen.push(open);
      continue;
    }
    const counted = new Map<string, ConversationOutcomeCount>();
    for (const { channel, state } of Object.values(open.conversations)) {
      const outcome = FINAL[state];
      const key = `${channel}\u0000${outcome}`;
      const count = counted.get(key) ?? { day: open.day, channel, outcome, count: 0 };
      count.count += 1;
      counted.set(key, count);
    }
    for (const count of counted.values()) addCount(draft.counts, count);
  }
  draft.openDays = stillOpen;
}

function addCount(counts: ConversationOutcomeCount[], add: ConversationOutcomeCount): void {
  const existing = counts.find((count) => count.day === add.day && count.channel === add.channel && count.outcome === add.outcome);
  if (existing) existing.count += add.count;
  else counts.push(add);
}

function findMarker(draft: OutcomeDocument, conversationKey: string) {
  for (const open of draft.openDays) {
    const hash = markerHash(open.salt, conversationKey);
    const marker = open.conversations[hash];
    if (marker) return marker;
  }
  return undefined;
}

function openDay(draft: OutcomeDocument, day: string): OpenOutcomeDay {
  let open = draft.openDays.find((candidate) => candidate.day === day);
  if (!open) {
    open = { day, salt: randomBytes(16).toString('base64url'), conversations: {} };
    draft.openDays.push(open);
  }
  return open;
}

function mark(draft: OutcomeDocument, { day, channel, conversationKey }: ConversationMark, state: MarkerState): MarkerState {
  const existing = findMarker(draft, conversationKey);
  if (existing) {
    if (RANK[state] > RANK[existing.state]) existing.state = state;
    return existing.state;
  }
  const open = openDay(draft, day);
  open.conversations[markerHash(open.salt, conversationKey)] = { channel, state };
  return state;
}

function checkMark(markToCheck: ConversationMark): void {
  // The same validator as stored counts: a day and a channel id, never free text.
  toConversationOutcomeCount({ day: markToCheck.day, channel: markToCheck.channel, outcome: 'resolved', count: 0 });
  if (typeof markToCheck.conversationKey !== 'string' || markToCheck.conversationKey === '') {
    throw new RangeError('conversationKey is required');
  }
}

export function createEmbeddedOutcomeStore(document: DurableDocument<OutcomeDocument>, options: { now: () => Date }): OutcomeStore {
  const today = () => brusselsDay(options.now());
  return {
    async start(conversation) {
      checkMark(conversation);
      await document.update((draft) => {
        closeFinishedDays(draft, today());
        mark(draft, conversation, 'started');
      });
    },

    async record({ outcome, ...conversation }) {
      checkMark(conversation);
      const state = await document.update((draft) => {
        closeFinishedDays(draft, today());
        return mark(draft, conversation, outcome);
      });
      return FINAL[state];
    },

    async counts({ from, to }) {
      const current = today();
      // Close what is due first; the update writes only when a day was actually closed.
      if (document.read().openDays.some((open) => daysBetween(open.day, current) >= CLOSE_AFTER_DAYS)) {
        await document.update((draft) => closeFinishedDays(draft, current));
      }
      return document
        .read()
        .counts.filter((count) => count.day >= from && count.day <= to)
        .map((count) => toConversationOutcomeCount(count))
        .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    },
  };
}
