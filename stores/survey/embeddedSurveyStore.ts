/**
 * SurveyStore in DATA_DIR, so that storing an answer costs the same with a million rows stored as
 * with none, and a year's report reads a few hundred small counts:
 *
 * - Rows live in small lowdb documents per day and part of the day: `survey/<YYYY-MM>/<day>-<p>.json`,
 *   the part `p` (one of 16) taken from a hash of the row's random id. A survey answer rewrites one
 *   part of its own day, never the rest.
 * - A day is closed once the day after it is over too (a survey started before midnight may still be
 *   answered after it): its counts are computed once and kept in `surveyDayCounts.json`. A report adds
 *   the closed days' counts and counts only the open days' rows (today, yesterday).
 * - A write to a closed day (demo rows, a very late answer) first drops that day's counts, then writes,
 *   then counts the day again: a crash in between leaves the day uncounted, to be counted at the next
 *   report, never counts that miss a row.
 * - Memory holds only the parts writes and reports use (the open days', CACHED_PARTS): an answer's
 *   cost and the bot's heap stay the same however many rows the tree holds.
 * - Every check-then-write runs inside one synchronous change of the part's document, so a retried
 *   activity that arrives while the first is still being handled is still stored once. The request ids
 *   are kept as salted hashes per day (requestMarkers.ts), in the part the row lives in.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DurableDocument } from '../embedded/durableDocument.js';
import type { EmbeddedFiles } from '../embedded/embeddedFiles.js';
import { memoryDocument } from '../embedded/durableDocument.js';
import { memoryKeyedDocuments, namedLayout, openKeyedDocuments, type KeyedDocuments } from '../embedded/keyedDocuments.js';
import { addMarker, hasMarker, pruneMarkerBuckets, type RequestMarkerBucket } from './requestMarkers.js';
import { addSurveyCounts, countSurveyRows, emptySurveyCounts, type SurveyCounts } from '../../services/survey/surveyCounts.js';
import type { SurveyStore } from './surveyStores.js';
import { toSurveyResponse, type SurveyResponse } from '../../services/survey/surveyResponse.js';
import type { Logger } from '../../bot/logger.js';
import { brusselsDay, daysBetween } from '../../services/brusselsTime.js';

/** One part of one day's rows. */
export interface SurveyDayPart {
  responses: SurveyResponse[];
  /** Hashed ids of recent requests for rows of this part, for idempotency only. */
  recentRequests: RequestMarkerBucket[];
}

/** The counts of each closed day, by day. */
export interface SurveyDayCounts {
  days: Record<string, SurveyCounts>;
}

const SURVEY_DIRECTORY = 'survey';
const SURVEY_DAY_COUNTS_DOCUMENT = 'surveyDayCounts';
export const EMPTY_SURVEY_DAY_COUNTS: SurveyDayCounts = { days: {} };

/** A day is closed when this many days have passed since it (2: the day after it is over too). */
const SURVEY_CLOSE_AFTER_DAYS = 2;
const PARTS = '0123456789abcdef'.split('');
/**
 * Parts kept in memory: the open days' (today, yesterday) and room for closed days being counted.
 * Writes and reports touch only those; a bulk write (demo rows, a migration) passes over every
 * day, and a larger cache would keep all those rows in the heap, where every garbage collection
 * of the bot goes over them again.
 */
const CACHED_PARTS = 4 * PARTS.length;
/** Part documents written at once by a bulk operation (demo rows). */
const BULK_WRITES = 16;

const partOf = (id: string) => createHash('sha256').update(id).digest('hex').charAt(0);
const partKey = (day: string, part: string) => `${day}-${part}`;
const dayOfPartKey = (key: string) => key.slice(0, 10);

