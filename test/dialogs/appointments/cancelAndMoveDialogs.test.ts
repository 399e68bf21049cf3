import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../stores/bookings/bookingStore.js';
import { bookedBySomeoneElse, createTestAppointments, type TestAppointments } from '../../support/appointments.js';
import { createConversation, readable } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { offeredSlots, recognition } from './support.js';

// Monday 2 March 2026, 07:00 in Brussels (TEST_NOW). The appointment: Thursday 5 March at 16:00.
const recognizer = fakeRecognizer({
  'afspraak annuleren': recognition('appointment.cancel'),
  'afspraak verplaatsen': recognition('appointment.reschedule'),
  'kan mijn afspraak naar woensdag': recognition('appointment.reschedule'),
  stop: recognition('cancel'),
});
const CONTACT = { kind: 'email' as const, value: 'an.peeters@voorbeeld.be' };

async function bookedAppointment(appointments: TestAppointments, start = '2026-03-05T16:00:00+01:00'): Promise<Booking> {
  const result = await appointments.provider.book({
    service: 'rijbewijs',
    start,
    name: 'An Peeters',
    contact: CONTACT,
    requestId: `seed-${start}`,
  });
  if (!result.ok) throw new Error(`seed booking failed: ${result.failure.code}`);
  return result.booking;
}

async function setup(channelId = 'sms') {
  const appointments = createTestAppointments();
  const booking = await bookedAppointment(appointments);
  const talk = createConversation({ recognizer, channelId, appointments });
  const records = () => appointments.document.read().bookings.filter((record) => record.code === booking.code);
  return { appointments, booking, talk, records };
}

/** A code of the right shape that is not the booking's. */
function otherCode(code: string): string {
  return code === 'AAA-AAA' ? 'AAA-AAF' : 'AAA-AAA';
}

describe('cancelling', () => {
  it('asks code and contact, shows the appointment, and cancels after yes', async () => {
    const { booking, talk, records } = await setup();
    expect(readable(await talk.say('afspraak annuleren'))).toContain('«appointments:access.codeQuestion»');
    expect(readable(await talk.say('hallo'))).toContain('«appointments:access.codeRetry»');
    expect(readable(await talk.say(`mijn code is ${booking.code.toLowerCase().replace('-', '')}`))).toContain(
      '«appointments:access.contactQuestion»',
    );
    const question = readable(await talk.say('AN.Peeters@voorbeeld.be'));
    expect(question).toContain('«appointments:summary.what» service=Rijbewijs aanvragen');
    expect(question).toContain('day=donderdag 5 maart time=16');
    expect(question).toContain('«appointments:cancel.question»');
    expect(records()[0]!.status).toBe('booked');
    expect(readable(await talk.say('1'))).toContain('«appointments:cancel.done»');
    expect(records()[0]!.status).toBe('cancelled');
  });

  it('stops after three answers without a code and, the phone line being closed at 7:00, offers a callback', async () => {
    const { talk, records } = await setup();
    await talk.say('afspraak annuleren');
    // Not "weet ik niet" or "geen idee": those say the code is lost and get the phone at once.
    expect(readable(await talk.say('hmm'))).toContain('«appointments:access.codeRetry»');
    expect(readable(await talk.say('tja'))).toContain('«appointments:access.codeRetry»');
    const stopped = readable(await talk.say('An Peeters'));
    expect(stopped).toContain('«appointments:access.codeWhere»');
    expect(stopped).toContain('«appointments:access.callbackOffer»');
    expect(stopped).not.toContain('«appointments:access.contactQuestion»');
    expect(records()[0]!.status).toBe('booked');
  });

  it('keeps the appointment when the resident says no', async () => {
    const { booking, talk, records } = await setup();
    await talk.say('afspraak annuleren');
    await talk.say(booking.code);
    await talk.say(CONTACT.value);
    expect(readable(await talk.say('2'))).toContain('«appointments:cancel.kept»');
    expect(records()[0]!.status).toBe('booked');
  });

  it('answers a wrong code and a wrong contact with the same neutral message', async () => {
    const { booking, talk, appointments } = await setup();
    await talk.say('afspraak annuleren');
    await talk.say(otherCode(booking.code));
    const wrongCode = readable(await talk.say(CONTACT.value));
    // A first failure in each conversation: from the second one on the phone is added.
    const other = createConversation({ recognizer, channelId: 'sms', appointments });
    await other.say('afspraak annuleren');
    await other.say(booking.code);
    const wrongContact = readable(await other.say('0470 12 34 56'));
    expect(wrongCode).toContain('«appointments:access.notFound»');
    expect(wrongContact).toBe(wrongCode);
    expect(wrongCode).not.toContain('Rijbewijs');
    expect(readable(await talk.say('2'))).toContain('«appointments:access.stopped»');
  });

  it('stops a conversation after five wrong attempts, even with the right code next', async () => {
    const { booking, talk, records, appointments } = await setup();
    await talk.say('afspraak annuleren');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (attempt > 0) await talk.say('1');
      await talk.say(booking.code);
      expect(readable(await talk.say(`gok${attempt}@voorbeeld.be`))).toContain('«appointments:access.notFound»');
    }
    await talk.say('1');
    await talk.say(booking.code);
    const blocked = readable(await talk.say(CONTACT.value));
    expect(blocked).toContain('«appointments:access.tooMany» time=7.15');
    expect(blocked).not.toContain('«appointments:cancel.question»');
    expect(records()[0]!.status).toBe('booked');

    // Another conversation is not blocked.
    const other = createConversation({ recognizer, channelId: 'sms', appointments, conversationId: 'another-conversation' });
    await other.say('afspraak annuleren');
    await other.say(booking.code);
    expect(readable(await other.say(CONTACT.value))).toContain('«appointments:cancel.question»');
  });

  it('says so when the appointment was already cancelled', async () => {
    const { booking, talk, appointments } = await setup();
    await appointments.provider.cancel({ code: booking.code, contact: CONTACT, attemptKey: 'elsewhere', requestId: 'cancel-1' });
    await talk.say('afspraak annuleren');
    await talk.say(booking.code);
    expect(readable(await talk.say(CONTACT.value))).toContain('«appointments:access.notActive»');
  });
});

