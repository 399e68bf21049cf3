import { beforeAll, describe, expect, it } from 'vitest';
import { readMomentWish } from '../../../dialogs/appointments/momentWish.js';
import { createOfflineRecognizer } from '../../../nlu/offlineRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { brussels, createTestAppointments } from '../../support/appointments.js';
import { createConversation, readable } from '../../support/conversation.js';
import { handoffFixture } from '../handoffFixtures.js';
import { offeredSlots } from './support.js';

/** Monday 2 March 2026, 07:00 in Brussels; the appointment to move is on Tuesday 3 March at 9:00. */
const NOW = brussels('2026-03-02', '07:00');
const CURRENT = '2026-03-03T09:00:00+01:00';
const CONTACT = { kind: 'email' as const, value: 'an.peeters@voorbeeld.be' };

describe('reading what a resident says about when', () => {
  it.each([
    ['niet op woensdag', { avoid: { weekdays: [3] } }],
    ['donderdag past mij helaas niet meer', { avoid: { weekdays: [4] } }],
    ['ik kan donderdag niet', { avoid: { weekdays: [4] } }],
    ['liefst niet op maandag, wel in de namiddag', { avoid: { weekdays: [1] }, exact: { partOfDay: 'afternoon' } }],
    ['die dag kan ik niet', { refusesThatDay: true }],
    ['morgen lukt het niet', { avoid: { days: ['2026-03-03'] } }],
    ['later in de week', { relative: 'laterInWeek' }],
    ['kan het een week later?', { relative: 'weekLater' }],
    ['liefst wat eerder', { relative: 'earlier' }],
    ['zo snel mogelijk', { vague: { kind: 'earliest' } }],
    ['vrijdag om 10 uur', { exact: { day: '2026-03-06', time: '10:00' } }],
  ])('"%s"', (text, wish) => {
    expect(readMomentWish(text, NOW)).toEqual(wish);
  });

  it.each(['An Peeters', 'de tweede', 'nee dan niet', 'ja dat is goed'])('"%s" says nothing about when', (text) => {
    expect(readMomentWish(text, NOW)).toBeUndefined();
  });
});

describe.each(['webchat', 'sms'])('moving an appointment, on %s', (channelId) => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = await createOfflineRecognizer();
  });

  /** Starts the move with `first`, gives code and contact, and returns the slot question's replies. */
  async function atSlotQuestion(first: string) {
    const appointments = createTestAppointments({ now: NOW });
    const booked = await appointments.provider.book({
      service: 'rijbewijs',
      start: CURRENT,
      name: 'An Peeters',
      contact: CONTACT,
      requestId: 'seed',
    });
    if (!booked.ok) throw new Error(`seed booking failed: ${booked.failure.code}`);
    const talk = createConversation({ recognizer, channelId, appointments, now: () => NOW });
    expect(readable(await talk.say(first))).toContain('«appointments:access.codeQuestion»');
    expect(readable(await talk.say(booked.booking.code))).toContain('«appointments:access.contactQuestion»');
    const replies = await talk.say(CONTACT.value);
    expect(readable(replies)).toContain('«appointments:move.current»');
    return { talk, replies, appointments };
  }

  /** The offered slots as 'YYYY-MM-DD HH:MM', read from the buttons' values (web chat) or by asking the store what was offered (SMS). */
  function offeredStarts(replies: Awaited<ReturnType<ReturnType<typeof createConversation>['say']>>): string[] {
    const text = readable(replies);
    const values = [...text.matchAll(/"answer":"(\d{4}-\d\d-\d\dT\d\d:\d\d)/g)].map((match) => match[1]!.replace('T', ' '));
    if (values.length > 0) return values;
    return offeredSlots(replies);
  }

  const DUTCH_DAY = /^\S+ (\d+) maart (\d\d:\d\d)$/;
  /** 'YYYY-MM-DD HH:MM' from either form. */
  function isoOf(offered: string): string {
    const dutch = DUTCH_DAY.exec(offered);
    return dutch ? `2026-03-${dutch[1]!.padStart(2, '0')} ${dutch[2]}` : offered;
  }

  it('"dinsdag past mij niet meer" in the first message never offers Tuesday, nor the current slot', async () => {
    const { replies } = await atSlotQuestion('zou ik mijn afspraak kunnen verplaatsen, dinsdag past mij helaas niet meer');
    const offered = offeredStarts(replies).map(isoOf);
    expect(offered.length).toBeGreaterThan(0);
    for (const start of offered) expect(start.slice(0, 10)).not.toBe('2026-03-03');
    expect(readable(replies)).not.toContain('«appointments:slots.wishNotUnderstood»');
  });

  it.each([
    ['kan ik mijn afspraak van dinsdag verzetten naar volgende week', (start: string) => start >= '2026-03-09' && start < '2026-03-16'],
    ['mijn afspraak op dinsdag 3 maart om 9u wil ik verplaatsen naar vrijdag', (start: string) => start.slice(0, 10) === '2026-03-06'],
    ['de afspraak van morgen verzetten naar donderdag aub', (start: string) => start.slice(0, 10) === '2026-03-05'],
  ])('"%s": the day of the appointment being moved is no wish, the day after "naar" is', async (first, fitting) => {
    const { replies } = await atSlotQuestion(first);
    const offered = offeredStarts(replies).map(isoOf);
    expect(offered.length).toBeGreaterThan(0);
    for (const start of offered) expect(fitting(start), start).toBe(true);
  });

  it.each([
    ['die dag kan ik niet', (start: string) => start.slice(0, 10) !== '2026-03-03'],
    ['later in de week', (start: string) => start.slice(0, 10) > '2026-03-03' && start.slice(0, 10) <= '2026-03-08'],
    ['een week later', (start: string) => start.slice(0, 10) === '2026-03-10'],
    ['dinsdag in de voormiddag', (start: string) => start.slice(0, 10) === '2026-03-03' && start !== '2026-03-03 09:00'],
  ])('"%s" at the slot question offers only fitting slots, never the current one', async (answer, fitting) => {
    const { talk } = await atSlotQuestion('afspraak verplaatsen');
    const replies = await talk.say(answer);
    expect(readable(replies)).toMatch(/«appointments:slots\.(matching|nearest)»/);
    const offered = offeredStarts(replies).map(isoOf);
    expect(offered.length).toBeGreaterThan(0);
    for (const start of offered) {
      expect(start).not.toBe('2026-03-03 09:00');
      expect(fitting(start), start).toBe(true);
    }
  });
});