// Rows are kept by their random id: the order in a file says nothing about which conversation came first.
const byId = (a: SurveyResponse, b: SurveyResponse) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Opens the day parts under `DATA_DIR/survey/` and the closed days' counts. */
export async function openEmbeddedSurveyStore(
  files: EmbeddedFiles,
  options: { now: () => Date; logger?: Logger },
): Promise<EmbeddedSurveyStore> {
  const parts = await openKeyedDocuments<SurveyDayPart>(path.join(files.dataDir, SURVEY_DIRECTORY), {
    layout: namedLayout((key) => key.slice(0, 7)),
    now: options.now,
    cacheEntries: CACHED_PARTS,
    // An answer is written once per survey; a journal would hold the parts it wrote in the heap until its checkpoint.
    journal: false,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const dayCounts = await files.document<SurveyDayCounts>(SURVEY_DAY_COUNTS_DOCUMENT, EMPTY_SURVEY_DAY_COUNTS);
  return createEmbeddedSurveyStore(parts, dayCounts, { now: options.now, knownParts: await parts.keys(), onClose: () => parts.close() });
}

export interface EmbeddedSurveyStore extends SurveyStore {
  /** Writes rows as they are (moving data from an older format): a row with a stored id replaces it. */
  importRows(rows: readonly SurveyResponse[]): Promise<number>;
  close(): Promise<void>;
}

export function createEmbeddedSurveyStore(
  parts: KeyedDocuments<SurveyDayPart>,
  dayCounts: DurableDocument<SurveyDayCounts>,
  options: { now: () => Date; knownParts: readonly string[]; onClose?: () => Promise<void> },
): EmbeddedSurveyStore {
  /** Days with at least one part on disk. */
  const knownDays = new Set(options.knownParts.map(dayOfPartKey));
  const today = () => brusselsDay(options.now());
  const isClosed = (day: string) => daysBetween(day, today()) >= SURVEY_CLOSE_AFTER_DAYS;
  const rowsOf = (day: string) => rowsOfDay(parts, day);
  const closedDays = closedDayCounts(dayCounts, { knownDays, isClosed, rowsOf });
  const daysIn = ({ from, to }: { from: string; to: string }) => [...knownDays].filter((day) => day >= from && day <= to).sort();
  const putRows = (rows: readonly SurveyResponse[], sameId: SameId) => writeRows(parts, closedDays, rows, sameId);

  return {
    async add(row, requestId) {
      // Checked before the transaction too, so a bad row never reaches a document.
      const checked = toSurveyResponse(row);
      const key = partKey(checked.day, partOf(checked.id));
      const day = today();
      return closedDays.writeDays(new Set([checked.day]), () =>
        parts.update([key], (values) => {
          const part = values.get(key) ?? emptyPart();
          if (!addAnswerOnce(part, checked, requestId, day)) return { stored: false };
          values.set(key, part);
          return { stored: true };
        }),
      );
    },

    async list(range) {
      const found: SurveyResponse[] = [];
      for (const day of daysIn(range)) found.push(...(await rowsOf(day)).sort(byId));
      return found;
    },

    async reportCounts(range) {
      await closedDays.closeDueDays();
      const counts = emptySurveyCounts();
      for (const day of daysIn(range)) addSurveyCounts(counts, closedDays.countsOf(day) ?? countSurveyRows(await rowsOf(day), range));
      return counts;
    },

    async addSynthetic(rows) {
      const checked = rows.map((row) => {
        const valid = toSurveyResponse(row);
        if (valid.synthetic !== true) throw new RangeError('addSynthetic: every row must be marked synthetic');
        return valid;
      });
      return putRows(checked, 'keepStored');
    },

    async importRows(rows) {
      return putRows(
        rows.map((row) => toSurveyResponse(row)),
        'replaceStored',
      );
    },

    async removeSynthetic() {
      let removed = 0;
      const present = await presentPartKeys(parts, knownDays);
      await closedDays.writeDays(new Set(present.map(dayOfPartKey)), () =>
        changeParts(parts, present, (_key, part) => {
          const before = part.responses.length;
          part.responses = part.responses.filter((row) => row.synthetic !== true);
          removed += before - part.responses.length;
        }),
      );
      return removed;
    },

    async close() {
      await closedDays.settled();
      await options.onClose?.();
    },
  };
}

/** One day's rows from its parts. */
async function rowsOfDay(parts: KeyedDocuments<SurveyDayPart>, day: string): Promise<SurveyResponse[]> {
  const found = await Promise.all(PARTS.map((part) => parts.get(partKey(day, part))));
  // Through the validator: a hand-edited file cannot smuggle other fields into reports.
  return found.flatMap((part) => part?.responses ?? []).map((row) => toSurveyResponse(row));
}

/** The keys of the parts on disk of `days`. */
async function presentPartKeys(parts: KeyedDocuments<SurveyDayPart>, days: ReadonlySet<string>): Promise<string[]> {
  const keys = [...days].flatMap((day) => PARTS.map((part) => partKey(day, part)));
  return (await Promise.all(keys.map(async (key) => ((await parts.get(key)) ? key : null)))).filter((key) => key !== null);
}

/**
 * Stores one survey answer in its part unless the part has seen `requestId` already (a retried
 * activity); a row with the same id is replaced. Returns whether it stored the row.
 */
function addAnswerOnce(part: SurveyDayPart, row: SurveyResponse, requestId: string, today: string): boolean {
  pruneMarkerBuckets(part.recentRequests, today);
  if (hasMarker(part.recentRequests, requestId)) return false;
  addMarker(part.recentRequests, requestId, today);
  const index = part.responses.findIndex((existing) => existing.id === row.id);
  if (index >= 0) part.responses[index] = row;
  else part.responses.push(row);
  part.responses.sort(byId);
  return true;
}

/** What a bulk write does with a row whose id is stored already. */
type SameId = 'keepStored' | 'replaceStored';

/** Writes rows into their parts; a row whose id is stored already is skipped or replaces it. Returns how many were written. */
async function writeRows(
  parts: KeyedDocuments<SurveyDayPart>,
  closedDays: ClosedDayCounts,
  rows: readonly SurveyResponse[],
  sameId: SameId,
): Promise<number> {
  const byPart = new Map<string, SurveyResponse[]>();
  for (const row of rows) {
    const key = partKey(row.day, partOf(row.id));
    const list = byPart.get(key);
    if (list) list.push(row);
    else byPart.set(key, [row]);
  }
  let written = 0;
  await closedDays.writeDays(new Set([...byPart.keys()].map(dayOfPartKey)), () =>
    changeParts(parts, [...byPart.keys()], (key, part) => {
      const stored = new Map(part.responses.map((existing) => [existing.id, existing]));
      for (const row of byPart.get(key)!) {
        if (stored.has(row.id) && sameId === 'keepStored') continue;
        stored.set(row.id, row);
        written += 1;
      }
      part.responses = [...stored.values()].sort(byId);
    }),
  );
  return written;
}

/** Runs `change` on each of `keys` (part keys), BULK_WRITES at a time; a part left empty is deleted. */
async function changeParts(
  parts: KeyedDocuments<SurveyDayPart>,
  keys: readonly string[],
  change: (key: string, part: SurveyDayPart) => void,
): Promise<void> {
  const queue = [...keys];
  await Promise.all(
    Array.from({ length: Math.min(BULK_WRITES, queue.length) }, async () => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
        const partKeyNow = key;
        await parts.update([partKeyNow], (values) => {
          const part = values.get(partKeyNow) ?? emptyPart();
          change(partKeyNow, part);
          if (part.responses.length === 0 && part.recentRequests.length === 0) values.delete(partKeyNow);
          else values.set(partKeyNow, part);
        });
      }
    }),
  );
}

