import { afterEach, describe, expect, it } from 'vitest';
import { createAttemptLimiter } from '../../../services/attemptLimiter.js';
import { readReportRange, tokensMatch } from '../../../bot/http/reportsAccess.js';
import { registerSurveyReportRoutes, type SurveyReportRoutesDeps } from '../../../bot/http/surveyReportRoutes.js';
import { memoryOutcomeStore } from '../../../stores/survey/embeddedOutcomeStore.js';
import { memorySurveyStore } from '../../../stores/survey/embeddedSurveyStore.js';
import { SURVEY_CSV_COLUMNS } from '../../../services/survey/surveyCsv.js';
import { readLocaleResources } from '../../../bot/i18n.js';
import { startTestServer } from '../../support/testServer.js';
import { baseline, rows } from '../../services/survey/surveyFixtures.js';

const TOKEN = 'reports-token-for-tests-0123456789';
const NOW = new Date('2026-03-15T10:00:00Z');

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function startWith(overrides: Partial<SurveyReportRoutesDeps> = {}) {
  const surveyStore = memorySurveyStore({ now: () => NOW });
  const outcomeStore = memoryOutcomeStore({ now: () => NOW });
  const january = [
    ...rows(12, '2026-01-10', { awareness: 'used', satisfaction: 5 }),
    ...rows(8, '2026-01-12', { awareness: 'unaware', satisfaction: 2 }),
  ];
  await surveyStore.addSynthetic(january.map((row) => ({ ...row, synthetic: true as const })));
  await surveyStore.add(rows(1, '2026-03-01', { awareness: 'awareNotUsed' })[0]!, 'one-real-row');
  const server = await startTestServer({
    routes: [
      (http) =>
        registerSurveyReportRoutes(http, { surveyStore, outcomeStore, reportsToken: TOKEN, baseline, now: () => NOW, ...overrides }),
    ],
  });
  close = server.close;
  return server;
}

const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });

