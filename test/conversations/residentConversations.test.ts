import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConversations } from '../../cli/conversations/conversationScript.js';
import { LocaleKeys } from '../../cli/conversations/localeKeys.js';
import { httpPoster, runConversation } from '../../cli/conversations/runConversation.js';
import { createI18n } from '../../bot/i18n.js';
import { createLinearRecognizer } from '../../nlu/linearRecognizer.js';
import { handoffFixture, MONDAY_10H } from '../dialogs/handoffFixtures.js';
import { createTestAppointments } from '../support/appointments.js';
import { createSurveyFixture } from '../support/survey.js';
import { startTestServer } from '../support/testServer.js';

const conversations = loadConversations();
const keys = new LocaleKeys();
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  // The whole assistant as residents meet it: the offline recognizer, callbacks and the survey, on Monday 2 March 2026, 10:00.
  const handoff = handoffFixture({ now: MONDAY_10H });
  const survey = createSurveyFixture({ now: MONDAY_10H.toISOString() });
  server = await startTestServer({
    recognizer: await createLinearRecognizer(),
    handoff: handoff.services,
    survey: survey.deps,
    now: () => MONDAY_10H,
    appointments: createTestAppointments({ now: MONDAY_10H }),
    // The real sentences: residents type the labels they read, and a live server is checked the same way.
    i18n: createI18n(),
  });
});
afterAll(() => server.close());

describe('resident conversations over HTTP (test/conversations)', () => {
  it('holds at least 50 conversations on both channels', () => {
    expect(conversations.length).toBeGreaterThanOrEqual(50);
    expect(new Set(conversations.map((conversation) => conversation.channel))).toEqual(new Set(['webchat', 'sms']));
  });

  for (const conversation of conversations) {
    // A known failure must still fail: when it starts to pass, the mark in the data has to go.
    const test = conversation.knownFailure ? it.fails : it;
    test(`${conversation.id} (${conversation.channel})`, async () => {
      const report = await runConversation(conversation, httpPoster(server.baseUrl), keys);
      expect(report.problems, report.turns.map((turn) => `> ${turn.sent}\n${turn.replies}`).join('\n')).toEqual([]);
    });
  }
});
