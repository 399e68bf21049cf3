/**
 * OutcomeStore on two embedded documents. How "abandoned" is counted without keeping
 * conversation ids (see README, "Conversation outcomes"):
 *
 * - Each day that has conversations gets an open bucket with a random salt, in
 *   `conversationOutcomes.json`. A conversation is kept there only as HMAC(salt, conversationKey)
 *   → { channel, state }. That document holds the open days only (today, yesterday), so a
 *   conversation's write costs the same after a year as on the first day.
 * - start() adds the marker as "started"; record() raises it with `strongerOutcome` (escalated
 *   wins, services/survey/outcomeMarks.ts). A record() without start() adds the marker directly.
 * - A day is closed once the day after it is over too (so a conversation running past midnight
 *   still finds its marker): its markers become counts per channel and outcome in
 *   `outcomeCounts.json`, "started" ones as abandoned, and the bucket with its salt is deleted.
 *   The counts document remembers a hash of each closed bucket's salt for a week, so a crash
 *   between the two writes never counts a day twice.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DurableDocument } from '../embedded/durableDocument.js';
import { memoryDocument } from '../embedded/durableDocument.js';
import { markerHash } from './requestMarkers.js';
import type { ConversationMark, OutcomeStore } from './surveyStores.js';
import { finalOutcome, strongerOutcome, type OutcomeMarkerState } from '../../services/survey/outcomeMarks.js';
import { toConversationOutcomeCount, type ConversationOutcomeCount, type OpeningHoursFlag } from '../../services/survey/surveyResponse.js';
import { brusselsDay, daysBetween } from '../../services/brusselsTime.js';

interface OpenOutcomeDay {
  day: string;
  salt: string;
  /** `openingHours` absent: marked before the flag was recorded, counted as unknown. */
  conversations: Record<string, { channel: string; state: OutcomeMarkerState; openingHours?: OpeningHoursFlag }>;
}

export interface OpenOutcomeDocument {
  openDays: OpenOutcomeDay[];
  /** The first format kept the closed days' counts here too: moved to `outcomeCounts.json` at start-up, empty since. */
  counts: ConversationOutcomeCount[];
}

export interface OutcomeCountsDocument {
  /** Closed days only: one row per day, channel and outcome. */
  counts: ConversationOutcomeCount[];
  /** Hashes of the salts of recently closed buckets, so no bucket is counted twice. */
  closedBuckets: { id: string; day: string }[];
}

export const OUTCOME_DOCUMENT_NAME = 'conversationOutcomes';
export const OUTCOME_COUNTS_DOCUMENT_NAME = 'outcomeCounts';
export const EMPTY_OUTCOME_DOCUMENT: OpenOutcomeDocument = { openDays: [], counts: [] };
export const EMPTY_OUTCOME_COUNTS_DOCUMENT: OutcomeCountsDocument = { counts: [], closedBuckets: [] };

/** A day is closed when this many days have passed since it (2: the day after it is over too). */
export const CLOSE_AFTER_DAYS = 2;
/** Closed buckets are remembered this long: far past the next start-up after a crash. */
const REMEMBER_CLOSED_DAYS = 7;

export interface OutcomeDocuments {
  open: DurableDocument<OpenOutcomeDocument>;
  counts: DurableDocument<OutcomeCountsDocument>;
}

/** The counts of one open day's markers. Pure. */
function countOpenDay(open: OpenOutcomeDay): ConversationOutcomeCount[] {
  const counted = new Map<string, ConversationOutcomeCount>();
  for (const { channel, state, openingHours } of Object.values(open.conversations)) {
    const outcome = finalOutcome(state);
    const key = `${channel}\u0000${outcome}\u0000${openingHours ?? ''}`;
    const count = counted.get(key) ?? { day: open.day, channel, outcome, count: 0, ...(openingHours ? { openingHours } : {}) };
    count.count += 1;
    counted.set(key, count);
  }
  return [...counted.values()];
}

const bucketId = (open: OpenOutcomeDay) => createHash('sha256').update(open.salt).digest('base64url').slice(0, 22);

function addCount(counts: ConversationOutcomeCount[], add: ConversationOutcomeCount): void {
  const existing = counts.find(
    (count) =>
      count.day === add.day && count.channel === add.channel && count.outcome === add.outcome && count.openingHours === add.openingHours,
  );
  if (existing) existing.count += add.count;
  else counts.push({ ...add });
}

/** Marker hashes of recent conversations: every turn looks its marker up, and the HMAC is most of that lookup's cost. */
const recentMarkerHashes = new Map<string, string>();
const RECENT_MARKER_HASHES = 10_000;

/** `markerHash`, remembered (it is pure, so every store shares what is remembered). */
function conversationMarkerHash(salt: string, conversationKey: string): string {
  // A salt is base64url: the separator cannot occur in it, so no two pairs share a memo key.
  const memoKey = `${salt}\u0000${conversationKey}`;
  let hash = recentMarkerHashes.get(memoKey);
  if (hash === undefined) {
    if (recentMarkerHashes.size >= RECENT_MARKER_HASHES) recentMarkerHashes.clear();
    hash = markerHash(salt, conversationKey);
    recentMarkerHashes.set(memoKey, hash);
  }
  return hash;
}

