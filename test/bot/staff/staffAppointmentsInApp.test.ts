import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceCatalog } from '../../../services/appointments/serviceCatalog.js';
import { startApp } from '../../support/appServer.js';
import { bookThroughChat, login, send, staffAccountsEnv } from './staffFixtures.js';

// The day view of the counter staff as bot/app.ts wires it: behind the staff console's session.

let app: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  app = await startApp({ STAFF_ACCOUNTS: await staffAccountsEnv() });
}, 30_000);

afterAll(async () => {
  await app?.close();
});

const DAY = '2026-03-02';

describe('GET /api/staff/appointments on the whole app', () => {
  it('answers 401 without a staff session, and with a made-up one', async () => {
    for (const cookie of [undefined, 'staff_session=made-up']) {
      const answer = await send(app.baseUrl, 'GET', `/api/staff/appointments?day=${DAY}`, { cookie });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('answers 200 with every counter after the staff login, 400 for a wrong day, and 401 again after logout', async () => {
    const cookie = await login(app.baseUrl);
    const answer = await send(app.baseUrl, 'GET', `/api/staff/appointments?day=${DAY}`, { cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toMatch(/no-store/);
    const counters = loadServiceCatalog().counters.map((counter) => ({ counter: counter.id, name: counter.name.nl, appointments: [] }));
    expect(answer.body).toEqual({ day: DAY, counters });

    expect((await send(app.baseUrl, 'GET', '/api/staff/appointments?day=2-3-2026', { cookie })).status).toBe(400);

    expect((await send(app.baseUrl, 'POST', '/api/staff/logout', { cookie, json: {} })).status).toBe(204);
    expect((await send(app.baseUrl, 'GET', `/api/staff/appointments?day=${DAY}`, { cookie })).status).toBe(401);
  });

  it('lists an appointment booked through the chat at its counter, without the contact details', async () => {
    const booking = await bookThroughChat(app.baseUrl, app.dataDir);
    const day = booking.start.slice(0, 10);
    const cookie = await login(app.baseUrl);
    const answer = await send(app.baseUrl, 'GET', `/api/staff/appointments?day=${day}`, { cookie });
    expect(answer.status).toBe(200);
    const view = answer.body as { counters: { counter: string; appointments: { code: string }[] }[] };
    const atCounter = view.counters.find((counter) => counter.counter === booking.counter);
    expect(atCounter?.appointments).toEqual([
      {
        time: booking.start.slice(11, 16),
        endTime: booking.end.slice(11, 16),
        name: 'An Peeters',
        service: 'rijbewijs',
        serviceName: 'Rijbewijs aanvragen',
        code: booking.code,
      },
    ]);
    expect(JSON.stringify(answer.body)).not.toContain(booking.contact.value);
  });
});