describe('survey report API', () => {
  it('answers 401 without a token and with a wrong one', async () => {
    const { baseUrl } = await startWith();
    const missing = await fetch(`${baseUrl}/api/reports/survey`);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe('unauthorized');
    const wrong = await fetch(`${baseUrl}/api/reports/survey`, { headers: bearer('not-the-token') });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(await wrong.json())).not.toContain(TOKEN);
    expect((await fetch(`${baseUrl}/api/reports/survey.csv`, { headers: bearer('nope') })).status).toBe(401);
  });

  it('answers 429 after repeated wrong tokens from one address, even for the right token then', async () => {
    const { baseUrl } = await startWith({ limiter: createAttemptLimiter({ scope: 'test', maxAttempts: 3, windowMs: 60_000 }) });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await fetch(`${baseUrl}/api/reports/survey`, { headers: bearer(`wrong-${attempt}`) })).status).toBe(401);
    }
    const blocked = await fetch(`${baseUrl}/api/reports/survey`, { headers: bearer() });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()).error.code).toBe('too_many_attempts');
  });

  it('answers 503 with a reason when no REPORTS_TOKEN is configured', async () => {
    const { baseUrl } = await startWith({ reportsToken: null });
    const response = await fetch(`${baseUrl}/api/reports/survey`, { headers: bearer() });
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('reports_disabled');
    expect((await fetch(`${baseUrl}/dashboard`)).status).toBe(503);
  });

  it.each([
    ['from=2026-13-01&to=2026-12-31', 'date_invalid'],
    ['from=yesterday', 'date_invalid'],
    ['from=2026-02-30', 'date_invalid'],
    ['from=2026-05-01&to=2026-04-30', 'range_reversed'],
    ['from=2020-01-01&to=2026-01-01', 'range_too_long'],
  ])('answers 400 with a short reason for %s', async (query, code) => {
    const { baseUrl } = await startWith();
    const response = await fetch(`${baseUrl}/api/reports/survey?${query}`, { headers: bearer() });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeLessThan(80);
  });

  it('returns the report as JSON for the last 12 months by default', async () => {
    const { baseUrl } = await startWith();
    const response = await fetch(`${baseUrl}/api/reports/survey`, { headers: bearer() });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const report = await response.json();
    // Whole months, but not past today: the running month ends today.
    expect(report.from).toBe('2025-04-01');
    expect(report.to).toBe('2026-03-15');
    expect(report.periods).toHaveLength(12);
    expect(report.responses).toBe(21);
    expect(report.synthetic).toBe(20);
    // March's one awareness answer is a small cell of its month: left out of the total (12 used, 8 unaware in January).
    expect(report.awareness).toMatchObject({ n: 20, suppressed: false, used: 0.6, unaware: 0.4, awareNotUsed: 0 });
    expect(report.periods.find((period: { period: string }) => period.period === '2026-03').awareness).toMatchObject({
      n: 1,
      suppressed: true,
      used: null,
    });
  });

  it('filters by the given range', async () => {
    const { baseUrl } = await startWith();
    const report = await (await fetch(`${baseUrl}/api/reports/survey?from=2026-02-01&to=2026-03-31`, { headers: bearer() })).json();
    expect(report).toMatchObject({ from: '2026-02-01', to: '2026-03-31', responses: 1 });
    // The one March answer is a small cell: left out of the total, shown (suppressed) in March's period.
    expect(report.awareness).toMatchObject({ n: 0, suppressed: true, used: null, awareNotUsed: null, unaware: null });
    expect(report.periods[1].awareness).toMatchObject({ n: 1, suppressed: true });
  });

  it('returns the CSV for Excel as a download', async () => {
    const { baseUrl } = await startWith();
    const response = await fetch(`${baseUrl}/api/reports/survey.csv?from=2026-01-01&to=2026-01-31`, { headers: bearer() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="enquete-digitale-assistent-2026-01-01-tot-2026-01-31.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(SURVEY_CSV_COLUMNS.join(';'));
    // Codes in their columns, the Dutch words from locales/nl beside them.
    const words = (
      readLocaleResources().nl.dashboard as { labels: { questions: Record<string, string>; awareness: Record<string, string> } }
    ).labels;
    expect(lines).toContain(
      `awareness;${words.questions.awareness};used;${words.awareness.used};;;2026-01-01/2026-01-31;aandeel;20;0,6;0,3866;0,7812;0,23;0,37;0,0002;ja;`,
    );
  });

  it('signs in on the dashboard with the token, and the session cookie opens both report endpoints', async () => {
    const { baseUrl } = await startWith();
    const loginPage = await fetch(`${baseUrl}/dashboard`);
    expect(loginPage.status).toBe(200);
    const loginHtml = await loginPage.text();
    expect(loginHtml).toContain('<html lang="nl">');
    expect(loginHtml).toContain('<label for="token">');
    expect(loginHtml).toContain('action="/dashboard/login"');

    const wrong = await login(baseUrl, 'wrong-token');
    expect(wrong.status).toBe(401);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('role="alert"');
    expect(wrongHtml).toContain('klopt niet');
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const signedIn = await login(baseUrl, TOKEN);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/dashboard');
    const setCookie = signedIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^reports_session=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;

    const page = await fetch(`${baseUrl}/dashboard?from=2026-01-01&to=2026-01-31`, { headers: { cookie } });
    const html = await page.text();
    expect(html).toContain('data-from="2026-01-01" data-to="2026-01-31"');
    expect(html).toContain('href="/api/reports/survey.csv?from=2026-01-01&amp;to=2026-01-31"');
    expect(html).toContain('<script type="module" src="/dashboard/assets/dashboard.js">');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    expect((await fetch(`${baseUrl}/api/reports/survey?from=2026-01-01&to=2026-01-31`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${baseUrl}/api/reports/survey.csv`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${baseUrl}/api/reports/survey`, { headers: { cookie: 'reports_session=made-up' } })).status).toBe(401);

    const out = await fetch(`${baseUrl}/dashboard/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect(out.status).toBe(303);
    expect((await fetch(`${baseUrl}/api/reports/survey`, { headers: { cookie } })).status).toBe(401);
  });

  it('shows a Dutch message on the dashboard for a bad range and falls back to the last 12 months', async () => {
    const { baseUrl } = await startWith();
    const cookie = (await login(baseUrl, TOKEN)).headers.get('set-cookie')!.split(';')[0]!;
    const html = await (await fetch(`${baseUrl}/dashboard?from=2026-05-01&to=2026-04-01`, { headers: { cookie } })).text();
    expect(html).toContain('De begindatum ligt na de einddatum.');
    expect(html).toContain('data-from="2025-04-01" data-to="2026-03-15"');
  });

  it('limits wrong logins per address', async () => {
    const { baseUrl } = await startWith({ limiter: createAttemptLimiter({ scope: 'test', maxAttempts: 2, windowMs: 60_000 }) });
    expect((await login(baseUrl, 'a')).status).toBe(401);
    expect((await login(baseUrl, 'b')).status).toBe(401);
    const blocked = await login(baseUrl, TOKEN);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('te vaak');
  });

  it('serves its own script and style, and nothing else from the folder', async () => {
    const { baseUrl } = await startWith();
    const script = await fetch(`${baseUrl}/dashboard/assets/dashboard.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("from './dashboardModel.js'");
    expect((await fetch(`${baseUrl}/dashboard/assets/dashboardModel.js`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/dashboard/assets/dashboard.css`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/dashboard/assets/messages.json`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/dashboard/assets/..%2Flogin.html`)).status).toBe(404);
  });
});

describe('reports access helpers', () => {
  it('compares tokens of any length', () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(tokensMatch('', TOKEN)).toBe(false);
  });

  it('defaults to the last 12 calendar months, and fills a missing end', () => {
    expect(readReportRange({}, new Date('2026-01-20T12:00:00Z'))).toEqual({ ok: true, range: { from: '2025-02-01', to: '2026-01-20' } });
    expect(readReportRange({ to: '2026-06-30' }, NOW)).toEqual({ ok: true, range: { from: '2025-07-01', to: '2026-06-30' } });
    expect(readReportRange({ from: '2026-01-01' }, NOW)).toEqual({ ok: true, range: { from: '2026-01-01', to: '2026-03-15' } });
    expect(readReportRange({ from: ['2026-01-01', '2026-02-01'] }, NOW)).toMatchObject({ ok: false, code: 'date_invalid' });
  });
});

function login(baseUrl: string, token: string) {
  return fetch(`${baseUrl}/dashboard/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
    redirect: 'manual',
  });
}
