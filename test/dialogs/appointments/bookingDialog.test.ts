import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../bot/i18n.js';
import { spelledCode } from '../../../dialogs/appointments/appointmentTexts.js';
import { BookingDialog } from '../../../dialogs/appointments/bookingDialog.js';
import { type HandOver } from '../../../dialogs/capabilityOptions.js';
import { loadMunicipalityData } from '../../../services/municipality/municipalityData.js';
import { bookedBySomeoneElse, createTestAppointments } from '../../support/appointments.js';
import { createConversation, readable, TEST_PHONE } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { stubCapability, talkToMainDialog } from '../../support/mainDialogTalk.js';
import { numberedOptions, offeredSlots, placeholder, recognition } from './support.js';

// Every test runs at Monday 2 March 2026, 07:00 in Brussels (TEST_NOW): "morgen" is Tuesday 3 March.
const recognizer = fakeRecognizer({
  'afspraak rijbewijs': recognition('appointment.book', 'rijbewijs'),
  'afspraak rijbewijs donderdag na 16 uur': recognition('appointment.book', 'rijbewijs'),
  'afspraak maken': recognition('appointment.book'),
  paspoort: recognition('document.request', 'reispas'),
});

function smsConversation(appointments = createTestAppointments()) {
  return createConversation({ recognizer, channelId: 'sms', appointments });
}

describe('booking: Dutch date wishes', () => {
  it.each([
    // The counter opens at 08:30; 07:00 plus the two-hour lead time makes 09:00 the first.
    ['afspraak rijbewijs', '«appointments:slots.earliest»', 'maandag 2 maart', ['09:00', '09:15', '09:30', '09:45']],
    ['afspraak rijbewijs donderdag na 16 uur', '«appointments:slots.matching»', 'donderdag 5 maart', ['16:00', '16:15', '16:30', '16:45']],
  ])('answers "%s" with %s: the first free slots, and "another day or time" last', async (message, heading, day, times) => {
    const replies = await smsConversation().say(message);
    expect(readable(replies)).toContain(heading);
    expect(offeredSlots(replies)).toEqual(times.map((time) => `${day} ${time}`));
    expect(numberedOptions(replies).at(-1)).toBe('«appointments:slots.otherMoment»');
  });

  it.each([
    ['volgende dinsdag', 'dinsdag 10 maart', ['08:30', '08:45', '09:00', '09:15']],
    ['donderdag na 16 uur', 'donderdag 5 maart', ['16:00', '16:15', '16:30', '16:45']],
    ['liefst woensdag in de namiddag', 'woensdag 4 maart', ['13:30', '13:45', '14:00', '14:15']],
  ])('offers slots that fit "%s"', async (wish, day, times) => {
    const talk = smsConversation();
    await talk.say('afspraak rijbewijs');
    const replies = await talk.say(wish);
    expect(readable(replies)).toContain('«appointments:slots.matching»');
    expect(offeredSlots(replies)).toEqual(times.map((time) => `${day} ${time}`));
  });

  it('offers only the open part of a partly closed day (closed until 10:30 on 19 March for training)', async () => {
    const talk = smsConversation();
    await talk.say('afspraak rijbewijs');
    const replies = await talk.say('op 19 maart');
    expect(readable(replies)).toContain('«appointments:slots.matching»');
    const offered = offeredSlots(replies);
    expect(offered.length).toBeGreaterThan(0);
    for (const slot of offered) {
      expect(slot).toMatch(/^donderdag 19 maart /);
      expect(slot.slice(-5) >= '10:30').toBe(true);
    }
  });

  it.each([
    // Tuesday afternoon the counter is closed: the nearest free slots are that morning.
    ['morgen in de namiddag', '«appointments:noMatch.outsideHours»', /^dinsdag 3 maart 1[01]:\d\d$/],
    ['maandag 6 april', '«appointments:noMatch.closedHoliday» day=maandag 6 april reason=Paasmaandag', /^dinsdag 7 april/],
    ['zondag', '«appointments:noMatch.closedWeekday» day=zondag 8 maart', /^(zaterdag 7|maandag 9) maart/],
    ['gisteren', '«appointments:noMatch.past»', /^maandag 2 maart 09:/],
    ['vandaag om 8u30', '«appointments:noMatch.tooSoon» hours=2', /^maandag 2 maart 09:/],
    ['vrijdag 1 mei', '«appointments:noMatch.beyondHorizon» day=maandag 13 april', /^(zaterdag 11|maandag 13) april/],
    // A month or part of one past the horizon: not "no free moment at all".
    ['in mei', '«appointments:noMatch.beyondHorizon» day=maandag 13 april', /^(zaterdag 11|maandag 13) april/],
    ['begin februari', '«appointments:noMatch.beyondHorizon» day=maandag 13 april', /^(zaterdag 11|maandag 13) april/],
  ])('explains why "%s" cannot be booked and offers the nearest slots', async (wish, explanation, near) => {
    const talk = smsConversation();
    await talk.say('afspraak rijbewijs');
    const replies = await talk.say(wish);
    expect(readable(replies)).toContain(explanation);
    expect(readable(replies)).toContain('«appointments:slots.nearest»');
    const offered = offeredSlots(replies);
    expect(offered.length).toBeGreaterThan(0);
    for (const slot of offered) expect(slot).toMatch(near);
  });

  it('says a wished time is full and offers the free times around it', async () => {
    const appointments = createTestAppointments();
    await bookedBySomeoneElse(appointments, '2026-03-05T16:00:00+01:00');
    const talk = smsConversation(appointments);
    await talk.say('afspraak rijbewijs');
    const replies = await talk.say('donderdag om 16 uur');
    expect(readable(replies)).toContain('«appointments:noMatch.full»');
    expect(offeredSlots(replies)).not.toContain('donderdag 5 maart 16:00');
    expect(offeredSlots(replies)).toContain('donderdag 5 maart 16:30');
  });

  it('asks for a wish after "another day or time", and says so when it does not understand one', async () => {
    const talk = smsConversation();
    await talk.say('afspraak rijbewijs');
    expect(readable(await talk.say('5'))).toContain('«appointments:slots.askWish»');
    const unclear = await talk.say('blabla');
    expect(readable(unclear)).toContain('«appointments:slots.wishNotUnderstood»');
    expect(offeredSlots(unclear)).toHaveLength(4);
    const wished = await talk.say('woensdag');
    expect(offeredSlots(wished).every((slot) => slot.startsWith('woensdag 4 maart'))).toBe(true);
  });
});

