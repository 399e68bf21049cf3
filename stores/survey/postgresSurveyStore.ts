import { randomBytes } from 'node:crypto';
import { markerHash } from './requestMarkers.js';
import { emptyMonthCounts, emptySurveyCounts, type SatisfactionKey, type SurveyCounts } from '../../services/survey/surveyCounts.js';
import type { AgeBracketCode, AppointmentPreferenceCode, AwarenessCode, BookingChannelCode } from '../../services/survey/surveyCodes.js';
import { toSurveyResponse, type SurveyAnswers, type SurveyResponse } from '../../services/survey/surveyResponse.js';
import type { SurveyStore } from './surveyStores.js';
import { inTransaction, runQuery, type PostgresStoreContext } from '../postgres/postgresQueries.js';
import { addDays, brusselsDay, monthOf } from '../../services/brusselsTime.js';

interface ResponseRow {
  id: string;
  day: string;
  questionnaire_version: number;
  channel: string;
  outcome: string;
  awareness: string | null;
  satisfaction: number | null;
  appointment_preference: string | null;
  booking_channel: string | null;
  age_bracket: string | null;
  synthetic: boolean;
}

/** Request hashes are kept for the day they came and the day after (as the embedded store's buckets). */
const KEEP_DAYS = 1;
/** Rows per insert statement of addSynthetic: well below PostgreSQL's parameter and message limits. */
const SYNTHETIC_BATCH = 5_000;

const RESPONSE_COLUMNS = `id::text as id, day::text as day, questionnaire_version, channel, outcome, awareness, satisfaction,
  appointment_preference, booking_channel, age_bracket, synthetic`;

/** The row as the validator sees it: answers that were given, `synthetic` only when true. */
function toResponse(row: ResponseRow): SurveyResponse {
  const answers: Record<string, unknown> = {};
  if (row.awareness !== null) answers.awareness = row.awareness;
  if (row.satisfaction !== null) answers.satisfaction = row.satisfaction;
  if (row.appointment_preference !== null) answers.appointmentPreference = row.appointment_preference;
  if (row.booking_channel !== null) answers.bookingChannel = row.booking_channel;
  if (row.age_bracket !== null) answers.ageBracket = row.age_bracket;
  // Through the validator, as the embedded store does: what comes out has exactly the row shape.
  return toSurveyResponse({
    id: row.id,
    day: row.day,
    questionnaireVersion: row.questionnaire_version,
    channel: row.channel,
    outcome: row.outcome,
    answers,
    ...(row.synthetic ? { synthetic: true } : {}),
  });
}

/** The column values of a checked row, in the order of `insert into survey_response (...)` below. */
function columnValues(row: SurveyResponse): unknown[] {
  const answers: SurveyAnswers = row.answers;
  return [
    row.id,
    row.day,
    row.questionnaireVersion,
    row.channel,
    row.outcome,
    answers.awareness ?? null,
    answers.satisfaction ?? null,
    answers.appointmentPreference ?? null,
    answers.bookingChannel ?? null,
    answers.ageBracket ?? null,
    row.synthetic === true,
  ];
}

const INSERT_COLUMNS = `id, day, questionnaire_version, channel, outcome, awareness, satisfaction, appointment_preference,
  booking_channel, age_bracket, synthetic`;

/** One cell of the report's grouping sets: which set, its keys, and how many rows. */
interface CountCell {
  cell: 'responses' | 'awareness' | 'satisfaction' | 'appointmentPreference' | 'bookingChannelByAge';
  day: string | null;
  synthetic: boolean | null;
  code: string | null;
  age_bracket: string | null;
  n: string;
}

/**
 * The report's counts in one scan of the range: a GROUP BY with grouping sets per day (responses,
 * synthetic, awareness, satisfaction; added up into months here, which is cheaper than a month
 * expression per row), per appointment preference, and per age bracket and booking channel together
 * (which gives both questions' totals and the byAge cells).
 */
const REPORT_COUNTS_SQL = `
  select case
           when grouping(synthetic) = 0 then 'responses'
           when grouping(awareness) = 0 then 'awareness'
           when grouping(satisfaction) = 0 then 'satisfaction'
           when grouping(appointment_preference) = 0 then 'appointmentPreference'
           else 'bookingChannelByAge'
         end as cell,
         day::text as day,
         synthetic,
         coalesce(awareness, satisfaction::text, appointment_preference, booking_channel) as code,
         age_bracket,
         count(*) as n
    from survey_response
   where day between $1::date and $2::date
   group by grouping sets ((day, synthetic), (day, awareness), (day, satisfaction), (appointment_preference),
                           (age_bracket, booking_channel))`;

