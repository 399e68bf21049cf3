import { afterEach, describe, expect, it } from 'vitest';
import { registerSurveyReportRoutes } from '../../../bot/http/surveyReportRoutes.js';
import { memoryOutcomeStore } from '../../../stores/survey/embeddedOutcomeStore.js';
import { emptySurveyCounts, type SurveyCounts } from '../../../services/survey/surveyCounts.js';
import type { ReportRange } from '../../../services/survey/surveyReport.js';
import { startTestServer } from '../../support/testServer.js';
import { baseline } from '../../services/survey/surveyFixtures.js';
import { monthsCovering } from '../../../services/brusselsTime.js';

const TOKEN = 'reports-token-for-tests-0123456789';
const NOW = new Date('2026-03-15T10:00:00Z');
const headers = { authorization: `Bearer ${TOKEN}` };

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A survey store whose counting costs CPU in proportion to the months it covers, like a large store. */
function slowSurveyStore(msPerMonth: number) {
  const asked: ReportRange[] = [];
  return {
    asked,
    store: {
      async reportCounts(range: ReportRange): Promise<SurveyCounts> {
        asked.push(range);
        const until = Date.now() + msPerMonth * monthsCovering(range.from, range.to).length;
        while (Date.now() < until) {
          // busy: the event loop is held as by a real count over many rows
        }
        return emptySurveyCounts();
      },
    },
  };
}

async function startWith(surveyStore: { reportCounts(range: ReportRange): Promise<SurveyCounts> }) {
  const outcomeStore = memoryOutcomeStore({ now: () => NOW });
  const server = await startTestServer({
    routes: [(http) => registerSurveyReportRoutes(http, { surveyStore, outcomeStore, reportsToken: TOKEN, baseline, now: () => NOW })],
  });
  close = server.close;
  return server;
}

describe('report ranges stay within bounds', () => {
  it('lists the months of a range in the last years of the calendar too', () => {
    expect(monthsCovering('9999-12-01', '9999-12-31')).toEqual(['9999-12']);
    expect(monthsCovering('2026-11-15', '2027-01-02')).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it.each([
    ['from=9999-12-01&to=9999-12-31'],
    ['from=2026-01-01&to=9999-12-31'],
    ['from=1000-01-01&to=1000-12-31'],
    ['from=1999-12-01&to=2000-01-31'],
    ['to=2028-01-01'],
  ])('answers 400 range_out_of_bounds for %s without counting anything', async (query) => {
    const slow = slowSurveyStore(0);
    const { baseUrl } = await startWith(slow.store);
    const response = await fetch(`${baseUrl}/api/reports/survey.csv?${query}`, { headers });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('range_out_of_bounds');
    expect(slow.asked).toEqual([]);
  });

  it('keeps answering /healthz while a long report is being made', async () => {
    const slow = slowSurveyStore(25);
    const { baseUrl } = await startWith(slow.store);
    const finished: string[] = [];
    const report = fetch(`${baseUrl}/api/reports/survey?from=2022-01-01&to=2026-03-15`, { headers }).then(async (response) => {
      finished.push(`report ${response.status}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = fetch(`${baseUrl}/healthz`).then((response) => void finished.push(`healthz ${response.status}`));
    await Promise.all([report, health]);
    expect(finished).toEqual(['healthz 200', 'report 200']);
    // The work was cut in pieces no bigger than a month.
    expect(slow.asked.length).toBeGreaterThan(12);
    expect(slow.asked.every((range) => monthsCovering(range.from, range.to).length === 1)).toBe(true);
  });
});
