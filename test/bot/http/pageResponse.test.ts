import { afterEach, describe, expect, it } from 'vitest';
import { pageHeaders } from '../../../bot/http/pageResponse.js';
import { startApp } from '../../support/appServer.js';
import { staffAccountsEnv } from '../staff/staffFixtures.js';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null | undefined): Record<string, string> {
  return Object.fromEntries(
    (header ?? '').split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
}

// What every page shares, whatever it adds.
const SHARED = {
  'default-src': "'none'",
  'script-src': "'self'",
  'form-action': "'self'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
};

describe('page security headers', () => {
  it('are one policy: only what a page asks for is added', () => {
    const strict = pageHeaders({ cache: 'no-store' });
    expect(directives(strict['Content-Security-Policy'])).toEqual({
      ...SHARED,
      'style-src': "'self'",
      'img-src': "'self'",
      'connect-src': "'self'",
    });
    expect(strict).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' });
    const open = pageHeaders({
      cache: 'no-cache',
      inlineStyles: true,
      imagesFrom: ['data:'],
      connectTo: ['https://example.org'],
      referrer: 'same-origin',
    });
    expect(directives(open['Content-Security-Policy'])).toEqual({
      ...SHARED,
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self' https://example.org",
    });
    expect(open).toMatchObject({ 'Referrer-Policy': 'same-origin', 'Cache-Control': 'no-cache' });
  });

  describe('on the pages of the app', () => {
    let app: Awaited<ReturnType<typeof startApp>> | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    it('the chat page, the staff console and their files', async () => {
      app = await startApp({ STAFF_ACCOUNTS: await staffAccountsEnv(), REPORTS_TOKEN: 'a-reports-token-of-some-length' });
      const get = (path: string) => fetch(`${app!.baseUrl}${path}`);

      const chat = await get('/');
      expect(directives(chat.headers.get('content-security-policy'))).toEqual({
        ...SHARED,
        'style-src': "'self' 'unsafe-inline'",
        'img-src': "'self' data: blob:",
        'connect-src': "'self' https://directline.botframework.com",
      });
      expect(chat.headers.get('cache-control')).toBe('no-cache');

      for (const path of ['/staff', '/staff?lang=en', '/dashboard']) {
        const page = await get(path);
        expect(page.status, path).toBe(200);
        expect(page.headers.get('content-type'), path).toMatch(/^text\/html/);
        expect(directives(page.headers.get('content-security-policy')), path).toMatchObject({ ...SHARED, 'style-src': "'self'" });
        expect(page.headers.get('cache-control'), path).toBe('no-store');
      }

      for (const [path, type] of [
        ['/assets/chat.js', /^text\/javascript/],
        ['/assets/site.css', /^text\/css/],
        ['/staff/staffTexts.js', /^text\/javascript/],
        ['/staff/staff.css', /^text\/css/],
        ['/dashboard/assets/dashboard.js', /^text\/javascript/],
      ] as const) {
        const file = await get(path);
        expect(file.status, path).toBe(200);
        expect(file.headers.get('content-type'), path).toMatch(type);
        expect(file.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
      for (const path of ['/assets/index.html', '/staff/index.html', '/assets/..%2Fpackage.json']) {
        expect((await get(path)).status, path).toBe(404);
      }
    });
  });
});
