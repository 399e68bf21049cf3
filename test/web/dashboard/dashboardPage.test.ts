import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSurveyReportRoutes } from '../../../bot/http/surveyReportRoutes.js';
import { memoryOutcomeStore } from '../../../stores/survey/embeddedOutcomeStore.js';
import { memorySurveyStore } from '../../../stores/survey/embeddedSurveyStore.js';
import { loadSurveyBaseline } from '../../../services/survey/surveyBaselineFile.js';
import type { SurveyReport } from '../../../services/survey/surveyReport.js';
import { generateSyntheticSurveyRows } from '../../../services/survey/syntheticSurvey.js';
import { dashboardModel } from '../../../web/dashboard/dashboardModel.js';
import { chromiumUnavailable, launchBrowser, wcagViolations } from '../../support/browser.js';
import { startTestServer } from '../../support/testServer.js';

const TOKEN = 'dashboard-browser-test-token-42';
const NOW = new Date('2026-03-15T10:00:00Z');

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  if (chromiumUnavailable) return;
  const surveyStore = memorySurveyStore({ now: () => NOW });
  let outcomeNow = new Date('2026-03-02T10:00:00Z');
  const outcomeStore = memoryOutcomeStore({ now: () => outcomeNow });
  // A year of demo answers, thinning out in the last months so some cells are suppressed.
  await surveyStore.addSynthetic(generateSyntheticSurveyRows({ count: 700, from: '2025-03-01', seed: 11 }).filter((row) => row.day < '2026-02-20' || row.id < '3'));
  for (let index = 0; index < 12; index += 1) {
    await outcomeStore.start({ day: '2026-03-02', channel: 'webchat', conversationKey: `c${index}` });
    if (index < 9) await outcomeStore.record({ day: '2026-03-02', channel: 'webchat', conversationKey: `c${index}`, outcome: 'resolved' });
  }
  outcomeNow = NOW; // 2 March is closed by now
  server = await startTestServer({
    routes: [(http) => registerSurveyReportRoutes(http, { surveyStore, outcomeStore, reportsToken: TOKEN, baseline: loadSurveyBaseline(), now: () => NOW })],
  });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(chromiumUnavailable)('dashboard in a browser', () => {
  it('signs in, draws every chart with its table from the API, and meets WCAG 2.1 AA', async () => {
    const { page } = browser;
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico') && !/401/.test(message.text())) scriptErrors.push(message.text());
    });

    await page.goto(`${server.baseUrl}/dashboard`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByLabel('Toegangscode').fill('niet de code');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('klopt niet');
    expect(await page.getByLabel('Toegangscode').getAttribute('aria-invalid')).toBe('true');
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByLabel('Toegangscode').fill(TOKEN);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enquête digitale assistent' }).waitFor();
    await expect.poll(() => page.locator('#status').textContent()).toBe('De cijfers zijn geladen.');

    // What the page shows is exactly what the model makes of the API's JSON.
    const report = (await page.evaluate(async () => (await fetch('/api/reports/survey?from=2025-04-01&to=2026-03-15')).json())) as SurveyReport;
    const model = dashboardModel(report);
    expect(await page.locator('svg.chart-svg').count()).toBe(5);
    for (const chart of model.charts) {
      const rows = await page.locator(`#chart-${chart.id} table tr`).evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
      );
      expect(rows, chart.id).toEqual([chart.table.columns, ...chart.table.rows]);
    }
    const awarenessText = await page.locator('#chart-awareness table').textContent();
    expect(awarenessText).toContain('te weinig antwoorden'); // the thin last month
    expect(await page.locator('#chart-outcomes table').textContent()).toContain('75%'); // 9 of 12 resolved

    // The CSV link carries the range and downloads with the session.
    const href = await page.getByRole('link', { name: /CSV/ }).getAttribute('href');
    expect(href).toBe('/api/reports/survey.csv?from=2025-04-01&to=2026-03-15');

    // Focus is visible on the first element reached with the keyboard.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');

    expect(await wcagViolations(page)).toEqual([]);
    expect(scriptErrors).toEqual([]);
  }, 60_000);
});
