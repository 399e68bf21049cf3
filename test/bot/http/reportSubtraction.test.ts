import { afterEach, describe, expect, it } from 'vitest';
import { registerSurveyReportRoutes } from '../../../bot/http/surveyReportRoutes.js';
import type { SurveyReport } from '../../../services/survey/surveyReport.js';
import { memoryOutcomeStore } from '../../../stores/survey/embeddedOutcomeStore.js';
import { memorySurveyStore } from '../../../stores/survey/embeddedSurveyStore.js';
import { startTestServer } from '../../support/testServer.js';
import { baseline, rows } from '../../services/survey/surveyFixtures.js';
import { wholeMonths } from '../../../services/brusselsTime.js';

const TOKEN = 'reports-token-for-tests-0123456789';
const NOW = new Date('2026-12-20T10:00:00Z');

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/**
 * The issue's case: Nov 30 has 2 answers, Dec 1 has 10. Before, the report for Nov 30–Dec 1 (n=12)
 * minus the one for Dec 1 (n=10) gave the two hidden Nov 30 answers exactly.
 */
async function startWithIssueExample() {
  const surveyStore = memorySurveyStore({ now: () => NOW });
  const outcomeStore = memoryOutcomeStore({ now: () => NOW });
  await surveyStore.addSynthetic(
    [
      ...rows(2, '2026-11-30', {
        awareness: 'unaware',
        satisfaction: 1,
        appointmentPreference: 'walkIn',
        bookingChannel: 'counter',
        ageBracket: '65+',
      }),
      ...rows(10, '2026-12-01', {
        awareness: 'used',
        satisfaction: 5,
        appointmentPreference: 'appointment',
        bookingChannel: 'online',
        ageBracket: '18-34',
      }),
    ].map((row) => ({ ...row, synthetic: true as const })),
  );
  const server = await startTestServer({
    routes: [(http) => registerSurveyReportRoutes(http, { surveyStore, outcomeStore, reportsToken: TOKEN, baseline, now: () => NOW })],
  });
  close = server.close;
  return server;
}

