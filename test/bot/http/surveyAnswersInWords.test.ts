/**
 * Sixty surveys over HTTP (expectReplies), with the real Dutch texts and the real offline recognizer:
 * a third clicked on web chat (messageBack with a hidden code), a third tapped on Telegram (the button's
 * label comes back as text), a third typed on SMS in residents' own words. Every option of every
 * question is chosen on every channel. The report API must give exactly the counts, shares and means
 * of what the residents meant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { createI18n } from '../../../bot/i18n.js';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import { ROTATING_SURVEY_QUESTIONS, SURVEY_ANSWER_CODES, type SurveyQuestion } from '../../../services/survey/surveyCodes.js';
import type { SurveyReport } from '../../../services/survey/surveyReport.js';
import { memoryOutcomeStore } from '../../../stores/survey/embeddedOutcomeStore.js';
import { memorySurveyStore } from '../../../stores/survey/embeddedSurveyStore.js';
import { renderedButtons, tappedButton } from '../../support/channelAnswers.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { messageActivity, postJson, startTestServer } from '../../support/testServer.js';
import { surveyReportRoute } from '../../support/survey.js';

const TOKEN = 'reports-token-for-sixty-surveys-in-words';
const SURVEYS = 60;
const CHANNELS = ['webchat', 'telegram', 'sms'] as const;
type Code = string | number;
const SKIP = 'skip';

/** What residents type on SMS for each answer, as they would: politeness, typos, Flemish forms. */
const TYPED: { [Q in SurveyQuestion]: Record<string, readonly string[]> } = {
  awareness: {
    used: ['ja, ik heb het al gebruikt', 'Ja hoor al een paar keer gebruikt', 'al gebruikt ja', 'ja ik gebruik het al jaren'],
    awareNotUsed: [
      'ja maar nooit gebruikt',
      'wist het wel, nog nooit gedaan',
      'Ja, maar ik gebruik het niet',
      'ken het wel maar gebruik het niet',
    ],
    unaware: ['nee, wist ik niet', 'neen dat wist ik nie', 'nooit van gehoord', 'Nee'],
    [SKIP]: ['sla over', 'overslaan aub', 'volgende vraag'],
  },
  satisfaction: {
    '1': ['heel slecht', 'helemaal niet goed', '1', 'waardeloos'],
    '2': ['slecht', 'niet goed', 'niet tevreden', 'twee'],
    '3': ['gaat wel', 'matig', 'redelijk', 'drie'],
    '4': ['vier', '4/5', 'goed', 'tevreden'],
    '5': ['heel tevreden', 'super, dank u!', '5 op 5', 'zeer goed'],
    [SKIP]: ['sla over', 'weet ik niet', 'geen idee'],
  },
  appointmentPreference: {
    appointment: ['met afspraak', 'liefst met een afspraak'],
    indifferent: ['maakt niet uit', 'om het even'],
    walkIn: ['zonder afspraak', 'gewoon binnenlopen'],
    [SKIP]: ['sla over'],
  },
  bookingChannel: {
    online: ['via de website', 'online'],
    phone: ['telefonisch', 'ik bel liever'],
    counter: ['aan het loket', 'aan de balie'],
    chat: ['via sms', 'hier in de chat'],
    [SKIP]: ['overslaan'],
  },
  ageBracket: {
    '18-34': ['18 tot 34 jaar', 'tussen 18 en 34'],
    '35-49': ['35 tot 49'],
    '50-64': ['50 tot 64 jaar', 'vijftiger'],
    '65+': ['65 of ouder', 'ik ben gepensioneerd'],
    [SKIP]: ['sla over'],
  },
};

/** Resident i's answer to a question: every option in turn, skip included. */
function planned(question: SurveyQuestion, resident: number): Code {
  const codes: Code[] = [...SURVEY_ANSWER_CODES[question], SKIP];
  return codes[Math.floor(resident / CHANNELS.length) % codes.length]!;
}

/** The rotating question resident i gets: the rotation below moves on every third resident. */
function rotatingQuestionOf(resident: number): SurveyQuestion {
  return ROTATING_SURVEY_QUESTIONS[Math.floor(resident / CHANNELS.length) % ROTATING_SURVEY_QUESTIONS.length]!;
}

const t = createI18n().getFixedT('nl');
let server: Awaited<ReturnType<typeof startTestServer>>;
let report: SurveyReport;
const askedOrder: SurveyQuestion[][] = [];

function askedQuestion(replies: Partial<Activity>[]): SurveyQuestion | undefined {
  const text = replies.map((reply) => reply.text ?? '').join('\n');
  return (Object.keys(SURVEY_ANSWER_CODES) as SurveyQuestion[]).find((question) => text.includes(t(`survey:${question}.question`)));
}

