import type { Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentRoutesOf, createTestAppointments, type TestAppointments } from '../../support/appointments.js';
import { readable } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { messageActivity, postJson, startTestServer } from '../../support/testServer.js';
import { offeredSlots, placeholder, recognition } from './support.js';
import { BOOKING_CODE_PATTERN } from '../../../services/appointments/bookingCode.js';

// The whole bot over real HTTP with `deliveryMode: expectReplies`, at Monday 2 March 2026, 07:00 in Brussels.
const recognizer = fakeRecognizer({
  'afspraak rijbewijs': recognition('appointment.book', 'rijbewijs'),
  'afspraak maken': recognition('appointment.book'),
});

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(appointments: TestAppointments = createTestAppointments()) {
  server = await startTestServer({
    recognizer,
    appointments,
    routes: [appointmentRoutesOf(appointments, { authorize: () => false })],
  });
  return { server, appointments };
}

/** One resident's conversation over HTTP. */
function resident(baseUrl: string, conversationId: string, channelId: string) {
  return async (text: string, id?: string): Promise<Partial<Activity>[]> => {
    const activity = messageActivity(text, {
      channelId,
      conversation: { id: conversationId },
      from: { id: `user-${conversationId}`, role: 'user' },
      ...(id ? { id } : {}),
    });
    const response = await postJson(`${baseUrl}/api/messages`, activity);
    expect(response.status).toBe(200);
    return ((await response.json()) as { activities: Partial<Activity>[] }).activities;
  };
}

