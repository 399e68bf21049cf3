import type { Request } from 'restify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../bot/i18n.js';
import type { Booking } from '../../../stores/bookings/bookingStore.js';
import { appointmentRoutesOf, createTestAppointments, TEST_NOW } from '../../support/appointments.js';
import { startTestServer } from '../../support/testServer.js';

const appointments = createTestAppointments();
const CONTACT = { kind: 'email' as const, value: 'an.peeters@voorbeeld.be' };
let server: Awaited<ReturnType<typeof startTestServer>>;
let staffAnswer: (req: Request) => boolean | Promise<boolean> = () => false;

beforeAll(async () => {
  server = await startTestServer({
    appointments,
    routes: [appointmentRoutesOf(appointments, { i18n: createI18n(), authorize: (req) => staffAnswer(req) })],
  });
});
afterAll(() => server.close());
beforeEach(() => {
  appointments.clock.now = TEST_NOW;
  staffAnswer = (req) => req.headers.authorization === 'Bearer counter-staff';
});

let seq = 0;
async function book(start: string, service = 'rijbewijs', name = 'An Peeters'): Promise<Booking> {
  seq += 1;
  const result = await appointments.provider.book({ service, start, name, contact: CONTACT, requestId: `route-test-${seq}` });
  if (!result.ok) throw new Error(`seed booking failed: ${result.failure.code}`);
  return result.booking;
}

async function expectJsonError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
}

describe('GET /api/appointments/ics/:token', () => {
  it('answers a valid link with the calendar file of the appointment', async () => {
    const booking = await book('2026-03-05T16:00:00+01:00');
    const response = await fetch(`${server.baseUrl}${appointments.deps.calendarLinks.linkFor(booking, 'nl')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="afspraak-${booking.code}.ics"`);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    const ics = await response.text();
    expect(ics).toContain('DTSTART;TZID=Europe/Brussels:20260305T160000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Brussels:20260305T163000\r\n');
    expect(ics).toContain(`UID:${booking.code}@`);
    expect(ics).toContain('SUMMARY:Afspraak aan het loket: Rijbewijs aanvragen');
    // The file says what, when and where; never who.
    expect(ics).not.toContain('Peeters');
    expect(ics).not.toContain(CONTACT.value);
  });

  it('writes the texts in the language of the link', async () => {
    const booking = await book('2026-03-05T16:30:00+01:00');
    const ics = await (await fetch(`${server.baseUrl}${appointments.deps.calendarLinks.linkFor(booking, 'en')}`)).text();
    expect(ics).toContain('SUMMARY:Appointment at the counter: Apply for a driving licence');
  });

  it('answers a changed or made-up token with 404', async () => {
    const booking = await book('2026-03-05T17:00:00+01:00');
    const link = appointments.deps.calendarLinks.linkFor(booking, 'nl');
    const token = link.split('/').at(-1)!;
    const cut = token.lastIndexOf('.');
    const [payload, signature] = [token.slice(0, cut), token.slice(cut + 1)];
    const otherCode = payload.replace(booking.code, booking.code === 'AAA-AAA' ? 'AAA-AAF' : 'AAA-AAA');
    for (const forged of [`${otherCode}.${signature}`, `${payload}.${signature.slice(1)}A`, 'AAA-AAA', `${payload}.`]) {
      await expectJsonError(await fetch(`${server.baseUrl}/api/appointments/ics/${forged}`), 404, 'not_found');
    }
  });

  it('answers an expired link with 403', async () => {
    const booking = await book('2026-03-05T17:30:00+01:00');
    const link = appointments.deps.calendarLinks.linkFor(booking, 'nl');
    // Valid until a day after the appointment ends (5 March 18:00).
    appointments.clock.now = new Date('2026-03-06T17:59:59+01:00');
    expect((await fetch(`${server.baseUrl}${link}`)).status).toBe(200);
    appointments.clock.now = new Date('2026-03-06T18:00:00+01:00');
    await expectJsonError(await fetch(`${server.baseUrl}${link}`), 403, 'link_expired');
  });

  it('serves a moved appointment only under its new link, and a cancelled one not at all', async () => {
    const booking = await book('2026-03-05T18:00:00+01:00');
    const oldLink = appointments.deps.calendarLinks.linkFor(booking, 'nl');
    const moved = await appointments.provider.move({
      code: booking.code,
      contact: CONTACT,
      attemptKey: 'route-test',
      requestId: 'route-test-move',
      newStart: '2026-03-05T18:30:00+01:00',
    });
    if (!moved.ok) throw new Error(`move failed: ${moved.failure.code}`);
    await expectJsonError(await fetch(`${server.baseUrl}${oldLink}`), 404, 'not_found');
    const newLink = appointments.deps.calendarLinks.linkFor(moved.booking, 'nl');
    const ics = await (await fetch(`${server.baseUrl}${newLink}`)).text();
    expect(ics).toContain('DTSTART;TZID=Europe/Brussels:20260305T183000\r\n');
    expect(ics).toContain('SEQUENCE:1\r\n');

    await appointments.provider.cancel({ code: booking.code, contact: CONTACT, attemptKey: 'route-test', requestId: 'route-test-cancel' });
    await expectJsonError(await fetch(`${server.baseUrl}${newLink}`), 404, 'not_found');
  });
});

describe('GET /api/staff/appointments', () => {
  const staff = { authorization: 'Bearer counter-staff' };

  it('answers 401 without staff authorization, also when authorize fails', async () => {
    await expectJsonError(await fetch(`${server.baseUrl}/api/staff/appointments?day=2026-03-09`), 401, 'unauthorized');
    staffAnswer = async () => false;
    await expectJsonError(await fetch(`${server.baseUrl}/api/staff/appointments?day=2026-03-09`, { headers: staff }), 401, 'unauthorized');
    staffAnswer = () => {
      throw new Error('session store down');
    };
    await expectJsonError(await fetch(`${server.baseUrl}/api/staff/appointments?day=2026-03-09`, { headers: staff }), 401, 'unauthorized');
  });

  it.each(['', '?day=', '?day=2026-3-9', '?day=2026-02-30', '?day=morgen'])('answers 400 for a bad day (%s)', async (query) => {
    await expectJsonError(await fetch(`${server.baseUrl}/api/staff/appointments${query}`, { headers: staff }), 400, 'day_invalid');
  });

  it("lists the day's appointments per counter without contact details", async () => {
    const passport = await book('2026-03-09T09:00:00+01:00', 'reispas', 'Jan Janssens');
    const licence = await book('2026-03-09T08:30:00+01:00', 'rijbewijs', 'An Peeters');
    await book('2026-03-10T09:00:00+01:00', 'rijbewijs', 'Other Day');
    const response = await fetch(`${server.baseUrl}/api/staff/appointments?day=2026-03-09`, { headers: staff });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    const body = await response.json();
    expect(body).toEqual({
      day: '2026-03-09',
      counters: [
        {
          counter: 'loket-1',
          name: 'Loket 1',
          appointments: [
            {
              time: '09:00',
              endTime: '09:30',
              name: 'Jan Janssens',
              service: 'reispas',
              serviceName: 'Reispas aanvragen',
              code: passport.code,
            },
          ],
        },
        { counter: 'loket-2', name: 'Loket 2', appointments: [] },
        {
          counter: 'loket-3',
          name: 'Loket 3',
          appointments: [
            {
              time: '08:30',
              endTime: '09:00',
              name: 'An Peeters',
              service: 'rijbewijs',
              serviceName: 'Rijbewijs aanvragen',
              code: licence.code,
            },
          ],
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain(CONTACT.value);
  });
});
