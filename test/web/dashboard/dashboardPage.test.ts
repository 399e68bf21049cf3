import { describe, expect, it } from 'vitest';
import { memoryOutcomeStore } from '../../../stores/survey/embeddedOutcomeStore.js';
import { memorySurveyStore } from '../../../stores/survey/embeddedSurveyStore.js';
import type { SurveyReport } from '../../../services/survey/surveyReport.js';
import { generateSyntheticSurveyRows } from '../../../services/survey/syntheticSurvey.js';
import { dashboardModel } from '../../../web/dashboard/dashboardModel.js';
import { readLocaleResources } from '../../../bot/i18n.js';
import { chromiumUnavailable, serverInBrowser, wcagViolations } from '../../support/browser.js';
import { startTestServer } from '../../support/testServer.js';
import { surveyReportRoute } from '../../support/survey.js';

const TOKEN = 'dashboard-browser-test-token-42';
/** The page's words: locales/nl/dashboard.json, as the server hands them to the page. */
const DUTCH = readLocaleResources().nl.dashboard!;
const labels = (DUTCH as { labels: Record<string, Record<string, string>> }).labels;
const page_ = (DUTCH as { page: Record<string, string> & { charts: Record<string, { title: string }> } }).page;
/** Where to save screenshots to look at (not committed); unset: none. */
const SHOTS = process.env.DASHBOARD_SHOTS;
const NOW = new Date('2026-03-15T10:00:00Z');

const live = serverInBrowser(async () => {
  const surveyStore = memorySurveyStore({ now: () => NOW });
  let outcomeNow = new Date('2026-03-02T10:00:00Z');
  const outcomeStore = memoryOutcomeStore({ now: () => outcomeNow });
  // A year of demo answers, thinning out in the last months so some cells are suppressed.
  await surveyStore.addSynthetic(
    generateSyntheticSurveyRows({ count: 700, from: '2025-03-01', seed: 11 }).filter((row) => row.day < '2026-02-20' || row.id < '3'),
  );
  // 4 started while the counter was closed, 6 while it was open, 2 before the flag was kept.
  const hoursOf = (index: number) =>
    index < 4 ? { openingHours: 'outside' as const } : index < 10 ? { openingHours: 'inside' as const } : {};
  for (let index = 0; index < 12; index += 1) {
    await outcomeStore.start({ day: '2026-03-02', channel: 'webchat', conversationKey: `c${index}`, ...hoursOf(index) });
    if (index < 9) await outcomeStore.record({ day: '2026-03-02', channel: 'webchat', conversationKey: `c${index}`, outcome: 'resolved' });
  }
  outcomeNow = NOW; // 2 March is closed by now
  return startTestServer({
    routes: [surveyReportRoute({ surveyStore, outcomeStore, reportsToken: TOKEN, now: () => NOW })],
  });
});