describe('booking: service', () => {
  it('asks the service with the catalog as options, and understands a document name as answer', async () => {
    const talk = smsConversation();
    const question = await talk.say('afspraak maken');
    expect(readable(question)).toContain('«appointments:service.question»');
    expect(numberedOptions(question)).toEqual(talk.appointments.catalog.services.map((service) => service.name.nl));
    const slots = await talk.say('paspoort');
    expect(readable(slots)).toContain('«appointments:slots.earliest»');
    await talk.say('1');
    await talk.say('An Peeters');
    const summary = await talk.say('an@voorbeeld.be');
    expect(readable(summary)).toContain('«appointments:summary.what» service=Reispas aanvragen');
  });

  it('takes the service from a hand-over without asking', async () => {
    const appointments = createTestAppointments();
    const handOver: HandOver = { handOver: { intent: 'appointment.book', options: { service: 'reispas' } } };
    const { say } = talkToMainDialog({
      capabilities: {
        'document.request': stubCapability('documents', () => handOver),
        'appointment.book': new BookingDialog({ ...appointments.deps, phone: TEST_PHONE, clock: appointments.now }),
      },
      recognizer,
    });
    const replies = await say('paspoort');
    expect(replies).not.toContain('«appointments:service.question»');
    expect(replies).toContain('«appointments:slots.earliest»');
    await say('1');
    await say('An Peeters');
    expect(await say('an@voorbeeld.be')).toContain('service=Reispas aanvragen');
  });
});

