import { randomBytes } from 'node:crypto';
import { addDays, brusselsDay } from '../../services/calendarDay.js';
import { CLOSE_AFTER_DAYS } from './embeddedOutcomeStore.js';
import { markerHash } from './requestMarkers.js';
import type { ConversationMark, OutcomeStore } from './surveyStores.js';
import {
  toConversationOutcomeCount,
  type ConversationOutcome,
  type ConversationOutcomeCount,
  type SurveyedOutcome,
} from '../../services/survey/surveyResponse.js';
import { runQuery, type PostgresStoreContext } from '../postgres/postgresQueries.js';

type MarkerState = 'started' | SurveyedOutcome;

const FINAL: Record<MarkerState, ConversationOutcome> = { started: 'abandoned', resolved: 'resolved', escalated: 'escalated' };

/** The higher of two marker states in SQL: escalated over resolved over started. */
const RAISED_STATE = (current: string, wanted: string) =>
  `case when array_position(array['started','resolved','escalated'], ${wanted})
            > array_position(array['started','resolved','escalated'], ${current}) then ${wanted} else ${current} end`;

/**
 * Closes the open days up to $1 in one statement: deletes their salts and markers and adds the
 * markers up into counts ("started" ones as abandoned). Two instances closing at once: the second
 * waits for the first's row locks, then finds nothing left to close.
 */
const CLOSE_DAYS_SQL = `
  with closing as (delete from outcome_day where day <= $1::date returning day),
       moved as (delete from conversation_marker marker using closing where marker.day = closing.day
                 returning marker.day, marker.channel, marker.state)
  insert into conversation_outcome_count (day, channel, outcome, count)
  select day, channel, case state when 'started' then 'abandoned' else state end, count(*)
    from moved
   group by 1, 2, 3
  on conflict (day, channel, outcome) do update set count = conversation_outcome_count.count + excluded.count`;

function checkMark(mark: ConversationMark): void {
  // The same validator as stored counts: a day and a channel id, never free text.
  toConversationOutcomeCount({ day: mark.day, channel: mark.channel, outcome: 'resolved', count: 0 });
  if (typeof mark.conversationKey !== 'string' || mark.conversationKey === '') throw new RangeError('conversationKey is required');
}

/**
 * OutcomeStore in PostgreSQL, counting "abandoned" without conversation ids exactly as the embedded
 * store does (see embeddedOutcomeStore.ts): an open day has a random salt (`outcome_day`) and a
 * marker per conversation, HMAC(salt, key) → channel and state (`conversation_marker`); a day is
 * closed once the day after it is over too, which turns its markers into `conversation_outcome_count`
 * rows and deletes the markers and the salt. Every write is committed before its promise resolves.
 */
export function createPostgresOutcomeStore(context: PostgresStoreContext, options: { now: () => Date }): OutcomeStore {
  const today = () => brusselsDay(options.now());
  const closeFinishedDays = (current: string) => runQuery(context, CLOSE_DAYS_SQL, [addDays(current, -CLOSE_AFTER_DAYS)]);

  /** Raises the conversation's marker to `state` (or adds it to its day); returns the state that stands. */
  async function mark({ day, channel, conversationKey }: ConversationMark, state: MarkerState): Promise<MarkerState> {
    await closeFinishedDays(today());
    await runQuery(context, 'insert into outcome_day (day, salt) values ($1::date, $2) on conflict (day) do nothing', [
      day,
      randomBytes(16).toString('base64url'),
    ]);
    const salts = await runQuery<{ day: string; salt: string }>(context, 'select day::text as day, salt from outcome_day');
    // A conversation that started on an earlier (still open) day keeps counting on that day.
    const raised = await runQuery<{ state: MarkerState }>(
      context,
      `update conversation_marker set state = ${RAISED_STATE('state', '$3')}
        where (day::text, hash) in (select * from unnest($1::text[], $2::text[]))
        returning state`,
      [salts.rows.map((salt) => salt.day), salts.rows.map((salt) => markerHash(salt.salt, conversationKey)), state],
    );
    if (raised.rows[0]) return raised.rows[0].state;
    const salt = salts.rows.find((candidate) => candidate.day === day);
    // The day's salt was just made sure of; only a close that ran in between removes it (a day two days old).
    if (!salt) throw new RangeError(`outcome day ${day} is already closed`);
    const inserted = await runQuery<{ state: MarkerState }>(
      context,
      `insert into conversation_marker (day, hash, channel, state) values ($1::date, $2, $3, $4)
       on conflict (day, hash) do update set state = ${RAISED_STATE('conversation_marker.state', 'excluded.state')}
       returning state`,
      [day, markerHash(salt.salt, conversationKey), channel, state],
    );
    return inserted.rows[0]!.state;
  }

  return {
    async start(conversation) {
      checkMark(conversation);
      await mark(conversation, 'started');
    },

    async record({ outcome, ...conversation }) {
      checkMark(conversation);
      return FINAL[await mark(conversation, outcome)];
    },

    async counts({ from, to }): Promise<ConversationOutcomeCount[]> {
      await closeFinishedDays(today());
      const { rows } = await runQuery<{ day: string; channel: string; outcome: string; count: number }>(
        context,
        `select day::text as day, channel, outcome, count from conversation_outcome_count
          where day between $1::date and $2::date order by day, channel, outcome`,
        [from, to],
      );
      return rows.map((row) => toConversationOutcomeCount({ ...row }));
    },
  };
}