describe.skipIf(chromiumUnavailable)('dashboard in a browser', () => {
  it('signs in, draws every chart with its table from the API, and meets WCAG 2.1 AA', async () => {
    const { page } = live.browser;
    // The page's today is the test's: the running month is March 2026.
    await page.clock.setFixedTime(NOW);
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico') && !/401/.test(message.text()))
        scriptErrors.push(message.text());
    });

    await page.goto(`${live.server.baseUrl}/dashboard`);
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
    const report = (await page.evaluate(async () =>
      (await fetch('/api/reports/survey?from=2025-04-01&to=2026-03-15')).json(),
    )) as SurveyReport;
    const model = dashboardModel(report, { today: '2026-03-15', texts: DUTCH });
    // Awareness: one small chart per answer; the others one chart each.
    expect(await page.locator('svg.chart-svg').count()).toBe(7);
    expect(await page.locator('#chart-awareness svg.chart-svg').count()).toBe(3);
    // One plain-Dutch sentence per figure, the same the model makes, with the panel comparison.
    for (const chart of model.charts) {
      expect(await page.locator(`#chart-${chart.id} .findings li`).allTextContents(), chart.id).toEqual(chart.sentences);
    }
    const awarenessFindings = (await page.locator('#chart-awareness .findings').textContent()) ?? '';
    expect(awarenessFindings).toMatch(
      /inwonerspanel 2021\/3 was dat \d+,\d%: (dat verschil is statistisch zeker|het verschil is nog niet zeker)/,
    );
    // Dates in Dutch words, from the range the report says it counted.
    expect(model.summary.period).toMatch(/^1 april 2025 tot en met \d{1,2} maart 2026$/);
    expect(await page.locator('#summary').textContent()).toContain(model.summary.period);
    // The running month is marked incomplete, in the table and as an open point in the chart.
    expect(await page.locator('#chart-satisfaction table').textContent()).toMatch(/maart 2026 \(onvolledig: 1 maart tot 15 maart\)/);
    expect((await page.locator('#chart-satisfaction svg text').allTextContents()).at(-1)).toMatch(/\*$/);
    for (const chart of model.charts) {
      const rows = await page
        .locator(`#chart-${chart.id} table tr`)
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')));
      expect(rows, chart.id).toEqual([chart.table.columns, ...chart.table.rows]);
    }
    const awarenessText = await page.locator('#chart-awareness table').textContent();
    expect(awarenessText).toContain('te weinig antwoorden'); // the thin last month
    expect(await page.locator('#chart-outcomes table').textContent()).toContain('75,0%'); // 9 of 12 resolved
    // Outside the opening hours: 4 of the 10 whose start is known; the 2 older ones are unknown, not inside.
    expect(report.outcomes!.outsideOpeningHours).toEqual({ n: 10, unknown: 2, suppressed: false, outside: 0.4 });
    expect(await page.locator('#chart-outcomes .findings li').last().textContent()).toMatch(
      /^40,0% van de gesprekken begon toen het loket dicht was \(van 10 gesprekken\)\. Van 2 oudere gesprekken weten we dat niet\.$/,
    );
    expect(await page.locator('#summary').textContent()).toContain('Gesprekken buiten de openingsuren40,0%');
    // The response rate stands beside satisfaction: surveys answered per closed conversation.
    expect(await page.locator('#chart-satisfaction .findings').textContent()).toMatch(/van de gesprekken is de enquête ingevuld/);

    // The CSV link carries the range and downloads with the session.
    const href = await page.getByRole('link', { name: /CSV/ }).getAttribute('href');
    expect(href).toBe('/api/reports/survey.csv?from=2025-04-01&to=2026-03-15');

    // The CSV, downloaded with the session: codes in their columns, Dutch words from locales/nl beside them.
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(';').slice(0, 6)).toEqual(['vraag', 'vraag_tekst', 'antwoord', 'antwoord_tekst', 'leeftijd', 'leeftijd_tekst']);
    const csvRow = (vraag: string, antwoord: string) =>
      lines.find((line) => line.startsWith(`${vraag};`) && line.split(';')[2] === antwoord);
    expect(csvRow('outcome', 'resolved')!.split(';').slice(0, 4)).toEqual([
      'outcome',
      labels.questions!.outcome,
      'resolved',
      labels.outcome!.resolved,
    ]);
    expect(csvRow('outsideOpeningHours', 'outside')!.split(';').slice(0, 4)).toEqual([
      'outsideOpeningHours',
      labels.questions!.outsideOpeningHours,
      'outside',
      labels.outsideOpeningHours!.outside,
    ]);
    // The page's headings are the locale's, as the server filled them in.
    expect(await page.locator('#chart-outcomes h2').textContent()).toBe(page_.charts.outcomes!.title);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/after-desktop-top.png` });
      await page.locator('#chart-outcomes').screenshot({ path: `${SHOTS}/after-desktop-outcomes.png` });
    }

    // Focus is visible on the first element reached with the keyboard.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');

    expect(await wcagViolations(page)).toEqual([]);
    expect(scriptErrors).toEqual([]);
  }, 60_000);

  it('without its script the page still reads: headings, range form and CSV link from the locale, axe clean', async () => {
    const page = await live.browser.context.newPage();
    await page.route('**/dashboard/assets/dashboard.js', (route) => route.abort());
    await page.goto(`${live.server.baseUrl}/dashboard`);
    // Signed in by the first test: the browser keeps its session cookie.
    await page.getByRole('heading', { level: 1, name: page_.heading }).waitFor();
    expect(await page.title()).toBe(page_.title);
    expect(await page.locator('h2').allTextContents()).toEqual([
      page_.summaryTitle,
      ...['awareness', 'satisfaction', 'appointmentPreference', 'bookingChannelByAge', 'outcomes'].map((id) => page_.charts[id]!.title),
    ]);
    expect(await page.locator('#status').textContent()).toBe(page_.loading);
    expect(await page.getByRole('link', { name: page_.csv }).getAttribute('href')).toMatch(/^\/api\/reports\/survey\.csv\?from=/);
    expect(await page.getByRole('button', { name: page_.show }).count()).toBe(1);
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('serves the page in English with ?lang=en, texts from locales/en', async () => {
    const page = await live.browser.context.newPage();
    const english = readLocaleResources().en.dashboard as { page: { heading: string }; script: { loaded: string } };
    await page.goto(`${live.server.baseUrl}/dashboard?lang=en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: english.page.heading }).waitFor();
    await expect.poll(() => page.locator('#status').textContent()).toBe(english.script.loaded);
    expect(await page.locator('#chart-outcomes .findings').textContent()).toMatch(
      /of the conversations started outside the counter's opening hours/,
    );
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('stays readable on a phone: chart text at least 11 px, no label cut off, no sideways scrolling', async () => {
    const page = await live.browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${live.server.baseUrl}/dashboard`);
    if (await page.getByLabel('Toegangscode').count()) {
      await page.getByLabel('Toegangscode').fill(TOKEN);
      await page.getByRole('button', { name: 'Aanmelden' }).click();
    }
    await expect.poll(() => page.locator('#status').textContent()).toBe('De cijfers zijn geladen.');
    const texts = await page.locator('svg.chart-svg text').evaluateAll((nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        const svg = (node as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
        return {
          text: node.textContent,
          size: parseFloat(getComputedStyle(node).fontSize) * (svg.width / (node as SVGTextElement).ownerSVGElement!.viewBox.baseVal.width),
          left: box.left - svg.left,
          right: svg.right - box.right,
        };
      }),
    );
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) {
      expect(text.size, JSON.stringify(text)).toBeGreaterThanOrEqual(11);
      expect(text.left, JSON.stringify(text)).toBeGreaterThanOrEqual(-0.5);
      expect(text.right, JSON.stringify(text)).toBeGreaterThanOrEqual(-0.5);
    }
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > 360)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
        .slice(0, 5),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join(', ')).toBeLessThanOrEqual(360);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/after-phone.png`, fullPage: true });
      await page.locator('#chart-outcomes').screenshot({ path: `${SHOTS}/after-phone-outcomes.png` });
      await page.locator('#summary').screenshot({ path: `${SHOTS}/after-phone-summary.png` });
    }
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
