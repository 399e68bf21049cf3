import { describe, expect, it } from 'vitest';
import { createPostgresOutcomeStore } from '../../../stores/survey/postgresOutcomeStore.js';
import { createPostgresSurveyStore } from '../../../stores/survey/postgresSurveyStore.js';
import { memoryOutcomeStore } from '../../../stores/survey/embeddedOutcomeStore.js';
import { memorySurveyStore } from '../../../stores/survey/embeddedSurveyStore.js';
import { storedSurveyReport } from '../../../services/survey/storedSurveyReport.js';
import { buildSurveyReport } from '../../../services/survey/surveyReport.js';
import type { SurveyResponse } from '../../../services/survey/surveyResponse.js';
import { generateSyntheticSurveyRows } from '../../../services/survey/syntheticSurvey.js';
import { postgresUnavailable } from '../../support/postgres.js';
import { usePostgresStoreDatabase } from '../../support/postgresStores.js';
import { baseline, rows } from '../../services/survey/surveyFixtures.js';
import { describeSurveyStores } from './surveyStoreContract.js';

const SURVEY_TABLES = [
  'survey_response',
  'survey_request_salt',
  'survey_request',
  'outcome_day',
  'conversation_marker',
  'conversation_outcome_count',
];

describe.skipIf(postgresUnavailable !== null)('PostgreSQL survey and outcome stores', () => {
  const database = usePostgresStoreDatabase();

  async function open(now: () => Date) {
    const { first, second } = await database.fresh(SURVEY_TABLES);
    return {
      store: { surveyStore: createPostgresSurveyStore(first, { now }), outcomeStore: createPostgresOutcomeStore(first, { now }) },
      twin: { surveyStore: createPostgresSurveyStore(second, { now }), outcomeStore: createPostgresOutcomeStore(second, { now }) },
    };
  }

  describeSurveyStores('PostgreSQL survey stores', open);

  /** Everything the survey tables hold, as text. */
  async function everything(): Promise<string> {
    const dumps = await Promise.all(SURVEY_TABLES.map((table) => database.query(`select to_jsonb(t)::text as row from ${table} t`)));
    return dumps.flatMap((dump) => dump.rows.map((row) => row.row as string)).join('\n');
  }

  it('keeps neither request ids nor conversation keys: salted hashes only, dropped with their salt after a day', async () => {
    let now = new Date('2026-03-10T10:00:00Z');
    const { store } = await open(() => now);
    for (const [index, row] of rows(3, '2026-03-10', { satisfaction: 5 }).entries()) {
      await store.surveyStore.add(row, `webchat|conv-${index}|act-${index}`);
    }
    await store.outcomeStore.start({ day: '2026-03-10', channel: 'webchat', conversationKey: 'webchat|conversation-secret-42' });
    const held = await everything();
    expect(held).not.toContain('conv-');
    expect(held).not.toContain('act-');
    expect(held).not.toContain('conversation-secret-42');
    expect((await database.query<{ n: number }>('select count(*)::int as n from survey_request')).rows[0]?.n).toBe(3);

    now = new Date('2026-03-12T10:00:00Z');
    await store.surveyStore.add(rows(1, '2026-03-12', { satisfaction: 1 })[0]!, 'webchat|later|x');
    await store.outcomeStore.counts({ from: '2026-03-01', to: '2026-03-31' });
    const days = async (table: string) =>
      (await database.query(`select day::text as day from ${table} order by day`)).rows.map((row) => row.day);
    expect(await days('survey_request_salt')).toEqual(['2026-03-12']);
    expect(await days('survey_request')).toEqual(['2026-03-12']);
    expect(await days('outcome_day')).toEqual([]);
    expect(await days('conversation_marker')).toEqual([]);
    expect((await database.query('select day::text as day, channel, outcome, count from conversation_outcome_count')).rows).toEqual([
      { day: '2026-03-10', channel: 'webchat', outcome: 'abandoned', count: 1 },
    ]);
  });

  it('reads counts and markers written before migration 007 (no opening-hours flag) as unknown, never as inside', async () => {
    const now = new Date('2026-03-12T10:00:00Z');
    const { store } = await open(() => now);
    // Written as the store wrote them before the flag existed: without the column.
    await database.query(
      `insert into conversation_outcome_count (day, channel, outcome, count) values ('2026-03-09', 'webchat', 'resolved', 4)`,
    );
    await database.query(`insert into outcome_day (day, salt) values ('2026-03-10', 'old-salt')`);
    await database.query(`insert into conversation_marker (day, hash, channel, state) values ('2026-03-10', 'old-hash', 'sms', 'started')`);
    expect(await store.outcomeStore.counts({ from: '2026-03-01', to: '2026-03-31' })).toEqual([
      { day: '2026-03-09', channel: 'webchat', outcome: 'resolved', count: 4 },
      { day: '2026-03-10', channel: 'sms', outcome: 'abandoned', count: 1 },
    ]);
  });

  it('has no column for a time of day, an id of a person or conversation, or free text in a survey row', async () => {
    const { rows: columns } = await database.query(
      `select column_name, data_type from information_schema.columns where table_name = 'survey_response' order by ordinal_position`,
    );
    expect(columns.map((column) => column.column_name)).toEqual([
      'id',
      'day',
      'questionnaire_version',
      'channel',
      'outcome',
      'awareness',
      'satisfaction',
      'appointment_preference',
      'booking_channel',
      'age_bracket',
      'synthetic',
    ]);
    expect(columns.some((column) => /time/.test(column.data_type))).toBe(false);
  });

  it('makes the same report from SQL counts as the embedded store from the same rows, suppression included', async () => {
    // Conversations are marked while their days are still open; the report is made once they are closed.
    let current = new Date('2026-04-05T10:00:00Z');
    const now = () => current;
    const { store } = await open(now);
    const embedded = {
      surveyStore: memorySurveyStore({ now }),
      outcomeStore: memoryOutcomeStore({ now }),
    };
    const synthetic = generateSyntheticSurveyRows({ count: 1_500, from: '2025-10-01', seed: 21 }).filter((row) => row.day < '2026-04-01');
    // Small cells on purpose: a month, an age bracket and the appointment question with fewer than 10 answers.
    const real: SurveyResponse[] = [
      ...rows(4, '2026-04-01', { awareness: 'used', satisfaction: 4, bookingChannel: 'counter', ageBracket: '65+' }),
      ...rows(9, '2026-04-02', { appointmentPreference: 'walkIn', ageBracket: '18-34' }),
      ...rows(2, '2026-04-03', {}),
    ];
    for (const target of [store, embedded]) {
      await target.surveyStore.addSynthetic(synthetic);
      for (const [index, row] of real.entries()) await target.surveyStore.add(row, `request-${index}`);
      for (let index = 0; index < 14; index += 1) {
        const conversation = { day: '2026-04-04', channel: index < 3 ? 'sms' : 'webchat', conversationKey: `c${index}` };
        await target.outcomeStore.start(conversation);
        if (index % 3 === 0) await target.outcomeStore.record({ ...conversation, outcome: 'resolved' });
        if (index % 5 === 0) await target.outcomeStore.record({ ...conversation, outcome: 'escalated' });
      }
      await target.outcomeStore.start({ day: '2026-04-05', channel: 'webchat', conversationKey: 'small-day' });
    }
    current = new Date('2026-04-15T10:00:00Z');
    for (const range of [
      { from: '2025-10-01', to: '2026-04-30' },
      { from: '2026-01-15', to: '2026-02-14' },
      { from: '2026-04-01', to: '2026-04-10' },
      { from: '2026-04-03', to: '2026-04-03' },
    ]) {
      const fromPostgres = await storedSurveyReport(store, range, baseline);
      expect(fromPostgres).toEqual(await storedSurveyReport(embedded, range, baseline));
      expect(fromPostgres).toEqual(
        buildSurveyReport(await store.surveyStore.list(range), range, baseline, await store.outcomeStore.counts(range)),
      );
    }
    const april = await storedSurveyReport(store, { from: '2026-04-01', to: '2026-04-10' }, baseline);
    expect(april.appointmentPreference).toMatchObject({ n: 9, suppressed: true, appointment: null });
    expect(april.ageBracket).toMatchObject({ n: 13, suppressed: false, '65+': 0.3077 });
    expect(april.bookingChannel.byAge['65+']).toEqual({ n: 4, suppressed: true, online: null, phone: null, counter: null, chat: null });
    expect(april.outcomes).toMatchObject({
      n: 15,
      suppressed: false,
      days: [
        { day: '2026-04-04', n: 14, suppressed: false, resolved: 4, escalated: 3, abandoned: 7 },
        { day: '2026-04-05', n: 1, suppressed: true },
      ],
    });
  });
});
