import { describe, expect, it } from 'vitest';
import { readLocaleResources } from '../../bot/i18n.js';
import { startApp } from '../support/appServer.js';
import { chromiumUnavailable, serverInBrowser, wcagViolations } from '../support/browser.js';

const dutch = readLocaleResources().nl.common as { welcome: { text: string }; greeting: { text: string } };

const live = serverInBrowser(() => startApp());

describe.skipIf(chromiumUnavailable)('the web chat page in Chromium', () => {
  it('welcomes in Dutch, answers "hallo", and keeps the transcript after a reload', async () => {
    const { page } = live.browser;
    await page.goto(live.server.baseUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');

    const transcript = page.locator('#webchat');
    await transcript.getByText(dutch.welcome.text).first().waitFor({ timeout: 20_000 });

    const input = page.locator('#webchat input[type="text"], #webchat textarea').first();
    await input.fill('hallo');
    await input.press('Enter');
    await transcript.getByText(dutch.greeting.text).first().waitFor({ timeout: 20_000 });
    const conversationBefore = await page.evaluate(() => sessionStorage.getItem('gemeente-assistent.conversation'));

    await page.reload();
    await transcript.getByText(dutch.greeting.text).first().waitFor({ timeout: 20_000 });
    await expect(transcript.getByText('hallo', { exact: true }).count()).resolves.toBeGreaterThan(0);
    // The reload resumed the same conversation and shows the welcome once (Web Chat also keeps a
    // 1-pixel live-region copy of new texts for screen readers, so count the rendered paragraphs).
    const conversationAfter = await page.evaluate(() => sessionStorage.getItem('gemeente-assistent.conversation'));
    expect(JSON.parse(conversationAfter!).conversationId).toBe(JSON.parse(conversationBefore!).conversationId);
    await expect(transcript.locator('p', { hasText: dutch.welcome.text }).count()).resolves.toBe(1);
  }, 90_000);

  it('has no WCAG 2.1 AA violations that axe can find', async () => {
    const { page } = live.browser;
    await page.goto(live.server.baseUrl);
    await page.locator('#webchat').getByText(dutch.welcome.text).first().waitFor({ timeout: 20_000 });
    const violations = await wcagViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  }, 60_000);
});