/** What resident i sends for `code`: a tap on the option's button, or typed words on SMS. */
function answerActivity(
  channel: (typeof CHANNELS)[number],
  replies: Partial<Activity>[],
  question: SurveyQuestion,
  code: Code,
  resident: number,
): Partial<Activity> {
  if (channel === 'sms') {
    const phrasings = TYPED[question][String(code)]!;
    return { text: phrasings[Math.floor(resident / CHANNELS.length) % phrasings.length]! };
  }
  const codes: Code[] = [...SURVEY_ANSWER_CODES[question], SKIP];
  const withButtons = replies.find((reply) => renderedButtons(reply).length > 0);
  const button = withButtons ? renderedButtons(withButtons)[codes.indexOf(code)] : undefined;
  if (!button) throw new Error(`${channel} shows no button for ${question} ${code}`);
  return tappedButton(button);
}

beforeAll(async () => {
  const now = () => new Date('2026-03-10T09:00:00Z');
  const surveyStore = memorySurveyStore({ now });
  const outcomeStore = memoryOutcomeStore({ now });
  let rotationCalls = 0;
  server = await startTestServer({
    recognizer: fakeRecognizer({ daag: 'goodbye' }, await createLinearRecognizer()),
    i18n: createI18n(),
    survey: { surveyStore, outcomeStore, now, random: () => ((Math.floor(rotationCalls++ / CHANNELS.length) % 3) + 0.5) / 3 },
    routes: [surveyReportRoute({ surveyStore, outcomeStore, reportsToken: TOKEN, now: () => new Date('2026-04-20T09:00:00Z') })],
  });

  for (let resident = 0; resident < SURVEYS; resident += 1) {
    const channel = CHANNELS[resident % CHANNELS.length]!;
    const send = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
      const body = {
        ...messageActivity('', {
          channelId: channel,
          conversation: { id: `words-${resident}` },
          from: { id: `resident-${resident}`, role: 'user' },
        }),
        ...activity,
      };
      const response = await postJson(`${server.baseUrl}/api/messages`, body);
      expect(response.status).toBe(200);
      return ((await response.json()) as { activities: Partial<Activity>[] }).activities;
    };
    const order: SurveyQuestion[] = [];
    let replies = await send({ text: 'daag' });
    for (let question = askedQuestion(replies); question; question = askedQuestion(replies)) {
      order.push(question);
      if (order.length > 3) throw new Error(`resident ${resident} was asked more than three questions: ${order.join(', ')}`);
      replies = await send(answerActivity(channel, replies, question, planned(question, resident), resident));
    }
    askedOrder.push(order);
  }
  const response = await fetch(`${server.baseUrl}/api/reports/survey?from=2026-03-01&to=2026-03-31`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  report = (await response.json()) as SurveyReport;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** The figures residents meant, counted from the plan (not from what the bot stored). */
function expectedCounts(question: SurveyQuestion): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(SURVEY_ANSWER_CODES[question].map((code) => [String(code), 0]));
  for (let resident = 0; resident < SURVEYS; resident += 1) {
    const asked = question === 'awareness' || question === 'satisfaction' || rotatingQuestionOf(resident) === question;
    const code = planned(question, resident);
    if (asked && code !== SKIP) counts[String(code)]! += 1;
  }
  return counts;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

describe('sixty surveys answered with buttons and in words', () => {
  it('asked every resident awareness, satisfaction and the rotating question, and nothing ended early', () => {
    expect(askedOrder).toHaveLength(SURVEYS);
    askedOrder.forEach((order, resident) =>
      expect(order, `resident ${resident}`).toEqual(['awareness', 'satisfaction', rotatingQuestionOf(resident)]),
    );
  });

  it.each(['awareness', 'appointmentPreference', 'bookingChannel', 'ageBracket'] as const)(
    '%s: exactly the shares the residents meant',
    (question) => {
      const counts = expectedCounts(question);
      const n = Object.values(counts).reduce((sum, count) => sum + count, 0);
      expect(n).toBeGreaterThanOrEqual(10); // not suppressed: the figures are there to compare
      const block = report[question] as unknown as Record<string, unknown>;
      expect(block.n).toBe(n);
      for (const [code, count] of Object.entries(counts)) expect(block[code], `${question} ${code}`).toBe(round(count / n, 4));
    },
  );

  it('satisfaction: exactly the counts, mean and share satisfied the residents meant', () => {
    const counts = expectedCounts('satisfaction');
    const n = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const sum = Object.entries(counts).reduce((total, [score, count]) => total + Number(score) * count, 0);
    expect(report.satisfaction).toEqual({
      n,
      suppressed: false,
      counts,
      mean: round(sum / n, 2),
      satisfied: round((counts['4']! + counts['5']!) / n, 4),
    });
  });

  it('stored one row per resident who answered anything', () => {
    expect(report.responses).toBe(SURVEYS);
  });
});