type ClosedDayCounts = ReturnType<typeof closedDayCounts>;

/**
 * The counts of the closed days (see the module comment): made once per day, kept true around a
 * write to a closed day. Work on closed days (closing them, writing to them) runs one at a time,
 * so no count is made from rows that a concurrent write is changing.
 */
function closedDayCounts(
  dayCounts: DurableDocument<SurveyDayCounts>,
  days: { knownDays: Set<string>; isClosed: (day: string) => boolean; rowsOf: (day: string) => Promise<SurveyResponse[]> },
) {
  const { knownDays, isClosed, rowsOf } = days;
  /**
   * The closed days' counts as last written. This store is their only writer, so it reads them once
   * and after each of its writes, instead of a copy of the whole document per report month.
   */
  let closedCounts: Readonly<Record<string, SurveyCounts>> = dayCounts.read().days;
  async function changeDayCounts(change: (days: Record<string, SurveyCounts>) => void): Promise<void> {
    try {
      await dayCounts.update((draft) => change(draft.days));
    } finally {
      closedCounts = dayCounts.read().days;
    }
  }

  let closedDayWork: Promise<unknown> = Promise.resolve();
  function onClosedDays<R>(work: () => Promise<R>): Promise<R> {
    const run = closedDayWork.then(work);
    closedDayWork = run.catch(() => undefined);
    return run;
  }

  async function countDays(closed: readonly string[]): Promise<Record<string, SurveyCounts>> {
    const counted: Record<string, SurveyCounts> = {};
    for (const day of closed) counted[day] = countSurveyRows(await rowsOf(day), { from: day, to: day });
    return counted;
  }

  const isDue = (day: string) => isClosed(day) && !Object.hasOwn(closedCounts, day);

  return {
    /** The kept counts of a closed day; undefined for an open day or one not counted yet. */
    countsOf: (day: string): SurveyCounts | undefined => (Object.hasOwn(closedCounts, day) ? closedCounts[day] : undefined),

    /** Counts the closed days that have no counts yet. Writes only when there are such days. */
    closeDueDays(): Promise<void> {
      if (![...knownDays].some(isDue)) return Promise.resolve();
      return onClosedDays(async () => {
        const due = [...knownDays].filter(isDue);
        if (due.length === 0) return;
        const counted = await countDays(due);
        await changeDayCounts((counts) => Object.assign(counts, counted));
      });
    },

    /** Runs `write` on the parts of `written` days, keeping the counts of the closed ones among them true. */
    async writeDays<R>(written: ReadonlySet<string>, write: () => Promise<R>): Promise<R> {
      const closed = [...written].filter(isClosed);
      const afterWrite = (result: R) => {
        for (const day of written) knownDays.add(day);
        return result;
      };
      if (closed.length === 0) return afterWrite(await write());
      return onClosedDays(async () => {
        if (closed.some((day) => Object.hasOwn(closedCounts, day))) {
          await changeDayCounts((counts) => closed.forEach((day) => delete counts[day]));
        }
        const result = afterWrite(await write());
        const counted = await countDays(closed);
        await changeDayCounts((counts) => Object.assign(counts, counted));
        return result;
      });
    },

    /** Resolves once the closed-day work under way is done. */
    settled: (): Promise<unknown> => closedDayWork,
  };
}

function emptyPart(): SurveyDayPart {
  return { responses: [], recentRequests: [] };
}

/** A survey store in memory, for tests. */
export function memorySurveyStore(options: { now: () => Date }): EmbeddedSurveyStore {
  return createEmbeddedSurveyStore(memoryKeyedDocuments<SurveyDayPart>(), memoryDocument(EMPTY_SURVEY_DAY_COUNTS), {
    now: options.now,
    knownParts: [],
  });
}
