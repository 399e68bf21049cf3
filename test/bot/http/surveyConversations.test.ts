/**
 * A hundred simulated conversations with known answers, through the real dialog over HTTP
 * (expectReplies), must come out as exactly the expected shares, intervals and suppression in
 * the API's JSON, in the CSV and in what the dashboard shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryOutcomeStore } from '../../../stores/survey/embeddedOutcomeStore.js';
import { memorySurveyStore } from '../../../stores/survey/embeddedSurveyStore.js';
import { SURVEY_ANSWER_CODES, type SurveyQuestion } from '../../../services/survey/surveyCodes.js';
import type { SurveyReport } from '../../../services/survey/surveyReport.js';
import { dashboardModel } from '../../../web/dashboard/dashboardModel.js';
import { readLocaleResources } from '../../../bot/i18n.js';
import { askedQuestion, surveyReportRoute } from '../../support/survey.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { messageActivity, postJson, startTestServer } from '../../support/testServer.js';

const TOKEN = 'reports-token-for-the-hundred-conversations';
type Answer = string | number | 'skip';
type Plan = Partial<Record<SurveyQuestion, Answer>>;

/** The answers each of the 85 surveyed residents gives, whatever the bot asks. */
function answerPlans(): Plan[] {
  const plans: Plan[] = [];
  const rotating = { appointmentPreference: 0, bookingChannel: 0, ageBracket: 0 };
  for (let i = 0; i < 85; i += 1) {
    const awareness = i < 20 ? 'used' : i < 60 ? 'awareNotUsed' : i < 80 ? 'unaware' : 'skip';
    const satisfaction = i < 40 ? 5 : i < 70 ? 4 : i < 80 ? 3 : 1;
    // The bot rotates the third question; each list is answered in the order the question comes up.
    plans.push({
      awareness,
      satisfaction,
      appointmentPreference: rotating.appointmentPreference < 15 ? 'appointment' : rotating.appointmentPreference < 24 ? 'walkIn' : 'skip',
      bookingChannel: rotating.bookingChannel < 20 ? 'online' : 'phone',
      ageBracket: ['18-34', '35-49', '50-64', '65+'][Math.floor(rotating.ageBracket / 7)]!,
    });
    const third = (['appointmentPreference', 'bookingChannel', 'ageBracket'] as const)[i % 3]!;
    rotating[third] += 1;
  }
  return plans;
}

/** The reply to send: the option's number on even conversations, its (keyed) label on odd ones. */
function reply(question: SurveyQuestion, answer: Answer, byNumber: boolean): string {
  const codes = SURVEY_ANSWER_CODES[question] as readonly (string | number)[];
  if (answer === 'skip') return byNumber ? String(codes.length + 1) : '«survey:skip»';
  const index = codes.indexOf(answer);
  if (index < 0) throw new Error(`plan has no code ${answer} for ${question}`);
  return byNumber ? String(index + 1) : `«survey:${question}.${answer}»`;
}

function wilson(successes: number, n: number): [number, number] {
  // Written out here on purpose, not imported: the pipeline must agree with the textbook formula.
  const z = 1.959964;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.round((centre - half) * 10_000) / 10_000, Math.round((centre + half) * 10_000) / 10_000];
}

