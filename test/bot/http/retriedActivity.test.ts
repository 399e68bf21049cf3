import type { Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { recognition } from '../../dialogs/appointments/support.js';
import { createTestAppointments } from '../../support/appointments.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { messageActivity, postJson, startTestServer } from '../../support/testServer.js';
import { BOOKING_CODE_PATTERN } from '../../../services/appointments/bookingCode.js';

// The whole bot over real HTTP (`deliveryMode: expectReplies`), as a channel that resends a message it got no answer to.
const recognizer = fakeRecognizer({
  'ik wil een afspraak voor mijn rijbewijs aub': recognition('appointment.book', 'rijbewijs'),
  hallo: 'greeting',
});

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function resident(baseUrl: string, conversationId: string) {
  return async (text: string, id: string): Promise<Partial<Activity>[]> => {
    const activity = messageActivity(text, {
      id,
      conversation: { id: conversationId },
      from: { id: `user-${conversationId}`, role: 'user' },
    });
    const response = await postJson(`${baseUrl}/api/messages`, activity);
    expect(response.status).toBe(200);
    return ((await response.json()) as { activities: Partial<Activity>[] }).activities;
  };
}

/** What the resident sees of the replies: everything but the delivery envelope. */
function shown(replies: Partial<Activity>[]) {
  return replies.map(({ type, text, attachments, suggestedActions, inputHint }) => ({
    type,
    text,
    attachments,
    suggestedActions,
    inputHint,
  }));
}

const bookingCode = (replies: Partial<Activity>[]) => new RegExp(`code=(${BOOKING_CODE_PATTERN})`).exec(JSON.stringify(replies))?.[1];

describe('a channel resending an activity that was already answered', () => {
  it('gets the stored replies of the first answer, booking code included, and books nothing twice', async () => {
    const appointments = createTestAppointments();
    server = await startTestServer({ recognizer, appointments });
    const say = resident(server.baseUrl, 'resend-booking');
    await say('ik wil een afspraak voor mijn rijbewijs aub', 'a1');
    await say('1', 'a2');
    await say('Jef Vermeulen', 'a3');
    await say('jef.vermeulen@telenet.be', 'a4');
    const confirmed = await say('1', 'a5');
    expect(bookingCode(confirmed)).toBeDefined();

    const resent = await say('1', 'a5');
    expect(shown(resent)).toEqual(shown(confirmed));
    expect(bookingCode(resent)).toBe(bookingCode(confirmed));
    // Addressed as replies to this delivery, not copies of the first one's ids.
    expect(resent.every((reply) => reply.replyToId === 'a5' && reply.conversation?.id === 'resend-booking')).toBe(true);
    expect(appointments.document.read().bookings).toHaveLength(1);
  });

  it('keeps whole answers only for the last three messages; an older resend still runs no turn', async () => {
    server = await startTestServer({ recognizer });
    const say = resident(server.baseUrl, 'resend-old');
    const answers = [];
    for (const id of ['b1', 'b2', 'b3', 'b4']) answers.push(await say('hallo', id));
    expect(shown(await say('hallo', 'b2'))).toEqual(shown(answers[1]!));
    expect(shown(await say('hallo', 'b4'))).toEqual(shown(answers[3]!));
    expect(await say('hallo', 'b1')).toEqual([]);
  });
});