describe.each(['webchat', 'sms'])('a code that cannot be right, on %s', (channelId) => {
  it('says the code does not exist, without a lecture on its format', async () => {
    const { talk } = await setup(channelId);
    await talk.say('afspraak annuleren');
    const first = readable(await talk.say('ABC-123'));
    expect(first).toContain('«appointments:access.codeUnknown»');
    expect(first).not.toContain('«appointments:access.codeRetry»');
    expect(first).not.toContain('«appointments:access.callUs»');
    expect(readable(await talk.say('K7M-4XTT'))).toContain('«appointments:access.codeUnknown»');
  });

  it('gives the phone from the second wrong code on, and on a third ends with a callback offer (line closed at 7:00)', async () => {
    const { talk } = await setup(channelId);
    await talk.say('afspraak annuleren');
    await talk.say('ABC-123');
    expect(readable(await talk.say('abc 123'))).toContain('«appointments:access.callUs» phone=050 12 34 56');
    const ended = readable(await talk.say('XYZ-999'));
    expect(ended).toContain('«appointments:access.callbackOffer»');
  });

  it('gives the phone when the resident stops after repeated wrong codes', async () => {
    const { talk } = await setup(channelId);
    await talk.say('afspraak annuleren');
    await talk.say('ABC-123');
    await talk.say('ABC-124');
    const stopped = readable(await talk.say('stop'));
    expect(stopped).toContain('«appointments:access.callUs» phone=050 12 34 56');
    expect(stopped).toContain('«common:cancel.done»');
  });

  it('does not give the phone when the resident stops before anything went wrong', async () => {
    const { talk } = await setup(channelId);
    await talk.say('afspraak annuleren');
    const stopped = readable(await talk.say('stop'));
    expect(stopped).toContain('«common:cancel.done»');
    expect(stopped).not.toContain('phone=');
  });

  it('accepts the right code in lower case, with spaces and without the dash', async () => {
    const { booking, talk } = await setup(channelId);
    await talk.say('afspraak annuleren');
    const spaced = booking.code.toLowerCase().replace('-', ' ');
    expect(readable(await talk.say(spaced))).toContain('«appointments:access.contactQuestion»');
  });

  it('gives the phone with the second booking not found, and when the resident then stops', async () => {
    const { booking, talk } = await setup(channelId);
    await talk.say('afspraak annuleren');
    await talk.say(otherCode(booking.code));
    expect(readable(await talk.say(CONTACT.value))).not.toContain('«appointments:access.callUs»');
    await talk.say('1');
    await talk.say(otherCode(booking.code));
    expect(readable(await talk.say(CONTACT.value))).toContain('«appointments:access.callUs» phone=050 12 34 56');
    await talk.say('1');
    const stopped = readable(await talk.say('stop'));
    expect(stopped).toContain('«appointments:access.callUs» phone=050 12 34 56');
  });
});

