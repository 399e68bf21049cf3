import { randomBytes } from 'node:crypto';
import { CLOSE_AFTER_DAYS } from './embeddedOutcomeStore.js';
import { markerHash } from './requestMarkers.js';
import type { ConversationMark, OutcomeStore } from './surveyStores.js';
import { toConversationOutcomeCount, type ConversationOutcomeCount } from '../../services/survey/surveyResponse.js';
import { finalOutcome, OUTCOME_MARKER_STATES, strongerOutcome, type OutcomeMarkerState } from '../../services/survey/outcomeMarks.js';
import { inTransaction, runQuery, type PostgresStoreContext } from '../postgres/postgresQueries.js';
import { addDays, brusselsDay } from '../../services/brusselsTime.js';

/** A count's opening-hours flag for conversations marked before the flag was recorded (migration 007). */
const UNKNOWN_HOURS = 'unknown';

/**
 * Closes the open days up to $1 in one statement: deletes their salts and markers and adds the
 * markers up into counts, each state counted as `finalOutcome` says (passed in as $2 → $3, so the
 * rule stays in outcomeMarks.ts). Two instances closing at once: the second waits for the first's
 * row locks, then finds nothing left to close.
 */
const CLOSE_DAYS_SQL = `
  with closing as (delete from outcome_day where day <= $1::date returning day),
       moved as (delete from conversation_marker marker using closing where marker.day = closing.day
                 returning marker.day, marker.channel, marker.state, coalesce(marker.opening_hours, '${UNKNOWN_HOURS}') as opening_hours),
       final as (select * from unnest($2::text[], $3::text[]) as rule(state, outcome))
  insert into conversation_outcome_count (day, channel, outcome, opening_hours, count)
  select moved.day, moved.channel, final.outcome, moved.opening_hours, count(*)
    from moved join final on final.state = moved.state
   group by 1, 2, 3, 4
  on conflict (day, channel, outcome, opening_hours) do update set count = conversation_outcome_count.count + excluded.count`;
const FINAL_OUTCOMES = [OUTCOME_MARKER_STATES, OUTCOME_MARKER_STATES.map(finalOutcome)];

function checkMark(mark: ConversationMark): void {
  // The same validator as stored counts: a day and a channel id, never free text.
  toConversationOutcomeCount({
    day: mark.day,
    channel: mark.channel,
    outcome: 'resolved',
    count: 0,
    ...(mark.openingHours === undefined ? {} : { openingHours: mark.openingHours }),
  });
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
  const closeFinishedDays = (current: string) =>
    runQuery(context, CLOSE_DAYS_SQL, [addDays(current, -CLOSE_AFTER_DAYS), ...FINAL_OUTCOMES]);

  /**
   * Raises the conversation's marker with `strongerOutcome` (or adds it to its day); returns the
   * state that stands. The marker is read under a row lock and written in the same transaction, so
   * two instances recording at once both end at the stronger state.
   */
  async function mark(
    { day, channel, conversationKey, openingHours }: ConversationMark,
    state: OutcomeMarkerState,
  ): Promise<OutcomeMarkerState> {
    await closeFinishedDays(today());
    await runQuery(context, 'insert into outcome_day (day, salt) values ($1::date, $2) on conflict (day) do nothing', [
      day,
      randomBytes(16).toString('base64url'),
    ]);
    const salts = await runQuery<{ day: string; salt: string }>(context, 'select day::text as day, salt from outcome_day');
    return inTransaction(context, async (client) => {
      // A conversation that started on an earlier (still open) day keeps counting on that day.
      const marker = async () =>
        (
          await client.query<{ day: string; hash: string; state: OutcomeMarkerState }>(
            `select day::text as day, hash, state from conversation_marker
              where (day::text, hash) in (select * from unnest($1::text[], $2::text[]))
              order by day limit 1 for update`,
            [salts.rows.map((open) => open.day), salts.rows.map((open) => markerHash(open.salt, conversationKey))],
          )
        ).rows[0];
      let found = await marker();
      if (!found) {
        const salt = salts.rows.find((candidate) => candidate.day === day);
        // The day's salt was just made sure of; only a close that ran in between removes it (a day two days old).
        if (!salt) throw new RangeError(`outcome day ${day} is already closed`);
        const inserted = await client.query(
          `insert into conversation_marker (day, hash, channel, state, opening_hours) values ($1::date, $2, $3, $4, $5)
           on conflict (day, hash) do nothing`,
          [day, markerHash(salt.salt, conversationKey), channel, state, openingHours ?? null],
        );
        if ((inserted.rowCount ?? 0) > 0) return state;
        // Another instance added it just now: raise theirs.
        found = (await marker())!;
      }
      const raised = strongerOutcome(found.state, state);
      if (raised !== found.state) {
        await client.query('update conversation_marker set state = $3 where day = $1::date and hash = $2', [found.day, found.hash, raised]);
      }
      return raised;
    });
  }

  return {
    async start(conversation) {
      checkMark(conversation);
      await mark(conversation, 'started');
    },

    async record({ outcome, ...conversation }) {
      checkMark(conversation);
      return finalOutcome(await mark(conversation, outcome));
    },

    async counts({ from, to }): Promise<ConversationOutcomeCount[]> {
      await closeFinishedDays(today());
      const { rows } = await runQuery<{ day: string; channel: string; outcome: string; count: number; opening_hours: string }>(
        context,
        `select day::text as day, channel, outcome, count, opening_hours from conversation_outcome_count
          where day between $1::date and $2::date order by day, channel, outcome, opening_hours`,
        [from, to],
      );
      return rows.map(({ opening_hours: openingHours, ...row }) =>
        toConversationOutcomeCount(openingHours === UNKNOWN_HOURS ? row : { ...row, openingHours }),
      );
    },
  };
}
