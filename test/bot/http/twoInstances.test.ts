import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../support/appServer.js';
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../../support/postgres.js';
import { send, staffAccountsEnv, STAFF_PASSWORD } from '../staff/staffFixtures.js';

const REPORTS_TOKEN = 'communicatie-dienst-token-2026';

/**
 * Two whole apps (as `npm start` builds them) on one PostgreSQL database, as two instances behind a
 * load balancer without sticky sessions: any request may reach either.
 */
describe.skipIf(postgresUnavailable !== null)('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let first: Awaited<ReturnType<typeof startApp>>;
  let second: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { STORAGE: 'postgres', DATABASE_URL: database.url, STAFF_ACCOUNTS: await staffAccountsEnv(), REPORTS_TOKEN };
    first = await startApp(env);
    second = await startApp(env);
  }, 60_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it('a staff session made at one instance works at the other, and signing out at the other ends it at both', async () => {
    const login = await send(first.baseUrl, 'POST', '/api/staff/login', { json: { name: 'an', password: STAFF_PASSWORD } });
    expect(login.status).toBe(200);
    const cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
    const list = await send(second.baseUrl, 'GET', '/api/staff/callbacks', { cookie });
    expect(list.status).toBe(200);
    expect((list.body as { staffMember: string }).staffMember).toBe('an');
    expect((await send(second.baseUrl, 'POST', '/api/staff/logout', { cookie })).status).toBe(204);
    expect((await send(first.baseUrl, 'GET', '/api/staff/callbacks', { cookie })).status).toBe(401);
  });

  it('a dashboard session made at one instance reads reports at the other', async () => {
    const login = await fetch(`${first.baseUrl}/dashboard/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: REPORTS_TOKEN }).toString(),
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const report = await fetch(`${second.baseUrl}/api/reports/survey?from=2026-01-01&to=2026-01-31`, { headers: { cookie } });
    expect(report.status).toBe(200);
    expect(((await report.json()) as { from: string }).from).toBe('2026-01-01');
  });

  it('wrong staff passwords count at both instances together: 3 at one and 2 at the other lock that account from this address', async () => {
    const wrong = (baseUrl: string) =>
      send(baseUrl, 'POST', '/api/staff/login', { json: { name: 'bo', password: 'paswoord123' }, localAddress: '127.0.0.5' });
    for (let i = 0; i < 3; i++) expect((await wrong(first.baseUrl)).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await wrong(second.baseUrl)).status).toBe(401);
    const locked = await wrong(first.baseUrl);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('new web chats count at both instances together: 60 per address in ten minutes, not 60 at each', async () => {
    const token = (baseUrl: string) => fetch(`${baseUrl}/api/directline/token`, { method: 'POST' });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await token(first.baseUrl)).status, (await token(second.baseUrl)).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect((await token(first.baseUrl)).status).toBe(429);
    expect((await token(second.baseUrl)).status).toBe(429);
  });
});