describe('moving', () => {
  it('offers new slots, keeps the old one until yes, then moves with the same code', async () => {
    const { booking, talk, records } = await setup();
    await talk.say('afspraak verplaatsen');
    await talk.say(booking.code);
    const offer = await talk.say(CONTACT.value);
    expect(readable(offer)).toContain('«appointments:move.current»');
    expect(readable(offer)).toContain('day=donderdag 5 maart time=16');
    expect(offeredSlots(offer)).toHaveLength(4);
    const wished = await talk.say('volgende dinsdag');
    expect(offeredSlots(wished)[0]).toBe('dinsdag 10 maart 08:30');
    const question = readable(await talk.say('1'));
    expect(question).toContain('«appointments:move.question»');
    expect(question).toContain('from=«appointments:slot.label» day=donderdag 5 maart time=16');
    expect(question).toContain('to=«appointments:slot.label» day=dinsdag 10 maart time=8.30');
    // Not moved yet: the old slot is still the resident's.
    expect(records()).toMatchObject([{ status: 'booked', start: '2026-03-05T16:00:00+01:00' }]);

    const moved = readable(await talk.say('1'));
    expect(moved).toContain('«appointments:moved.title»');
    expect(moved).toContain(`«appointments:booked.code» code=${booking.code}`);
    expect(records()).toMatchObject([
      { status: 'moved', start: '2026-03-05T16:00:00+01:00', revision: 0 },
      { status: 'booked', start: '2026-03-10T08:30:00+01:00', revision: 1 },
    ]);
  });

  it('understands a wish in the first message', async () => {
    const { booking, talk } = await setup();
    await talk.say('kan mijn afspraak naar woensdag');
    await talk.say(booking.code);
    const offer = await talk.say(CONTACT.value);
    expect(readable(offer)).toContain('«appointments:slots.matching»');
    expect(offeredSlots(offer).every((slot) => slot.startsWith('woensdag 4 maart'))).toBe(true);
  });

  it('keeps the old slot when the resident says no', async () => {
    const { booking, talk, records } = await setup();
    await talk.say('afspraak verplaatsen');
    await talk.say(booking.code);
    await talk.say(CONTACT.value);
    await talk.say('1');
    expect(readable(await talk.say('2'))).toContain('«appointments:move.kept»');
    expect(records()).toMatchObject([{ status: 'booked', start: '2026-03-05T16:00:00+01:00' }]);
  });

  it('keeps the old slot and offers others when the new one was taken meanwhile', async () => {
    const { booking, talk, records, appointments } = await setup();
    await talk.say('afspraak verplaatsen');
    await talk.say(booking.code);
    const offer = await talk.say(CONTACT.value);
    const [first] = offeredSlots(offer);
    expect(first).toBe('maandag 2 maart 09:00');
    await talk.say('1');
    await bookedBySomeoneElse(appointments, '2026-03-02T09:00:00+01:00');
    const taken = await talk.say('1');
    expect(readable(taken)).toContain('«appointments:booked.slotTaken»');
    expect(offeredSlots(taken)).not.toContain('maandag 2 maart 09:00');
    expect(records()).toMatchObject([{ status: 'booked', start: '2026-03-05T16:00:00+01:00' }]);
    await talk.say('1');
    expect(readable(await talk.say('1'))).toContain('«appointments:moved.title»');
    expect(records().map((record) => record.status)).toEqual(['moved', 'booked']);
  });

  it('answers a wrong contact neutrally and moves nothing', async () => {
    const { booking, talk, records } = await setup();
    await talk.say('afspraak verplaatsen');
    await talk.say(booking.code);
    const replies = readable(await talk.say('iemand@voorbeeld.be'));
    expect(replies).toContain('«appointments:access.notFound»');
    expect(offeredSlots([{ text: replies }])).toHaveLength(0);
    expect(records()).toHaveLength(1);
  });
});