describe('booking: name, contact, confirmation', () => {
  it('checks the contact, normalises the phone number, confirms and books with the code and what to bring', async () => {
    const talk = smsConversation();
    await talk.say('afspraak rijbewijs');
    expect(readable(await talk.say('2'))).toContain('«appointments:name.question»');
    expect(readable(await talk.say('Mijn naam is An Peeters'))).toContain('«appointments:contact.question»');
    expect(readable(await talk.say('+31 6 12345678'))).toContain('«appointments:contact.foreign»');
    expect(readable(await talk.say('hallo'))).toContain('«appointments:contact.retry»');
    const summary = readable(await talk.say('0470/12.34.56'));
    expect(summary).toContain('«appointments:summary.name» name=An Peeters');
    expect(summary).toContain('«appointments:summary.contact» contact=0470 12 34 56');
    expect(summary).toContain('day=maandag 2 maart time=9.15');
    expect(summary).toContain('«appointments:confirm.question»');
    expect(talk.appointments.document.read().bookings).toHaveLength(0);

    const booked = await talk.say('1');
    const [stored] = talk.appointments.document.read().bookings;
    expect(stored).toMatchObject({
      service: 'rijbewijs',
      start: '2026-03-02T09:15:00+01:00',
      name: 'An Peeters',
      contact: { kind: 'phone', value: '+32470123456' },
      status: 'booked',
    });
    const text = readable(booked);
    expect(text).toContain('«appointments:booked.title»');
    expect(placeholder(booked, 'appointments:booked.code', 'code')).toBe(stored!.code);
    // What to bring is the document card's (data/documents.json), to request it and to collect it.
    const bring = [...text.matchAll(/^(?:- )?«documents:inPerson\.(bring\.\w+|collection\.bringIntro)»$/gm)].map(([, key]) => key);
    const counter = loadMunicipalityData().documentById.get('rijbewijs')!.counter!;
    expect(bring).toEqual([
      ...counter.bring.map((item) => `bring.${item}`),
      'collection.bringIntro',
      ...counter.collection!.bring.map((item) => `bring.${item}`),
    ]);
    // SMS gets the details in text, not a download link.
    expect(text).toContain('«appointments:booked.where» place=Gemeentehuis, Marktplein 1, 9999 Wilgenbeke');
    expect(text).not.toContain('/api/appointments/ics/');
    expect(booked[0]?.speak).toBe(`«appointments:booked.codeSpoken» code=${spelledCode(stored!.code)}`);
    expect(text).toContain('«common:anythingElse.question»');
  });

  it('books nothing when the resident says no', async () => {
    const talk = smsConversation();
    await talk.say('afspraak rijbewijs');
    await talk.say('1');
    await talk.say('An Peeters');
    await talk.say('an@voorbeeld.be');
    expect(readable(await talk.say('2'))).toContain('«appointments:confirm.notBooked»');
    expect(talk.appointments.document.read().bookings).toHaveLength(0);
  });

  it('books for two conversations whose activities have the same ids', async () => {
    const appointments = createTestAppointments();
    for (const conversationId of ['first', 'second']) {
      const talk = createConversation({ recognizer, channelId: 'sms', appointments, conversationId });
      await talk.say('afspraak rijbewijs');
      await talk.say(conversationId === 'first' ? '1' : '2');
      await talk.say('An Peeters');
      await talk.say(`${conversationId}@voorbeeld.be`);
      expect(readable(await talk.say('1'))).toContain('«appointments:booked.title»');
    }
    const bookings = appointments.document.read().bookings;
    expect(bookings.map((booking) => booking.contact.value)).toEqual(['first@voorbeeld.be', 'second@voorbeeld.be']);
    expect(new Set(bookings.map((booking) => booking.code)).size).toBe(2);
  });

  it('gives web chat a card with a calendar link', async () => {
    const talk = createConversation({ recognizer, channelId: 'webchat' });
    await talk.say('afspraak rijbewijs');
    await talk.say('«appointments:slot.label» day=maandag 2 maart time=9');
    await talk.say('An Peeters');
    await talk.say('an@voorbeeld.be');
    const [card] = await talk.say('«common:answer.yes»');
    expect(card?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const actions = (card?.attachments?.[0]?.content as { actions: { type: string; title: string; url: string }[] }).actions;
    expect(actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: '«appointments:booked.calendarLink»',
        url: expect.stringMatching(/^\/api\/appointments\/ics\/[A-Z0-9]{3}-[A-Z0-9]{3}\.0\.2026-03-02\.nl\.\d+\.[\w-]+$/),
      },
    ]);
  });

  it('says when the slot was taken meanwhile, offers the next ones and keeps name and contact', async () => {
    const talk = smsConversation();
    await talk.say('afspraak rijbewijs');
    await talk.say('1');
    await talk.say('An Peeters');
    await talk.say('an@voorbeeld.be');
    // Someone else books 09:00 while the resident reads the summary.
    await bookedBySomeoneElse(talk.appointments, '2026-03-02T09:00:00+01:00');
    const taken = await talk.say('1');
    expect(readable(taken)).toContain('«appointments:booked.slotTaken»');
    expect(readable(taken)).toContain('«appointments:slots.pick»');
    expect(offeredSlots(taken)).toEqual(['maandag 2 maart 09:30', 'maandag 2 maart 09:45', 'maandag 2 maart 10:00']);
    const summary = readable(await talk.say('1'));
    expect(summary).toContain('«appointments:summary.name» name=An Peeters');
    expect(summary).toContain('day=maandag 2 maart time=9.30');
    expect(readable(await talk.say('1'))).toContain('«appointments:booked.title»');
    expect(talk.appointments.document.read().bookings.map((booking) => booking.name)).toEqual(['Iemand Anders', 'An Peeters']);
  });

  it('speaks English with English day names', async () => {
    const talk = createConversation({ recognizer, channelId: 'sms', i18n: createI18n(), locale: 'en-GB' });
    const replies = readable(await talk.say('afspraak rijbewijs'));
    expect(replies).toContain('Monday 2 March at 9:00');
    expect(replies).toContain('Another day or time');
  });
});
