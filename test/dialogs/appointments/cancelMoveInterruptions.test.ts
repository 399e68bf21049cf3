/**
 * The hours, the address or a person asked in the middle of cancelling or moving an appointment: answered
 * (or the callback declined), then the same question again, and the flow goes on from there.
 */
import { describe, expect, it } from 'vitest';
import { createTestAppointments } from '../../support/appointments.js';
import { createConversation, readable } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { handoffFixture } from '../handoffFixtures.js';
import { recognition } from './support.js';

const recognizer = fakeRecognizer({
  'afspraak annuleren': recognition('appointment.cancel'),
  'afspraak verplaatsen': recognition('appointment.reschedule'),
  'hoe laat zijn jullie open': recognition('info.hours'),
  'waar zijn jullie gelegen': recognition('info.contact'),
  'kan ik iemand spreken': recognition('handoff.human'),
});
const CONTACT = 'an.peeters@voorbeeld.be';

async function setup(channelId: string) {
  const appointments = createTestAppointments();
  const seeded = await appointments.provider.book({
    service: 'rijbewijs',
    start: '2026-03-05T16:00:00+01:00',
    name: 'An Peeters',
    contact: { kind: 'email', value: CONTACT },
    requestId: 'seed',
  });
  if (!seeded.ok) throw new Error('seed booking failed');
  const { services } = handoffFixture();
  const talk = createConversation({ recognizer, channelId, appointments, handoff: services });
  return { talk, code: seeded.booking.code, appointments };
}

type Talk = Awaited<ReturnType<typeof setup>>['talk'];

/** Each step: how to reach it, what shows it is asked, and an answer that carries the flow on. */
const STEPS = [
  { name: 'the cancel code question', start: 'afspraak annuleren', before: 0, asked: '«appointments:access.codeQuestion»' },
  { name: 'the cancel confirm question', start: 'afspraak annuleren', before: 2, asked: '«appointments:cancel.question»' },
  { name: 'the move code question', start: 'afspraak verplaatsen', before: 0, asked: '«appointments:access.codeQuestion»' },
  { name: 'the move new-slot question', start: 'afspraak verplaatsen', before: 2, asked: 'slots' },
  { name: 'the move confirm question', start: 'afspraak verplaatsen', before: 3, asked: '«appointments:move.question»' },
] as const;

const INTERRUPTIONS = [
  { name: 'the hours', say: ['hoe laat zijn jullie open'], answered: /«info:hours\./ },
  { name: 'the address', say: ['waar zijn jullie gelegen'], answered: /«info:contact\.|«common:address|«info:/ },
  { name: 'a person, then no callback', say: ['kan ik iemand spreken', 'nee, dank u'], answered: /«common:resume\.carryOn»/ },
] as const;

async function toStep(talk: Talk, code: string, start: string, before: number) {
  const answers = [code, CONTACT, '1'];
  let replies = readable(await talk.say(start));
  for (const answer of answers.slice(0, before)) replies = readable(await talk.say(answer));
  return replies;
}

function asks(replies: string, asked: string): boolean {
  return asked === 'slots' ? /«appointments:slot\.label»/.test(replies) : replies.includes(asked);
}

describe.each(['webchat', 'sms'])('on %s', (channelId) => {
  describe.each(STEPS)('at $name', ({ start, before, asked }) => {
    it.each(INTERRUPTIONS)('$name is answered and the same question comes back; the flow goes on', async ({ say, answered }) => {
      const { talk, code, appointments } = await setup(channelId);
      expect(asks(await toStep(talk, code, start, before), asked)).toBe(true);
      let replies = '';
      for (const text of say) replies = readable(await talk.say(text));
      expect(replies).toMatch(answered);
      expect(asks(replies, asked)).toBe(true);
      expect(replies).not.toContain('«common:cancel.done»');
      // The flow goes on from the same step: the next answer is taken.
      const next = [code, CONTACT, '1', '1'][before]!;
      const after = readable(await talk.say(next));
      if (asked === 'slots') expect(after).toContain('«appointments:move.question»');
      else expect(asks(after, asked)).toBe(false);
      expect(appointments.document.read().bookings.length).toBeGreaterThan(0);
    });
  });
});
