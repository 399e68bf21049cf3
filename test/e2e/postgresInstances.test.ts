import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Activity } from 'botbuilder';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnBot } from '../support/botProcess.js';
import { readable } from '../support/conversation.js';
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../support/postgres.js';
import { messageActivity, postJson } from '../support/testServer.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const nl = (namespace: string) => JSON.parse(readFileSync(join(repoRoot, `locales/nl/${namespace}.json`), 'utf8'));
const phone: string = JSON.parse(readFileSync(join(repoRoot, 'data/municipality.json'), 'utf8')).phone.display;
const welcome: string = nl('common').welcome.text;
const handedOver: string = nl('handoff').callUs.replace('{{phone}}', phone);
const anythingElse: string = nl('common').anythingElse.question;
const apology: string = nl('common').error.apology.replace('{{phone}}', phone);
const booked: string = nl('appointments').booked.title;
const slotTaken: string = nl('appointments').booked.slotTaken;
const confirmQuestion: string = nl('appointments').confirm.question;
const callbackConfirmed: string = nl('handoff').callback.confirmed.split('{{')[0];
const phoneQuestion: string = nl('handoff').callback.phoneQuestion;
const awarenessQuestion: string = nl('survey').awareness.question;

/** `npm start` as its own process: the real app on PostgreSQL. */
async function startInstance(databaseUrl: string) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'instance-data-'));
  const { child, listening, output } = spawnBot(port, { STORAGE: 'postgres', DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  await listening;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output,
    async stop() {
      if (child.exitCode === null) {
        const ended = new Promise((resolve) => child.once('close', resolve));
        child.kill('SIGTERM');
        await ended;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Instance = Awaited<ReturnType<typeof startInstance>>;

async function send(instance: Instance, activity: Record<string, unknown>): Promise<string> {
  const response = await postJson(`${instance.baseUrl}/api/messages`, activity);
  expect(response.status).toBe(200);
  return readable(((await response.json()) as { activities: Partial<Activity>[] }).activities);
}

const say = (instance: Instance, conversationId: string, text: string) =>
  send(instance, messageActivity(text, { conversation: { id: conversationId } }));

/** A resident on SMS (numbered choices), whose turns may go to either instance; `id` repeats an activity id. */
function smsResident(conversationId: string) {
  return (instance: Instance, text: string, id?: string) =>
    send(
      instance,
      messageActivity(text, {
        channelId: 'sms',
        conversation: { id: conversationId },
        from: { id: `user-${conversationId}`, role: 'user' },
        ...(id ? { id } : {}),
      }),
    );
}

describe.skipIf(postgresUnavailable !== null)('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let first: Instance;
  let second: Instance;
  let sql: pg.Pool;

  /** The bot state of one SMS conversation and its user, as saved now. */
  async function savedTurn(conversationId: string) {
    // botbuilder's keys: channel/conversations/id/ and channel/users/id/ (the user's is there once a language is chosen).
    const keys = [`sms/conversations/${conversationId}/`, `sms/users/user-${conversationId}/`];
    const { rows } = await sql.query<{ key: string; item: unknown; etag: string }>(
      'select key, item, etag from bot_state where key = any($1)',
      [keys],
    );
    expect(rows.map((row) => row.key)).toContain(keys[0]);
    return { keys, rows };
  }

  /** Puts the saved state back, as if the instance that ran the turns since then had crashed before saving them. */
  async function loseTurnsSince(saved: Awaited<ReturnType<typeof savedTurn>>) {
    await sql.query('delete from bot_state where key = any($1)', [saved.keys]);
    for (const row of saved.rows) {
      await sql.query('insert into bot_state (key, item, etag) values ($1, $2, $3)', [row.key, row.item, row.etag]);
    }
  }

  const count = async (query: string, values: unknown[] = []) => (await sql.query<{ n: number }>(query, values)).rows[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
    // Started together: both run the migrations at start-up, one after the other under the advisory lock.
    [first, second] = await Promise.all([startInstance(database.url), startInstance(database.url)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await sql?.end();
    await database?.drop();
  });

  it('are both ready', async () => {
    for (const instance of [first, second]) expect((await fetch(`${instance.baseUrl}/readyz`)).status).toBe(200);
  });

  it('continue one conversation whose turns alternate between them', async () => {
    const conversation = { id: 'alternating' };
    const joined = await send(first, {
      ...messageActivity('', { conversation }),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'user-1' }],
    });
    expect(joined).toContain(welcome);
    // Option 5 of the menu that the other instance offered: only its saved dialog state makes "5" mean that.
    expect(await say(second, conversation.id, '5')).toContain(handedOver);
    // Option 2 of the callback offer ("no, thank you") that the second instance made.
    expect(await say(first, conversation.id, '2')).toContain(anythingElse);
  });

  it('lose no state update when turns of one conversation reach both at once', async () => {
    for (const round of [1, 2, 3, 4]) {
      const conversation = `concurrent-${round}`;
      expect(await say(first, conversation, 'hallo')).not.toContain(apology);
      // Both pick option 5 of the same menu. Run one after the other, only the first still sees the menu;
      // had both read the state before either saved it, both would hand over.
      const replies = await Promise.all([say(first, conversation, '5'), say(second, conversation, '5')]);
      expect(replies.filter((reply) => reply.includes(handedOver))).toHaveLength(1);
      expect(replies.join('\n')).not.toContain(apology);
    }
  });

  it('give the last place to exactly one of the residents confirming through both instances at once (dialogs over HTTP)', async () => {
    // The driving licence counter serves one resident at a time: everyone picks the first free slot.
    const residents = Array.from({ length: 8 }, (_, index) => ({ index, say: smsResident(`race-${index}`) }));
    const instanceFor = (resident: number, turn: number) => ((resident + turn) % 2 === 0 ? first : second);
    await Promise.all(
      residents.map(async ({ index, say }) => {
        await say(instanceFor(index, 0), 'afspraak rijbewijs');
        await say(instanceFor(index, 1), '1');
        await say(instanceFor(index, 2), `Inwoner ${index}`);
        expect(await say(instanceFor(index, 3), `inwoner${index}@voorbeeld.be`)).toContain(confirmQuestion);
      }),
    );
    const answers = await Promise.all(residents.map(({ index, say }) => say(instanceFor(index, 4), '1')));
    expect(answers.filter((reply) => reply.includes(booked))).toHaveLength(1);
    expect(answers.filter((reply) => reply.includes(slotTaken))).toHaveLength(7);
    expect(await count(`select count(*)::int as n from booking where status = 'booked' and request_id like 'sms:race-%'`)).toBe(1);
  });

  it('book, take a callback request and store a survey answer once when one activity reaches both instances and is retried after a lost turn', async () => {
    // Booking: the confirming "1" goes to both instances at once; then the turn is lost and the channel retries it.
    const booking = smsResident('retried-booking');
    await booking(first, 'afspraak rijbewijs');
    await booking(second, '1');
    await booking(first, 'An Peeters');
    expect(await booking(second, 'an@voorbeeld.be')).toContain(confirmQuestion);
    const beforeBooking = await savedTurn('retried-booking');
    const replies = await Promise.all([booking(first, '1', 'confirm'), booking(second, '1', 'confirm')]);
    // The copy that waited for the other instance's turn gets that turn's answer again, with the same code.
    expect(replies.filter((reply) => reply.includes(booked))).toHaveLength(2);
    const code = /afspraakcode is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(replies.join('\n'))?.[1];
    expect(code).toBeDefined();
    expect(replies.every((reply) => reply.includes(code!))).toBe(true);
    await loseTurnsSince(beforeBooking);
    expect(await booking(second, '1', 'confirm')).toContain(code);
    expect(await count(`select count(*)::int as n from booking where request_id like 'sms:retried-booking:%'`)).toBe(1);

    // Callback request: the phone number is the answer that stores it.
    const callback = smsResident('retried-callback');
    await callback(first, 'hallo');
    await callback(second, '5');
    await callback(first, '1');
    await callback(second, '1');
    // What it is about, in the resident's words: stored with the request.
    expect(await callback(first, 'vraag over mijn verhuis')).toContain(phoneQuestion);
    const beforeCallback = await savedTurn('retried-callback');
    const callbackReplies = await Promise.all([callback(first, '0470 12 34 56', 'phone'), callback(second, '0470 12 34 56', 'phone')]);
    expect(callbackReplies.filter((reply) => reply.includes(callbackConfirmed))).toHaveLength(2);
    await loseTurnsSince(beforeCallback);
    expect(await callback(first, '0470 12 34 56', 'phone')).toContain(callbackConfirmed);
    expect(await count(`select count(*)::int as n from callback_request where request_id like 'sms:retried-callback:%'`)).toBe(1);
    expect(
      await count(
        `select count(*)::int as n from callback_request where request_id like 'sms:retried-callback:%' and subject = 'vraag over mijn verhuis'`,
      ),
    ).toBe(1);

    // Survey: the first answer.
    const survey = smsResident('retried-survey');
    await survey(first, 'hallo');
    await survey(second, '5');
    await survey(first, '2');
    expect(await survey(second, '2')).toContain(awarenessQuestion);
    const rowsBefore = await count('select count(*)::int as n from survey_response');
    const beforeAnswer = await savedTurn('retried-survey');
    await Promise.all([survey(first, '1', 'awareness'), survey(second, '1', 'awareness')]);
    await loseTurnsSince(beforeAnswer);
    await survey(second, '1', 'awareness');
    expect(await count('select count(*)::int as n from survey_response')).toBe(rowsBefore + 1);
    expect(await count(`select count(*)::int as n from survey_response where awareness = 'used'`)).toBe(1);
    // The activity stored once, whatever question its copies met: the copy that ran second (answering the
    // satisfaction question with "1") and the retry after the lost turn stored nothing.
    expect(await count('select count(*)::int as n from survey_request')).toBe(1);
    expect(await count(`select count(*)::int as n from survey_response where awareness = 'used' and satisfaction is null`)).toBe(1);
  });

  it('log no failed turns', () => {
    for (const instance of [first, second]) expect(instance.output()).not.toContain('"level":"error"');
  });
});
