import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../support/appServer.js';
import { messageActivity, postJson } from '../../support/testServer.js';

let app: Awaited<ReturnType<typeof startApp>> | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const PRODUCTION = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'test-password' };

describe('security headers', () => {
  it('every JSON answer and /webchat.js carry X-Content-Type-Options: nosniff; no HSTS outside production', async () => {
    app = await startApp();
    const answers = await Promise.all([
      fetch(`${app.baseUrl}/healthz`),
      fetch(`${app.baseUrl}/no-such-page`),
      fetch(`${app.baseUrl}/api/directline/token`, { method: 'POST' }),
      fetch(`${app.baseUrl}/api/reports/survey?from=2026-01-01&to=2026-01-31`),
      postJson(`${app.baseUrl}/api/messages`, messageActivity('hallo')),
      fetch(`${app.baseUrl}/webchat.js`),
    ]);
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options'), answer.url).toBe('nosniff');
      expect(answer.headers.get('strict-transport-security'), answer.url).toBeNull();
    }
    expect(answers.slice(0, 5).map((answer) => answer.headers.get('content-type'))).toEqual(
      answers.slice(0, 5).map(() => expect.stringMatching(/json/)),
    );
    expect(answers[5]!.headers.get('content-type')).toMatch(/javascript/);
  });

  it.each(['production', 'Production', 'PRODUCTION'])('NODE_ENV=%s sends HSTS on every answer', async (nodeEnv) => {
    app = await startApp({ NODE_ENV: nodeEnv, ...PRODUCTION });
    for (const path of ['/healthz', '/', '/no-such-page']) {
      const answer = await fetch(`${app.baseUrl}${path}`);
      expect(answer.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});