let now = new Date('2026-03-10T09:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
let report: SurveyReport;
let csv: string;
const asked: Record<string, number> = {};
let rotationCalls = 0;

beforeAll(async () => {
  const clock = () => now;
  const surveyStore = memorySurveyStore({ now: clock });
  const outcomeStore = memoryOutcomeStore({ now: clock });
  server = await startTestServer({
    recognizer: fakeRecognizer({ hallo: 'greeting', daag: 'goodbye' }),
    // Each new resident starts the rotation at the next question, so the third questions are spread evenly.
    survey: { surveyStore, outcomeStore, now: clock, random: () => ((rotationCalls++ % 3) + 0.5) / 3 },
    routes: [surveyReportRoute({ surveyStore, outcomeStore, reportsToken: TOKEN, now: clock })],
  });

  const say = async (conversation: number, text: string): Promise<string> => {
    const response = await postJson(
      `${server.baseUrl}/api/messages`,
      messageActivity(text, { conversation: { id: `sim-${conversation}` }, from: { id: `resident-${conversation}`, role: 'user' } }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { text?: string }[] };
    return body.activities.map((activity) => activity.text ?? '').join('\n');
  };

  const plans = answerPlans();
  for (let conversation = 0; conversation < 100; conversation += 1) {
    // 80 surveys in March, 5 in April; 15 residents leave after a greeting (abandoned).
    now = new Date(conversation < 80 || conversation >= 85 ? '2026-03-10T09:00:00Z' : '2026-04-02T09:00:00Z');
    if (conversation >= 85) {
      await say(conversation, 'hallo');
      continue;
    }
    const plan = plans[conversation]!;
    let replies = await say(conversation, 'daag');
    for (let question = askedQuestion(replies); question; question = askedQuestion(replies)) {
      asked[question] = (asked[question] ?? 0) + 1;
      replies = await say(conversation, reply(question as SurveyQuestion, plan[question as SurveyQuestion]!, conversation % 2 === 0));
    }
    expect(replies).toContain('«common:goodbye»');
  }

  now = new Date('2026-04-20T09:00:00Z'); // every conversation day is closed
  const headers = { authorization: `Bearer ${TOKEN}` };
  report = await (await fetch(`${server.baseUrl}/api/reports/survey?from=2026-03-01&to=2026-04-30`, { headers })).json();
  csv = await (await fetch(`${server.baseUrl}/api/reports/survey.csv?from=2026-03-01&to=2026-04-30`, { headers })).text();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('a hundred simulated conversations', () => {
  it('asked what the plan expects: three questions each, the third one rotating evenly', () => {
    expect(asked).toEqual({ awareness: 85, satisfaction: 85, appointmentPreference: 29, bookingChannel: 28, ageBracket: 28 });
  });

  // April's few answers are small cells of their month: reports offered outside leave them out of every
  // total (README, "Survey reports"), so the totals are March's: 80 satisfaction answers, 27 booking channels.
  it('gives exactly the expected shares and intervals in the API JSON', () => {
    expect(report.responses).toBe(85);
    expect(report.synthetic).toBe(0);
    expect(report.awareness).toMatchObject({ n: 80, suppressed: false, used: 0.25, awareNotUsed: 0.5, unaware: 0.25 });
    expect(report.awareness.ci95).toEqual({ used: wilson(20, 80), awareNotUsed: wilson(40, 80), unaware: wilson(20, 80) });
    expect(report.satisfaction).toEqual({
      n: 80,
      suppressed: false,
      mean: 4.38, // (40×5 + 30×4 + 10×3) / 80 = 4.375; April's five 1s are left out
      satisfied: 0.875, // 70 / 80
      counts: { '1': 0, '2': 0, '3': 10, '4': 30, '5': 40 },
    });
    expect(report.appointmentPreference).toMatchObject({ n: 24, suppressed: false, appointment: 0.625, indifferent: 0, walkIn: 0.375 });
    // March: 20 online and 7 phone (April's one phone answer left out); ages 7, 7, 7 and 5 (April's two 65+ left out).
    expect(report.bookingChannel).toMatchObject({ n: 27, suppressed: false, online: 0.7407, phone: 0.2593, counter: 0 });
    expect(report.ageBracket).toEqual({ n: 26, suppressed: false, '18-34': 0.2692, '35-49': 0.2692, '50-64': 0.2692, '65+': 0.1923 });
    // The 5 conversations of 2 April are a suppressed day: left out of the totals (80 resolved, 15 abandoned of 95).
    expect(report.outcomes).toMatchObject({ n: 95, suppressed: false, resolved: 0.8421, escalated: 0, abandoned: 0.1579 });
  });

  it('suppresses every cell under 10 answers in the API JSON', () => {
    // Booking channel and age are never asked together while awareness is asked: no cell by age.
    for (const age of ['18-34', '35-49', '50-64', '65+'] as const) {
      expect(report.bookingChannel.byAge[age]).toEqual({ n: 0, suppressed: true, online: null, phone: null, counter: null, chat: null });
    }
    const april = report.periods.find((period) => period.period === '2026-04')!;
    expect(april).toMatchObject({
      responses: 5,
      awareness: { n: 0, suppressed: true, used: null },
      satisfaction: { n: 5, suppressed: true, mean: null },
    });
    const march = report.periods.find((period) => period.period === '2026-03')!;
    expect(march.awareness).toMatchObject({ n: 80, suppressed: false, used: 0.25 });
    expect(report.outcomes!.days).toEqual([
      { day: '2026-03-10', n: 95, suppressed: false, resolved: 80, escalated: 0, abandoned: 15 },
      { day: '2026-04-02', n: 5, suppressed: true, resolved: null, escalated: null, abandoned: null },
    ]);
  });

  it('says the same in the CSV', () => {
    // The code columns only: the word columns beside them (vraag_tekst, antwoord_tekst, leeftijd_tekst) are left out here.
    const lines = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .map((line) =>
        line
          .split(';')
          .filter((_field, index) => ![1, 3, 5].includes(index))
          .join(';'),
      );
    const decimal = (value: number) => String(value).replace('.', ',');
    const [low, high] = wilson(20, 80);
    expect(lines.find((line) => line.startsWith('awareness;used;;2026-03-01/2026-04-30;'))).toMatch(
      new RegExp(`^awareness;used;;2026-03-01/2026-04-30;aandeel;80;0,25;${decimal(low)};${decimal(high)};0,23;0,02;`),
    );
    expect(lines).toContain('satisfaction;;;2026-03-01/2026-04-30;gemiddelde;80;4,38;;;;;;;');
    expect(lines).toContain('bookingChannel;online;;2026-03-01/2026-04-30;aandeel;27;0,7407;;;;;;;');
    expect(lines).toContain('bookingChannel;online;65+;2026-03-01/2026-04-30;aandeel;0;;;;;;;;onderdrukt');
    expect(lines).toContain('awareness;used;;2026-04;aandeel;0;;;;;;;;onderdrukt');
    expect(lines).toContain('outcome;abandoned;;2026-03-01/2026-04-30;aandeel;95;0,1579;;;;;;;');
  });

  it('shows the same in the dashboard: figures, intervals and "te weinig antwoorden"', () => {
    const model = dashboardModel(report, { texts: readLocaleResources().nl.dashboard! });
    const SUPPRESSED_TEXT = model.format.suppressed;
    const table = (id: string) => model.charts.find((chart) => chart.id === id)!.table;
    const awarenessRows = table('awareness').rows;
    expect(awarenessRows.find((row) => row[0] === 'maart 2026')).toEqual(['maart 2026', '80', '25,0%', '50,0%', '25,0%']);
    expect(awarenessRows.find((row) => row[0] === 'april 2026')).toEqual([
      'april 2026',
      '0',
      SUPPRESSED_TEXT,
      SUPPRESSED_TEXT,
      SUPPRESSED_TEXT,
    ]);
    const percent = (value: number) => `${(Math.round(value * 1000) / 10).toFixed(1)}%`.replace('.', ',');
    const [low, high] = wilson(20, 80);
    expect(awarenessRows.find((row) => row[0] === 'Hele periode')![2]).toBe(`25,0% (${percent(low)} tot ${percent(high)})`);
    expect(table('satisfaction').rows.find((row) => row[0] === 'Hele periode')).toEqual(['Hele periode', '80', '4,4', '87,5%']);
    expect(table('appointmentPreference').rows[0]).toEqual(['Liefst met afspraak', '62,5%', '52,0%']);
    expect(table('bookingChannelByAge').rows).toEqual([
      ['Alle leeftijden', '27', '74,1%', '25,9%', '0,0%', '0,0%'],
      ['18 tot 34 jaar', '0', SUPPRESSED_TEXT, SUPPRESSED_TEXT, SUPPRESSED_TEXT, SUPPRESSED_TEXT],
      ['35 tot 49 jaar', '0', SUPPRESSED_TEXT, SUPPRESSED_TEXT, SUPPRESSED_TEXT, SUPPRESSED_TEXT],
      ['50 tot 64 jaar', '0', SUPPRESSED_TEXT, SUPPRESSED_TEXT, SUPPRESSED_TEXT, SUPPRESSED_TEXT],
      ['65 jaar of ouder', '0', SUPPRESSED_TEXT, SUPPRESSED_TEXT, SUPPRESSED_TEXT, SUPPRESSED_TEXT],
    ]);
    const outcomeLabels = (readLocaleResources().nl.dashboard as { labels: { outcome: Record<string, string> } }).labels.outcome;
    expect(table('outcomes').rows).toEqual([
      [outcomeLabels.resolved, '84,2%'],
      [outcomeLabels.escalated, '0,0%'],
      [outcomeLabels.abandoned, '15,8%'],
    ]);
    // The chart draws a gap, not a zero, for the suppressed month.
    const awarenessChart = model.charts.find((chart) => chart.id === 'awareness')!;
    expect(awarenessChart.kind === 'lines' && awarenessChart.series[0]!.values.slice(-2)).toEqual([0.25, null]);
    // The conclusion in words: 25% used it against 23% in the panel, with 80 answers not yet a sure difference.
    expect(awarenessChart.sentences[0]).toBe(
      `25,0% kent het digitaal thuisloket en gebruikt het (tussen ${percent(low)} en ${percent(high)}); in het inwonerspanel 2021/3 was dat 23,0%: het verschil is nog niet zeker.`,
    );
    expect(model.charts.find((chart) => chart.id === 'outcomes')!.sentences[0]).toMatch(
      /^De assistent loste 84,2% van de 95 gesprekken zelf op/,
    );
  });
});