/** The texts of the buttons of the last question (web chat hero card, messageBack): what a click posts as text. */
function buttons(replies: Partial<Activity>[]): string[] {
  const card = [...replies].reverse().find((reply) => reply.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.hero');
  return ((card?.attachments?.[0]?.content as { buttons?: { text: string }[] })?.buttons ?? []).map((button) => button.text);
}

describe('booking over HTTP', () => {
  it('on web chat: buttons all the way, then a code and a calendar link that downloads the appointment', async () => {
    const { server, appointments } = await start();
    const say = resident(server.baseUrl, 'web-1', 'webchat');
    const slots = await say('afspraak rijbewijs');
    expect(buttons(slots)).toHaveLength(5);
    const [firstSlot] = buttons(slots);
    expect(firstSlot).toBe('«appointments:slot.label» day=maandag 2 maart time=9');
    expect(readable(await say(firstSlot!))).toContain('«appointments:name.question»');
    await say('An Peeters');
    const summary = await say('an.peeters@voorbeeld.be');
    expect(buttons(summary)).toEqual([
      '«common:answer.yes»',
      '«common:answer.no»',
      '«appointments:confirm.fixName»',
      '«appointments:confirm.fixContact»',
      '«appointments:confirm.fixMoment»',
    ]);
    const booked = await say(buttons(summary)[0]!);

    const [stored] = appointments.document.read().bookings;
    expect(stored).toMatchObject({
      start: '2026-03-02T09:00:00+01:00',
      name: 'An Peeters',
      contact: { kind: 'email', value: 'an.peeters@voorbeeld.be' },
    });
    const card = booked.find((reply) => reply.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive');
    const content = card?.attachments?.[0]?.content as { body: { text: string }[]; actions: { url: string }[] };
    expect(content.body.map((block) => block.text)).toContain(`«appointments:booked.code» code=${stored!.code}`);
    const link = content.actions[0]!.url;
    const ics = await fetch(`${server.baseUrl}${link}`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const file = await ics.text();
    expect(file).toContain('DTSTART;TZID=Europe/Brussels:20260302T090000\r\n');
    expect(file).toContain(`UID:${stored!.code}@`);
  });

  it('on SMS: numbered choices answered with "2" and "twee", details in text instead of a link', async () => {
    const { server, appointments } = await start();
    const say = resident(server.baseUrl, 'sms-1', 'sms');
    const services = readable(await say('afspraak maken'));
    expect(services).toMatch(/^2\. Elektronische identiteitskaart \(eID\) afhalen$/m);
    const slots = await say('2');
    expect(offeredSlots(slots)).toEqual([
      'maandag 2 maart 09:00',
      'maandag 2 maart 09:15',
      'maandag 2 maart 09:30',
      'maandag 2 maart 09:45',
    ]);
    expect(readable(slots)).toContain('«common:choice.answerWithNumber»');
    expect(readable(await say('twee'))).toContain('«appointments:name.question»');
    await say('Jan Janssens');
    expect(readable(await say('0470 12 34 56'))).toMatch(/^1\. «common:answer\.yes»$/m);
    const booked = await say('1');

    const [stored] = appointments.document.read().bookings;
    expect(stored).toMatchObject({
      service: 'eid-afhaling',
      start: '2026-03-02T09:15:00+01:00',
      contact: { kind: 'phone', value: '+32470123456' },
    });
    expect(placeholder(booked, 'appointments:booked.code', 'code')).toBe(stored!.code);
    expect(readable(booked)).toContain('«appointments:booked.where»');
    expect(readable(booked)).not.toContain('/api/appointments/ics/');
    expect(booked.every((reply) => (reply.attachments ?? []).length === 0)).toBe(true);
  });

  it('gives the last place to exactly one of many residents confirming at once, and offers the others the next slots', async () => {
    const { server, appointments } = await start();
    const residents = Array.from({ length: 12 }, (_, i) => resident(server.baseUrl, `race-${i}`, 'sms'));
    // Everyone picks the earliest slot (the driving licence counter serves one resident at a time) and gets to the yes/no.
    await Promise.all(
      residents.map(async (say, i) => {
        await say('afspraak rijbewijs');
        await say('1');
        await say(`Inwoner ${i}`);
        expect(readable(await say(`inwoner${i}@voorbeeld.be`))).toContain('«appointments:confirm.question»');
      }),
    );
    const answers = await Promise.all(residents.map((say) => say('1')));

    const winners = answers.filter((replies) => readable(replies).includes('«appointments:booked.title»'));
    const others = answers.filter((replies) => readable(replies).includes('«appointments:booked.slotTaken»'));
    expect(winners).toHaveLength(1);
    expect(others).toHaveLength(11);
    for (const replies of others) {
      expect(offeredSlots(replies)).toEqual(['maandag 2 maart 09:30', 'maandag 2 maart 09:45', 'maandag 2 maart 10:00']);
    }
    const active = appointments.document.read().bookings.filter((booking) => booking.status === 'booked');
    expect(active).toHaveLength(1);
    expect(active[0]!.start).toBe('2026-03-02T09:00:00+01:00');
  });

  it('books once when a channel retries the confirming activity while the first is still running', async () => {
    const appointments = createTestAppointments();
    // Hold the first booking until the retry has arrived too, as when a slow turn is retried after 15 seconds.
    const book = appointments.provider.book.bind(appointments.provider);
    let calls = 0;
    let bothArrived!: () => void;
    const retryArrived = new Promise<void>((resolve) => (bothArrived = resolve));
    appointments.provider.book = async (request) => {
      calls += 1;
      if (calls === 2) bothArrived();
      await retryArrived;
      return book(request);
    };
    const { server } = await start(appointments);
    const say = resident(server.baseUrl, 'retry-1', 'webchat');
    await say('afspraak rijbewijs');
    await say('1');
    await say('An Peeters');
    await say('an.peeters@voorbeeld.be');
    const [first, second] = await Promise.all([say('1', 'confirm-activity'), say('1', 'confirm-activity')]);
    const codeIn = (replies: Partial<Activity>[]) => new RegExp(`code=(${BOOKING_CODE_PATTERN})`).exec(JSON.stringify(replies))?.[1];
    expect(codeIn(first!)).toBeDefined();
    expect(calls).toBe(2);
    expect(codeIn(second!)).toBe(codeIn(first!));
    // Delivered again later: the booking is done, nothing is booked twice.
    await say('1', 'confirm-activity');
    expect(appointments.document.read().bookings).toHaveLength(1);
  });
});