async function report(baseUrl: string, from: string, to: string): Promise<SurveyReport> {
  const response = await fetch(`${baseUrl}/api/reports/survey?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as SurveyReport;
}

/** Every answer count a report gives away: n times each share, per question and byAge cell. */
function answerCounts(figures: SurveyReport): Record<string, number | null> {
  const counts: Record<string, number | null> = {};
  const blocks = {
    awareness: figures.awareness,
    appointmentPreference: figures.appointmentPreference,
    bookingChannel: figures.bookingChannel,
    ageBracket: figures.ageBracket,
    ...Object.fromEntries(Object.entries(figures.bookingChannel.byAge).map(([age, block]) => [`byAge ${age}`, block])),
  } as Record<string, { n: number } & Record<string, unknown>>;
  for (const [name, block] of Object.entries(blocks)) {
    for (const [code, value] of Object.entries(block)) {
      if (typeof value === 'number' && code !== 'n') counts[`${name}.${code}`] = Math.round(value * block.n);
      if (value === null) counts[`${name}.${code}`] = null;
    }
    counts[`${name}.n`] = block.n;
  }
  counts['satisfaction.n'] = figures.satisfaction.n;
  for (const [score, count] of Object.entries(figures.satisfaction.counts ?? {})) counts[`satisfaction.${score}`] = count;
  return counts;
}

describe('overlapping report ranges cannot single out a suppressed cell', () => {
  it('Nov 30–Dec 1 minus Dec 1 gives nothing of the Nov 30 answers', async () => {
    const { baseUrl } = await startWithIssueExample();
    const both = await report(baseUrl, '2026-11-30', '2026-12-01');
    const december = await report(baseUrl, '2026-12-01', '2026-12-01');
    // Whole months, up to today (20 December): the two ranges become Nov 1–Dec 20 and Dec 1–Dec 20.
    expect([both.from, both.to, december.from, december.to]).toEqual(['2026-11-01', '2026-12-20', '2026-12-01', '2026-12-20']);
    // November's cells (2 answers each) are left out of every total, so every count is the same in both.
    expect(answerCounts(both)).toEqual(answerCounts(december));
    expect(both.awareness).toMatchObject({ n: 10, used: 1, unaware: 0 });
    expect(both.satisfaction.counts).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 10 });
    // November's own period shows its cells suppressed, as before.
    expect(both.periods.find((period) => period.period === '2026-11')?.awareness).toMatchObject({ n: 2, suppressed: true, unaware: null });
  });

  it('no pair of ranges over these days differs in any answer count', async () => {
    const { baseUrl } = await startWithIssueExample();
    const days = ['2026-11-01', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-31'];
    const seen = new Set<string>();
    for (const from of days) {
      for (const to of days.filter((day) => day >= from)) seen.add(JSON.stringify(answerCounts(await report(baseUrl, from, to))));
    }
    // Ranges that hold December all give the December figures; November alone gives only suppressed cells.
    expect(seen.size).toBe(2);
    const novemberOnly = answerCounts(await report(baseUrl, '2026-11-30', '2026-11-30'));
    expect(novemberOnly['awareness.unaware']).toBeNull();
    expect(novemberOnly['awareness.n']).toBe(0);
  });
});

describe('outcome totals', () => {
  it('add only the days shown, so a suppressed day is not the total minus the others', async () => {
    const surveyStore = memorySurveyStore({ now: () => NOW });
    let outcomeNow = new Date('2026-12-02T20:00:00Z'); // both days still open while conversations end
    const outcomeStore = memoryOutcomeStore({ now: () => outcomeNow });
    for (const [day, conversations] of [
      ['2026-12-01', 12],
      ['2026-12-02', 3],
    ] as const) {
      for (let index = 0; index < conversations; index += 1) {
        await outcomeStore.start({ day, channel: 'webchat', conversationKey: `${day}-${index}` });
        await outcomeStore.record({
          day,
          channel: 'webchat',
          conversationKey: `${day}-${index}`,
          outcome: day === '2026-12-02' ? 'escalated' : 'resolved',
        });
      }
    }
    outcomeNow = NOW;
    const server = await startTestServer({
      routes: [(http) => registerSurveyReportRoutes(http, { surveyStore, outcomeStore, reportsToken: TOKEN, baseline, now: () => NOW })],
    });
    close = server.close;
    const figures = await report(server.baseUrl, '2026-12-01', '2026-12-31');
    expect(figures.outcomes).toMatchObject({ n: 12, suppressed: false, resolved: 1, escalated: 0 });
    expect(figures.outcomes?.days).toEqual([
      { day: '2026-12-01', n: 12, suppressed: false, resolved: 12, escalated: 0, abandoned: 0 },
      { day: '2026-12-02', n: 3, suppressed: true, resolved: null, escalated: null, abandoned: null },
    ]);
  });
});

describe('wholeMonths', () => {
  it('widens a range to the months it touches, leap years and year ends included', () => {
    const today = '2030-01-01';
    expect(wholeMonths({ from: '2026-11-30', to: '2026-12-01' }, today)).toEqual({ from: '2026-11-01', to: '2026-12-31' });
    expect(wholeMonths({ from: '2028-02-10', to: '2028-02-10' }, today)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(wholeMonths({ from: '2027-02-01', to: '2027-02-28' }, today)).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('ends the running month today, and keeps a range that reaches past today as asked', () => {
    expect(wholeMonths({ from: '2026-12-01', to: '2026-12-01' }, '2026-12-20')).toEqual({ from: '2026-12-01', to: '2026-12-20' });
    expect(wholeMonths({ from: '2026-12-01', to: '2027-01-10' }, '2026-12-20')).toEqual({ from: '2026-12-01', to: '2027-01-31' });
  });
});