/** Adds the grouped cells up into the counts of the report (skipped answers come as null codes and are left out). */
function toSurveyCounts(cells: readonly CountCell[]): SurveyCounts {
  const counts = emptySurveyCounts();
  const monthFor = (day: string | null) => (counts.months[monthOf(day!)] ??= emptyMonthCounts());
  for (const cell of cells) {
    const n = Number(cell.n);
    switch (cell.cell) {
      case 'responses': {
        const month = monthFor(cell.day);
        counts.responses += n;
        month.responses += n;
        if (cell.synthetic) {
          counts.synthetic += n;
          month.synthetic += n;
        }
        break;
      }
      case 'awareness':
        if (cell.code === null) break;
        counts.awareness[cell.code as AwarenessCode] += n;
        monthFor(cell.day).awareness[cell.code as AwarenessCode] += n;
        break;
      case 'satisfaction':
        if (cell.code === null) break;
        counts.satisfaction[cell.code as SatisfactionKey] += n;
        monthFor(cell.day).satisfaction[cell.code as SatisfactionKey] += n;
        break;
      case 'appointmentPreference':
        if (cell.code !== null) counts.appointmentPreference[cell.code as AppointmentPreferenceCode] += n;
        break;
      case 'bookingChannelByAge': {
        const age = cell.age_bracket as AgeBracketCode | null;
        const channel = cell.code as BookingChannelCode | null;
        if (age !== null) counts.ageBracket[age] += n;
        if (channel !== null) counts.bookingChannel[channel] += n;
        if (age !== null && channel !== null) counts.bookingChannelByAge[age][channel] += n;
        break;
      }
    }
  }
  return counts;
}

/**
 * SurveyStore in `survey_response`, shared by every instance. Idempotency without ids, as in the
 * embedded store: a random salt per day (`survey_request_salt`, shared by the instances) and
 * HMAC(salt, request id) in `survey_request`, both deleted once the day is more than a day old. The
 * hash insert (`on conflict do nothing`) and the row upsert are one transaction, committed before the
 * promise resolves: a retried activity on another instance waits for the first and then stores nothing.
 */
export function createPostgresSurveyStore(context: PostgresStoreContext, options: { now: () => Date }): SurveyStore {
  return {
    async add(row, requestId) {
      // Checked before the transaction too, so a bad row never reaches the database.
      const checked = toSurveyResponse(row);
      const today = brusselsDay(options.now());
      const oldestKept = addDays(today, -KEEP_DAYS);
      return inTransaction(context, async (client) => {
        await client.query(
          'with dropped as (delete from survey_request_salt where day < $1::date) delete from survey_request where day < $1::date',
          [oldestKept],
        );
        await client.query('insert into survey_request_salt (day, salt) values ($1::date, $2) on conflict (day) do nothing', [
          today,
          randomBytes(16).toString('base64url'),
        ]);
        const salts = await client.query<{ day: string; salt: string }>(
          'select day::text as day, salt from survey_request_salt where day >= $1::date',
          [oldestKept],
        );
        const earlierDays = salts.rows.filter((salt) => salt.day !== today);
        if (earlierDays.length > 0) {
          const seen = await client.query(
            'select 1 from survey_request where (day::text, hash) in (select * from unnest($1::text[], $2::text[]))',
            [earlierDays.map((salt) => salt.day), earlierDays.map((salt) => markerHash(salt.salt, requestId))],
          );
          if ((seen.rowCount ?? 0) > 0) return { stored: false };
        }
        const todaySalt = salts.rows.find((salt) => salt.day === today)!.salt;
        const marked = await client.query('insert into survey_request (day, hash) values ($1::date, $2) on conflict do nothing', [
          today,
          markerHash(todaySalt, requestId),
        ]);
        if ((marked.rowCount ?? 0) === 0) return { stored: false };
        await client.query(
          `insert into survey_response (${INSERT_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           on conflict (id) do update set day = excluded.day, questionnaire_version = excluded.questionnaire_version,
             channel = excluded.channel, outcome = excluded.outcome, awareness = excluded.awareness,
             satisfaction = excluded.satisfaction, appointment_preference = excluded.appointment_preference,
             booking_channel = excluded.booking_channel, age_bracket = excluded.age_bracket, synthetic = excluded.synthetic`,
          columnValues(checked),
        );
        return { stored: true };
      });
    },

    async list({ from, to }) {
      const { rows } = await runQuery<ResponseRow>(
        context,
        `select ${RESPONSE_COLUMNS} from survey_response where day between $1::date and $2::date order by day, id`,
        [from, to],
      );
      return rows.map(toResponse);
    },

    async reportCounts({ from, to }) {
      const { rows } = await runQuery<CountCell>(context, REPORT_COUNTS_SQL, [from, to]);
      return toSurveyCounts(rows);
    },

    async addSynthetic(rows) {
      const checked = rows.map((row) => {
        const valid = toSurveyResponse(row);
        if (valid.synthetic !== true) throw new RangeError('addSynthetic: every row must be marked synthetic');
        return valid;
      });
      if (checked.length === 0) return 0;
      return inTransaction(context, async (client) => {
        let added = 0;
        for (let start = 0; start < checked.length; start += SYNTHETIC_BATCH) {
          const batch = checked.slice(start, start + SYNTHETIC_BATCH).map(columnValues);
          const columns = batch[0]!.map((_, column) => batch.map((values) => values[column]));
          const result = await client.query(
            `insert into survey_response (${INSERT_COLUMNS})
             select * from unnest($1::uuid[], $2::date[], $3::smallint[], $4::text[], $5::text[], $6::text[], $7::smallint[],
                                  $8::text[], $9::text[], $10::text[], $11::boolean[])
             on conflict (id) do nothing`,
            columns,
          );
          added += result.rowCount ?? 0;
        }
        return added;
      });
    },

    async removeSynthetic() {
      const { rowCount } = await runQuery(context, 'delete from survey_response where synthetic');
      return rowCount ?? 0;
    },
  };
}