function findMarker(draft: Readonly<OpenOutcomeDocument>, conversationKey: string) {
  for (const open of draft.openDays) {
    const marker = open.conversations[conversationMarkerHash(open.salt, conversationKey)];
    if (marker) return marker;
  }
  return undefined;
}

function openDay(draft: OpenOutcomeDocument, day: string): OpenOutcomeDay {
  let open = draft.openDays.find((candidate) => candidate.day === day);
  if (!open) {
    open = { day, salt: randomBytes(16).toString('base64url'), conversations: {} };
    draft.openDays.push(open);
  }
  return open;
}

function mark(
  draft: OpenOutcomeDocument,
  { day, channel, conversationKey, openingHours }: ConversationMark,
  state: OutcomeMarkerState,
): OutcomeMarkerState {
  const existing = findMarker(draft, conversationKey);
  if (existing) {
    existing.state = strongerOutcome(existing.state, state);
    return existing.state;
  }
  const open = openDay(draft, day);
  open.conversations[conversationMarkerHash(open.salt, conversationKey)] = { channel, state, ...(openingHours ? { openingHours } : {}) };
  return state;
}

function checkMark(markToCheck: ConversationMark): void {
  // The same validator as stored counts: a day and a channel id, never free text.
  toConversationOutcomeCount({
    day: markToCheck.day,
    channel: markToCheck.channel,
    outcome: 'resolved',
    count: 0,
    ...(markToCheck.openingHours === undefined ? {} : { openingHours: markToCheck.openingHours }),
  });
  if (typeof markToCheck.conversationKey !== 'string' || markToCheck.conversationKey === '') {
    throw new RangeError('conversationKey is required');
  }
}

/**
 * Moves counts that the first format kept in the open document into the counts document: the
 * counts document takes each moved day's rows as they are (a second run after a crash writes the
 * same rows again), then the open document lets go of them.
 */
export async function moveLegacyOutcomeCounts(documents: OutcomeDocuments): Promise<void> {
  const legacy = documents.open.read().counts;
  if (legacy.length === 0) return;
  const movedDays = new Set(legacy.map((count) => count.day));
  await documents.counts.update((draft) => {
    draft.counts = [
      ...draft.counts.filter((count) => !movedDays.has(count.day)),
      ...legacy.map((count) => toConversationOutcomeCount(count)),
    ];
  });
  await documents.open.update((draft) => {
    draft.counts = [];
  });
}

export function createEmbeddedOutcomeStore(documents: OutcomeDocuments, options: { now: () => Date }): OutcomeStore {
  const today = () => brusselsDay(options.now());

  /** Turns finished open days into counts: first the counts (once per bucket), then the bucket goes. */
  async function closeFinishedDays(): Promise<void> {
    const current = today();
    const due = documents.open.read().openDays.filter((open) => daysBetween(open.day, current) >= CLOSE_AFTER_DAYS);
    if (due.length === 0) return;
    await documents.counts.update((draft) => {
      for (const open of due) {
        const id = bucketId(open);
        if (draft.closedBuckets.some((closed) => closed.id === id)) continue;
        for (const count of countOpenDay(open)) addCount(draft.counts, count);
        draft.closedBuckets.push({ id, day: open.day });
      }
      draft.closedBuckets = draft.closedBuckets.filter(
        (closed) => daysBetween(closed.day, current) <= REMEMBER_CLOSED_DAYS + CLOSE_AFTER_DAYS,
      );
    });
    const closedIds = new Set(due.map(bucketId));
    await documents.open.update((draft) => {
      draft.openDays = draft.openDays.filter((open) => !closedIds.has(bucketId(open)));
    });
  }

  /**
   * Raises the conversation's marker to `state` and returns the state that stands. A marker that
   * already stands as high is left as it is without a write: every request of a conversation starts
   * it again, and an update copies and rewrites the whole open document (all of the day's markers).
   * Markers only ever rise, so one that stands high enough now still does in any later update.
   */
  async function raise(conversation: ConversationMark, state: OutcomeMarkerState): Promise<OutcomeMarkerState> {
    checkMark(conversation);
    await closeFinishedDays();
    const standing = findMarker(documents.open.read(), conversation.conversationKey)?.state;
    if (standing !== undefined && strongerOutcome(standing, state) === standing) return standing;
    return documents.open.update((draft) => mark(draft, conversation, state));
  }

  return {
    async start(conversation) {
      await raise(conversation, 'started');
    },

    async record({ outcome, ...conversation }) {
      return finalOutcome(await raise(conversation, outcome));
    },

    async counts({ from, to }) {
      await closeFinishedDays();
      return documents.counts
        .read()
        .counts.filter((count) => count.day >= from && count.day <= to)
        .map((count) => toConversationOutcomeCount(count))
        .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    },
  };
}

/** An outcome store in memory, for tests. */
export function memoryOutcomeStore(options: { now: () => Date }): OutcomeStore {
  return createEmbeddedOutcomeStore(
    {
      open: memoryDocument<OpenOutcomeDocument>(EMPTY_OUTCOME_DOCUMENT),
      counts: memoryDocument<OutcomeCountsDocument>(EMPTY_OUTCOME_COUNTS_DOCUMENT),
    },
    options,
  );
}