describe.each(['webchat', 'sms'])('a lost booking code at the code question, on %s', (channelId) => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = await createOfflineRecognizer();
  });

  it.each(['weet ik nie meer', 'ik weet het niet meer', 'die ben ik kwijt', 'vergeten, sorry'])(
    '"%s" gets where the code is and, the phone line being closed at 7:00, the offer of a callback',
    async (answer) => {
      const talk = createConversation({ recognizer, channelId, now: () => NOW, appointments: createTestAppointments({ now: NOW }) });
      expect(readable(await talk.say('afspraak annuleren'))).toContain('«appointments:access.codeQuestion»');
      const reply = readable(await talk.say(answer));
      expect(reply).toContain('«appointments:access.codeWhere»');
      expect(reply).toContain('«appointments:access.callbackOffer»');
      expect(reply).not.toContain('«appointments:access.noCode»');
      expect(reply).not.toContain('«appointments:access.codeRetry»');
      expect(reply).not.toContain('«common:cancel.done»');
    },
  );

  it('goes straight to the callback moment after yes to the callback offer', async () => {
    const handoff = handoffFixture({ now: NOW });
    const talk = createConversation({
      recognizer,
      channelId,
      now: () => NOW,
      handoff: handoff.services,
      appointments: createTestAppointments({ now: NOW }),
    });
    await talk.say('afspraak verplaatsen');
    expect(readable(await talk.say('weet ik nie meer'))).toContain('«appointments:access.callbackOffer»');
    const reply = readable(await talk.say('ja'));
    expect(reply).toContain('«handoff:callback.momentQuestion»');
    expect(reply).not.toContain('«handoff:offer.question»');
  });

  it('gives the phone and when it is answered again after no to the callback offer', async () => {
    const talk = createConversation({ recognizer, channelId, now: () => NOW, appointments: createTestAppointments({ now: NOW }) });
    await talk.say('afspraak annuleren');
    await talk.say('weet ik nie meer');
    const reply = readable(await talk.say('nee'));
    expect(reply).toContain('«appointments:access.noCode»');
    expect(reply).toContain('«handoff:staffed.next.today»');
  });

  it('gives only the phone while the line is staffed', async () => {
    const open = brussels('2026-03-02', '10:00');
    const talk = createConversation({ recognizer, channelId, now: () => open, appointments: createTestAppointments({ now: open }) });
    await talk.say('afspraak annuleren');
    const reply = readable(await talk.say('weet ik nie meer'));
    expect(reply).toContain('«appointments:access.codeWhere»');
    expect(reply).toContain('«appointments:access.noCode»');
    expect(reply).not.toContain('«appointments:access.callbackOffer»');
  });
});
