import { MemoryStorage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../bot/i18n.js';
import { planSurveyQuestions } from '../../dialogs/surveyDialog.js';
import { SURVEY_ANSWER_CODES } from '../../services/survey/surveyCodes.js';
import type { SurveyStore } from '../../stores/survey/surveyStores.js';
import { createConversation, readable } from '../support/conversation.js';
import { handoffFixture, MONDAY_10H } from './handoffFixtures.js';
import { askedQuestion, buttonTitles, createSurveyFixture, surveyRecognizer } from '../support/survey.js';

const recognizer = surveyRecognizer;

function talkWith(fixture: ReturnType<typeof createSurveyFixture>, extra: Partial<Parameters<typeof createConversation>[0]> = {}) {
  return createConversation({ recognizer, survey: fixture.deps, ...extra });
}

describe('survey dialog', () => {
  it('after goodbye asks awareness, satisfaction and the rotating question, stores the answers, thanks, then says goodbye', async () => {
    const fixture = createSurveyFixture({ random: () => 0 });
    const talk = talkWith(fixture);

    const first = readable(await talk.say('daag'));
    expect(first).toContain('«survey:intro»');
    expect(askedQuestion(first)).toBe('awareness');
    expect(first).not.toContain('«common:goodbye»');

    expect(askedQuestion(readable(await talk.say('«survey:awareness.awareNotUsed»')))).toBe('satisfaction');
    expect(askedQuestion(readable(await talk.say('4')))).toBe('appointmentPreference');
    const last = readable(await talk.say('«survey:appointmentPreference.walkIn»'));
    expect(last.indexOf('«survey:thanks»')).toBeGreaterThanOrEqual(0);
    expect(last.indexOf('«survey:thanks»')).toBeLessThan(last.indexOf('«common:goodbye»'));

    expect(fixture.rows()).toHaveLength(1);
    expect(fixture.rows()[0]).toMatchObject({
      day: '2026-03-10',
      questionnaireVersion: 2,
      channel: 'webchat',
      outcome: 'resolved',
      answers: { awareness: 'awareNotUsed', satisfaction: 4, appointmentPreference: 'walkIn' },
    });
  });

  it('offers every question\'s options in contract order, with "skip" last', async () => {
    const fixture = createSurveyFixture({ random: () => 0.5 }); // rotating: bookingChannel
    const talk = talkWith(fixture);
    const seen: Record<string, string[]> = {};
    let replies = await talk.say('daag');
    for (let turn = 0; turn < 3; turn += 1) {
      const question = askedQuestion(readable(replies))!;
      seen[question] = buttonTitles(replies);
      replies = await talk.say('«survey:skip»');
    }
    expect(Object.keys(seen)).toEqual(['awareness', 'satisfaction', 'bookingChannel']);
    for (const [question, titles] of Object.entries(seen)) {
      const codes = SURVEY_ANSWER_CODES[question as keyof typeof SURVEY_ANSWER_CODES];
      expect(titles).toEqual([...codes.map((code) => `«survey:${question}.${code}»`), '«survey:skip»']);
    }
  });

  it('lets every question be skipped, by label or by number, and stores only what was answered', async () => {
    const fixture = createSurveyFixture();
    const talk = talkWith(fixture);
    await talk.say('daag');
    await talk.say('4'); // awareness: option 4 is "skip"
    await talk.say('2'); // satisfaction 2
    await talk.say('«survey:skip»'); // appointmentPreference
    expect(fixture.rows()).toHaveLength(1);
    expect(fixture.rows()[0]!.answers).toEqual({ satisfaction: 2 });
  });

  it('stores nothing and does not thank when everything was skipped', async () => {
    const fixture = createSurveyFixture();
    const talk = talkWith(fixture);
    await talk.say('daag');
    await talk.say('«survey:skip»');
    await talk.say('6'); // satisfaction: option 6 is "skip"
    const last = readable(await talk.say('4'));
    expect(last).not.toContain('«survey:thanks»');
    expect(last).toContain('«common:goodbye»');
    expect(fixture.rows()).toEqual([]);
  });

  it('understands the Dutch words of the options, "sla over" included', async () => {
    const fixture = createSurveyFixture();
    const talk = talkWith(fixture, { i18n: createI18n() });
    await talk.say('daag');
    await talk.say('Sla over');
    await talk.say('heel goed');
    await talk.say('liefst zonder afspraak');
    expect(fixture.rows()[0]!.answers).toEqual({ satisfaction: 5, appointmentPreference: 'walkIn' });
  });

  it('treats a second answer that picks no option as a skip, so the survey never traps anyone', async () => {
    const fixture = createSurveyFixture();
    const talk = talkWith(fixture);
    await talk.say('daag');
    expect(readable(await talk.say('wablief, wat bedoelt u?'))).toContain('«common:choice.retry»');
    expect(askedQuestion(readable(await talk.say('hmm tja hoezo')))).toBe('satisfaction');
    await talk.say('5');
    expect(fixture.rows()[0]!.answers).toEqual({ satisfaction: 5 });
  });

  it('stops politely on "stop" midway and keeps what was already answered', async () => {
    const fixture = createSurveyFixture();
    const talk = talkWith(fixture);
    await talk.say('daag');
    await talk.say('1'); // awareness: used
    const stopped = readable(await talk.say('stop'));
    expect(stopped).toContain('«survey:ended»');
    expect(askedQuestion(stopped)).toBeUndefined();
    expect(fixture.rows()).toHaveLength(1);
    expect(fixture.rows()[0]!.answers).toEqual({ awareness: 'used' });
    // The next message is a new request, not an answer to the survey.
    expect(readable(await talk.say('hallo'))).toContain('«common:greeting.text»');
    expect(fixture.rows()[0]!.answers).toEqual({ awareness: 'used' });
  });

  it('shows numbered options on SMS and takes the numbers as answers', async () => {
    const fixture = createSurveyFixture({ random: () => 0.9 }); // rotating: ageBracket
    const talk = talkWith(fixture, { channelId: 'sms', user: { id: '+32470111222' } });
    const first = readable(await talk.say('daag'));
    expect(first).toContain('1. «survey:awareness.used»');
    expect(first).toContain('3. «survey:awareness.unaware»');
    expect(first).toContain('4. «survey:skip»');
    expect(first).toContain('«common:choice.answerWithNumber»');
    await talk.say('3');
    expect(readable(await talk.say('1'))).toContain('4. «survey:ageBracket.65+»');
    await talk.say('2');
    expect(fixture.rows()[0]).toMatchObject({ channel: 'sms', answers: { awareness: 'unaware', satisfaction: 1, ageBracket: '35-49' } });
  });

  it('rotates the third question per resident: a random start, then the next one each survey', async () => {
    const fixture = createSurveyFixture({ random: () => 0.4 }); // index 1: bookingChannel
    const storage = new MemoryStorage();
    const user = { id: 'resident-rotation' };
    const rotating: string[] = [];
    for (const day of ['2026-01-05', '2026-02-05', '2026-03-08', '2026-04-08']) {
      fixture.setNow(`${day}T09:00:00Z`);
      const talk = talkWith(fixture, { storage, user });
      await talk.say('daag');
      await talk.say('«survey:skip»'); // awareness, so it is asked every time
      rotating.push(askedQuestion(readable(await talk.say('«survey:skip»')))!);
      await talk.say('«survey:skip»');
    }
    expect(rotating).toEqual(['bookingChannel', 'ageBracket', 'appointmentPreference', 'bookingChannel']);
  });

  it('asks a resident at most once per conversation', async () => {
    const fixture = createSurveyFixture();
    const talk = talkWith(fixture, { user: { id: 'resident-once' } });
    await talk.say('daag');
    for (const answer of ['1', '5', '1']) await talk.say(answer);
    await talk.say('hallo');
    const again = readable(await talk.say('daag'));
    expect(again).not.toContain('«survey:intro»');
    expect(again).toContain('«common:goodbye»');
    expect(fixture.rows()).toHaveLength(1);
  });

  it('does not survey a resident again within 30 days, and does after', async () => {
    const fixture = createSurveyFixture({ now: '2026-03-01T10:00:00Z' });
    const storage = new MemoryStorage();
    const user = { id: 'resident-30-days' };
    await talkWith(fixture, { storage, user }).say('daag');

    fixture.setNow('2026-03-30T10:00:00Z'); // 29 days later
    const soon = readable(await talkWith(fixture, { storage, user }).say('daag'));
    expect(soon).not.toContain('«survey:intro»');
    expect(soon).toContain('«common:goodbye»');

    fixture.setNow('2026-03-31T10:00:00Z'); // 30 days later
    expect(readable(await talkWith(fixture, { storage, user }).say('daag'))).toContain('«survey:intro»');
    // Another resident on the same day is asked as usual.
    expect(readable(await talkWith(fixture, { storage, user: { id: 'someone-else' } }).say('daag'))).toContain('«survey:intro»');
  });

  it('does not ask awareness again within 30 days of an answer, and uses the free place for the age with the booking channel', async () => {
    // First survey: appointmentPreference; the next one rotates to bookingChannel.
    const fixture = createSurveyFixture({ now: '2026-03-01T10:00:00Z', random: () => 0 });
    fixture.deps.surveyIntervalDays = 7;
    const storage = new MemoryStorage();
    const user = { id: 'resident-awareness' };

    let talk = talkWith(fixture, { storage, user });
    expect(askedQuestion(readable(await talk.say('daag')))).toBe('awareness');
    for (const answer of ['2', '6', '4']) await talk.say(answer);

    fixture.setNow('2026-03-20T10:00:00Z'); // survey allowed again (7 days), awareness not (30)
    talk = talkWith(fixture, { storage, user });
    expect(askedQuestion(readable(await talk.say('daag')))).toBe('satisfaction');
    expect(askedQuestion(readable(await talk.say('4')))).toBe('bookingChannel');
    expect(askedQuestion(readable(await talk.say('2')))).toBe('ageBracket');
    await talk.say('4');
    expect(fixture.rows().map((row) => row.answers)).toContainEqual({ satisfaction: 4, bookingChannel: 'phone', ageBracket: '65+' });
  });

  it('asks awareness again when it was skipped last time', async () => {
    const fixture = createSurveyFixture({ now: '2026-03-01T10:00:00Z' });
    fixture.deps.surveyIntervalDays = 7;
    const storage = new MemoryStorage();
    const user = { id: 'resident-skipper' };
    let talk = talkWith(fixture, { storage, user });
    await talk.say('daag');
    await talk.say('«survey:skip»');
    fixture.setNow('2026-03-10T10:00:00Z');
    talk = talkWith(fixture, { storage, user });
    expect(askedQuestion(readable(await talk.say('daag')))).toBe('awareness');
  });

  it('stores a retried activity once (same activity id after a turn that failed to save)', async () => {
    const results: boolean[] = [];
    const fixture = createSurveyFixture({
      wrapStore: (store): SurveyStore => ({
        ...store,
        add: async (row, requestId) => {
          const result = await store.add(row, requestId);
          results.push(result.stored);
          return result;
        },
      }),
    });
    const storage = new FailingOnceStorage();
    const talk = talkWith(fixture, { storage });
    await talk.say('daag');
    await talk.sayWithId('1', 'activity-awareness');

    storage.failNextWrite = true;
    await expect(talk.sayWithId('5', 'activity-satisfaction')).rejects.toThrow('write failed');
    // The channel retries the same activity: the state is still at the satisfaction question.
    const retried = readable(await talk.sayWithId('5', 'activity-satisfaction'));
    expect(askedQuestion(retried)).toBe('appointmentPreference');

    expect(results).toEqual([true, true, false]);
    expect(fixture.rows()).toHaveLength(1);
    expect(fixture.rows()[0]!.answers).toEqual({ awareness: 'used', satisfaction: 5 });
  });

  it('stores each answer before it goes on, and the last one before it says thanks', async () => {
    const events: string[] = [];
    const fixture = createSurveyFixture({
      wrapStore: (store): SurveyStore => ({
        ...store,
        add: async (row, requestId) => {
          // A slow disk: an unawaited write would finish after the thanks.
          await new Promise((resolve) => setTimeout(resolve, 20));
          const result = await store.add(row, requestId);
          events.push(`stored:${Object.keys(row.answers).length}`);
          return result;
        },
      }),
    });
    const talk = talkWith(fixture);
    talk.adapter.use(async (context, next) => {
      context.onSendActivities(async (_context, activities, send) => {
        for (const activity of activities) {
          const question = askedQuestion(activity.text ?? JSON.stringify(activity.attachments ?? []));
          if (question) events.push(`ask:${question}`);
          if (activity.text?.includes('«survey:thanks»')) events.push('thanks');
        }
        return send();
      });
      await next();
    });
    await talk.say('daag');
    for (const answer of ['1', '5', '1']) await talk.say(answer);
    expect(events).toEqual([
      'ask:awareness',
      'stored:1',
      'ask:satisfaction',
      'stored:2',
      'ask:appointmentPreference',
      'stored:3',
      'thanks',
    ]);
  });

  it("uses the Brussels day, not the server's UTC day", async () => {
    const fixture = createSurveyFixture({ now: '2026-06-30T22:30:00Z' }); // 00:30 on 1 July in Brussels
    const talk = talkWith(fixture);
    await talk.say('daag');
    await talk.say('1');
    expect(fixture.rows()[0]!.day).toBe('2026-07-01');
  });

  it('records the conversation as resolved when it ends, and stores escalated when it was handed to staff', async () => {
    const fixture = createSurveyFixture({ now: '2026-03-10T10:00:00Z' });
    const resolved = talkWith(fixture);
    await resolved.say('daag');
    await resolved.say('1');

    const escalated = talkWith(fixture);
    await escalated.say('hallo');
    // What the handoff dialog records when it hands the resident to staff.
    await fixture.deps.outcomeStore.record({
      day: '2026-03-10',
      channel: 'webchat',
      conversationKey: `webchat|${escalated.conversationId}`,
      outcome: 'escalated',
    });
    await escalated.say('daag');
    await escalated.say('2');

    const abandoned = talkWith(fixture);
    await abandoned.say('hallo');

    expect(
      fixture
        .rows()
        .map((row) => row.outcome)
        .sort(),
    ).toEqual(['escalated', 'resolved']);
    fixture.setNow('2026-03-12T10:00:00Z');
    const counts = await fixture.deps.outcomeStore.counts({ from: '2026-03-01', to: '2026-03-31' });
    expect(counts.map(({ outcome, count }) => [outcome, count]).sort()).toEqual([
      ['abandoned', 1],
      ['escalated', 1],
      ['resolved', 1],
    ]);
  });

  it('counts a hand-off to staff as escalated, in the outcome figures and in the survey row', async () => {
    const fixture = createSurveyFixture({ now: MONDAY_10H.toISOString() });
    const handoff = handoffFixture({ now: MONDAY_10H });
    const talk = talkWith(fixture, { handoff: handoff.services });
    expect(readable(await talk.say('iemand spreken'))).toContain('«handoff:title»');
    await talk.say('2'); // no callback, thank you
    expect(askedQuestion(readable(await talk.say('2')))).toBe('awareness'); // nothing else: survey
    await talk.say('1');
    expect(handoff.escalations).toEqual([{ via: 'phone' }]); // the handoff's own hook still runs
    expect(fixture.rows()[0]).toMatchObject({ outcome: 'escalated', answers: { awareness: 'used' } });
    fixture.setNow('2026-03-05T10:00:00Z');
    // Monday 10:00: the counter was open when the conversation started.
    expect(await fixture.deps.outcomeStore.counts({ from: '2026-03-01', to: '2026-03-31' })).toEqual([
      { day: '2026-03-02', channel: 'webchat', outcome: 'escalated', count: 1, openingHours: 'inside' },
    ]);
  });

  it('counts a conversation that starts on a Sunday as outside the opening hours', async () => {
    const fixture = createSurveyFixture({ now: '2026-03-08T15:00:00Z' });
    const talk = talkWith(fixture);
    await talk.say('wanneer zijn jullie open?');
    fixture.setNow('2026-03-11T10:00:00Z');
    expect(await fixture.deps.outcomeStore.counts({ from: '2026-03-01', to: '2026-03-31' })).toEqual([
      { day: '2026-03-08', channel: 'webchat', outcome: 'abandoned', count: 1, openingHours: 'outside' },
    ]);
  });

  it('works without survey stores: goodbye only', async () => {
    const talk = createConversation({ recognizer });
    const replies = readable(await talk.say('daag'));
    expect(replies).toContain('«common:goodbye»');
    expect(replies).not.toContain('«survey:intro»');
  });
});

describe('planSurveyQuestions', () => {
  it('never asks more than three questions', () => {
    for (const askAwareness of [true, false]) {
      for (const rotating of ['appointmentPreference', 'bookingChannel', 'ageBracket'] as const) {
        expect(planSurveyQuestions(askAwareness, rotating).length).toBeLessThanOrEqual(3);
      }
    }
    expect(planSurveyQuestions(true, 'bookingChannel')).toEqual(['awareness', 'satisfaction', 'bookingChannel']);
    expect(planSurveyQuestions(false, 'ageBracket')).toEqual(['satisfaction', 'ageBracket']);
  });
});

/** Memory storage whose next write fails once, as a state save that fails after the survey answer was stored. */
class FailingOnceStorage extends MemoryStorage {
  failNextWrite = false;

  override async write(changes: StoreItems): Promise<void> {
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('write failed');
    }
    return super.write(changes);
  }
}

describe('survey wording', () => {
  it('answers "Hoe tevreden…" with options that say how satisfied, in every language', () => {
    const i18n = createI18n();
    for (const [language, word] of [
      ['nl', 'tevreden'],
      ['en', 'satisfied'],
    ] as const) {
      const t = i18n.getFixedT(language);
      expect(t('survey:satisfaction.question').toLowerCase()).toContain(word);
      for (const code of [1, 2, 4, 5]) expect(t(`survey:satisfaction.${code}`).toLowerCase()).toContain(word);
    }
  });

  it('reads a mark ("8/10", "zeker 9") and a synonym typed instead of the label ("via sms") as the right code', async () => {
    const fixture = createSurveyFixture({ random: () => 0.5 }); // rotating: bookingChannel
    const talk = talkWith(fixture, { i18n: createI18n() });
    await talk.say('daag');
    await talk.say('Sla over');
    await talk.say('8/10');
    await talk.say('via sms');
    expect(fixture.rows()[0]!.answers).toMatchObject({ satisfaction: 4, bookingChannel: 'chat' });
  });
});
