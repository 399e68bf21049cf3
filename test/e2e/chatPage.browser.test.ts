import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readLocaleResources } from '../../bot/i18n.js';
import { startApp } from '../support/appServer.js';
import { chromiumUnavailable, serverInBrowser, wcagViolations } from '../support/browser.js';
import { focusIndicator, type FocusIndicator } from '../support/focusIndicator.js';

// What an auditor checks on the chat page: loading and no-script fallbacks, focus that can be seen and
// follows the conversation, answered options disabled, reflow at 320 px, times and font sizes.
const locales = readLocaleResources();
const dutch = locales.nl.common as { welcome: { text: string } };
const chatPage = locales.nl.chatPage as { problem: string; calendarDownloaded: string };

const live = serverInBrowser(() => startApp());

/** A new tab: its sessionStorage is empty, so the chat starts a new conversation. */
function newTab(): Promise<Page> {
  return live.browser.context.newPage();
}

async function welcomed(page: Page): Promise<void> {
  await page.locator('#webchat').getByText(dutch.welcome.text).first().waitFor({ timeout: 20_000 });
}

const openOptions = (page: Page) => page.locator('#webchat .ac-pushButton:not([disabled]):not([role="link"])');
const sendBox = (page: Page) => page.locator('#webchat .webchat__send-box-text-box__input');

function expectVisibleFocus(indicator: FocusIndicator | null): void {
  expect(indicator, 'something has focus').not.toBeNull();
  const where = JSON.stringify(indicator);
  expect(indicator!.style, where).not.toBe('none');
  expect(indicator!.width, where).toBeGreaterThanOrEqual(2);
  expect(indicator!.contrast, where).toBeGreaterThanOrEqual(3);
  expect(indicator!.clippedSides, where).toEqual([]);
}

describe.skipIf(chromiumUnavailable)('the chat page for an accessibility audit', () => {
  it('says so with the phone number, in the words of locales/nl/chatPage.json, when the chat cannot start', async () => {
    const page = await newTab();
    await page.route('**/webchat.js', (route) => route.abort());
    await page.goto(live.server.baseUrl);
    const phone = live.server.app.facts.municipality.phone;
    await expect.poll(() => page.locator('#chat-status').textContent()).toBe(chatPage.problem.replace('{{phoneDisplay}}', phone.display));
    await page.close();
  });

  it('says in Dutch at once that the chat is loading while the bundle is slow, and gives the phone number without JavaScript', async () => {
    const page = await live.browser.context.newPage();
    let releaseBundle!: () => void;
    const bundleHeld = new Promise<void>((resolve) => (releaseBundle = resolve));
    await page.route('**/webchat.js', async (route) => {
      await bundleHeld;
      await route.continue();
    });
    // Deferred scripts hold DOMContentLoaded back, so wait only for the page to arrive.
    await page.goto(live.server.baseUrl, { waitUntil: 'commit' });
    const loading = page.locator('#webchat .webchat-loading');
    await expect.poll(() => loading.isVisible(), { timeout: 2000 }).toBe(true);
    expect(await loading.textContent()).toMatch(/geladen/);
    expect(await page.locator('#webchat').getAttribute('aria-busy')).toBe('true');
    expect(await wcagViolations(page)).toEqual([]);
    releaseBundle();
    await welcomed(page);
    expect(await loading.count()).toBe(0);
    expect(await page.locator('#webchat').getAttribute('aria-busy')).toBe('false');
    await page.close();

    const noScript = await live.browser.context.newPage();
    const cdp = await live.browser.context.newCDPSession(noScript);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await noScript.goto(live.server.baseUrl);
    const fallback = noScript.locator('#webchat .webchat-noscript');
    expect(await fallback.isVisible()).toBe(true);
    const phone = live.server.app.facts.municipality.phone;
    expect(await fallback.getByRole('link', { name: phone.display }).getAttribute('href')).toBe(`tel:${phone.e164}`);
    expect(await noScript.locator('#webchat .webchat-loading').isVisible()).toBe(false);
    await noScript.close();
    // axe needs script: check the same page as a browser without JavaScript shows it (noscript unwrapped, no scripts).
    const html = await (await fetch(live.server.baseUrl)).text();
    const asShownWithoutScript = html.replace(/<\/?noscript>/g, '').replace(/<script[^>]*><\/script>/g, '');
    const page2 = await live.browser.context.newPage();
    await page2.route(live.server.baseUrl + '/', (route) => route.fulfill({ body: asShownWithoutScript, contentType: 'text/html' }));
    await page2.goto(live.server.baseUrl + '/');
    expect(await page2.locator('#webchat .webchat-noscript').isVisible()).toBe(true);
    expect(await wcagViolations(page2)).toEqual([]);
    await page2.close();
  }, 60_000);

  it('shows a focus ring of at least 2 px and 3:1 on every element reached with the keyboard', async () => {
    const page = await newTab();
    await page.goto(live.server.baseUrl);
    await welcomed(page);
    await openOptions(page).first().waitFor();
    const seen: FocusIndicator[] = [];
    // Tab from the top of the page until focus leaves the page (back to the browser's own controls).
    for (let stop = 0; stop < 20; stop += 1) {
      await page.keyboard.press('Tab');
      const indicator = await focusIndicator(page);
      if (!indicator) break;
      seen.push(indicator);
      expectVisibleFocus(indicator);
    }
    expect(seen.length).toBeGreaterThanOrEqual(7);
    // The tab path reaches the page's links, the transcript and the send box.
    const reached = seen.map((s) => s.element).join(' | ');
    expect(reached).toMatch(/webchat__basic-transcript/);
    expect(reached).toMatch(/webchat__send-box-text-box__input/);
    expect(reached).toMatch(/^a\.skip-link/);
    // The send box draws its ring inside: the placeholder keeps clear of it, at least 2 px on every side.
    await sendBox(page).focus();
    const gap = await sendBox(page).evaluate((input) => {
      const style = getComputedStyle(input);
      const ring = parseFloat(style.outlineWidth) - Math.max(0, -parseFloat(style.outlineOffset));
      const inside = Math.max(0, -parseFloat(style.outlineOffset));
      return Math.min(
        ...['Top', 'Right', 'Bottom', 'Left'].map(
          (side) => parseFloat(style.getPropertyValue(`padding-${side.toLowerCase()}`)) - inside - ring,
        ),
      );
    });
    expect(gap).toBeGreaterThanOrEqual(2);
    // Inside a message, the option buttons (Enter on the transcript, then Tab).
    await page.locator('#webchat .webchat__basic-transcript').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const inCard = await focusIndicator(page);
    expect(inCard?.element).toMatch(/^button\.ac-pushButton/);
    expectVisibleFocus(inCard);
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('disables answered options and moves focus to the new options or the send box', async () => {
    const page = await newTab();
    await page.goto(live.server.baseUrl);
    await welcomed(page);
    const welcomeOptions = await openOptions(page).count();
    expect(welcomeOptions).toBeGreaterThan(2);
    await openOptions(page)
      .filter({ hasText: /afspraak/i })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    // The welcome's options are answered: disabled, so an old click cannot send anything.
    await expect.poll(() => page.locator('#webchat .ac-pushButton[disabled]').count(), { timeout: 15_000 }).toBe(welcomeOptions);
    // Focus is where the resident continues: the first new option, or the send box.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const active = document.activeElement as HTMLButtonElement | null;
            if (!active) return 'nothing';
            if (active.classList.contains('webchat__send-box-text-box__input')) return 'send box';
            return active.classList.contains('ac-pushButton') && !active.disabled
              ? 'new option'
              : `elsewhere: ${active.outerHTML.slice(0, 80)}`;
          }),
        { timeout: 15_000 },
      )
      .toMatch(/^(new option|send box)$/);
    expectVisibleFocus(await focusIndicator(page));
    expect(await wcagViolations(page)).toEqual([]);

    // Typing an answer also closes the options on screen.
    await sendBox(page).fill('nee, toch niet');
    await sendBox(page).press('Enter');
    await expect.poll(() => page.locator('#webchat .webchat__basic-transcript__activity').count(), { timeout: 15_000 }).toBeGreaterThan(4);
    const stillOpenBeforeLastResidentMessage = await page.evaluate(() => {
      const activities = [...document.querySelectorAll('#webchat .webchat__basic-transcript__activity')];
      const last = activities.map((a) => !!a.querySelector('.webchat__stacked-layout--from-user')).lastIndexOf(true);
      return activities.slice(0, last).flatMap((a) => [...a.querySelectorAll('button.ac-pushButton:not([disabled]):not([role="link"])')])
        .length;
    });
    expect(stillOpenBeforeLastResidentMessage).toBe(0);
    await page.close();
  }, 60_000);

  it('reflows at 320 px: no sideways scrolling and the send button in view', async () => {
    const page = await live.browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(live.server.baseUrl);
    await welcomed(page);
    await sendBox(page).fill('ik wil een afspraak voor een identiteitskaart');
    await sendBox(page).press('Enter');
    await expect.poll(() => openOptions(page).count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await page.locator('#webchat .webchat__send-box__button').scrollIntoViewIfNeeded();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    const send = await page.locator('#webchat .webchat__send-box__button').boundingBox();
    expect(send!.x).toBeGreaterThanOrEqual(0);
    expect(send!.x + send!.width).toBeLessThanOrEqual(320);
    // Option buttons fit inside the chat box.
    const chatBox = (await page.locator('#webchat').boundingBox())!;
    for (const box of await openOptions(page).evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.right).toBeLessThanOrEqual(chatBox.x + chatBox.width + 0.5);
    }
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('reads times in 24 hours and sizes card text in rem, following the browser font size', async () => {
    const page = await newTab();
    const cdp = await live.browser.context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
    await page.goto(live.server.baseUrl);
    await welcomed(page);
    const spokenTimes = await page.locator('#webchat .webchat__activity-status').allTextContents();
    expect(spokenTimes.length).toBeGreaterThan(0);
    for (const text of spokenTimes) expect(text).not.toMatch(/[ap]\.\s?m\.|\b[AP]M\b/i);
    expect(spokenTimes.join(' ')).toMatch(/\d{2}:\d{2}/);
    const sizes = await page.evaluate(() => ({
      root: parseFloat(getComputedStyle(document.documentElement).fontSize),
      bubble: parseFloat(getComputedStyle(document.querySelector('#webchat .webchat__text-content')!).fontSize),
      option: parseFloat(getComputedStyle(document.querySelector('#webchat .ac-pushButton')!).fontSize),
    }));
    expect(sizes.root).toBe(24);
    expect(sizes.bubble).toBeGreaterThanOrEqual(sizes.root * 0.875);
    expect(sizes.option).toBeGreaterThanOrEqual(sizes.root * 0.875);
    await page.close();
  }, 60_000);

  it('after a reload announces only what is new, not the whole history', async () => {
    const page = await newTab();
    // Records every text that reaches Web Chat's live region while it is live.
    await page.addInitScript(() => {
      const announced: string[] = [];
      (window as unknown as { announced: string[] }).announced = announced;
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          const region = (mutation.target as Element).closest?.('.webchat__live-region-transcript');
          if (!region || region.getAttribute('aria-live') === 'off') continue;
          for (const node of mutation.addedNodes) if (node.textContent) announced.push(node.textContent);
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(live.server.baseUrl);
    await welcomed(page);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { announced: string[] }).announced.join(' ')))
      .toContain(dutch.welcome.text);
    await sendBox(page).fill('hallo');
    await sendBox(page).press('Enter');
    await expect
      .poll(() => page.locator('#webchat .webchat__basic-transcript__activity').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(1000);

    await page.reload();
    await welcomed(page);
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => (window as unknown as { announced: string[] }).announced.join(' '))).not.toContain(dutch.welcome.text);
    await sendBox(page).fill('wanneer zijn jullie open');
    await sendBox(page).press('Enter');
    const before = await page.locator('#webchat .webchat__basic-transcript__activity').count();
    await expect
      .poll(() => page.locator('#webchat .webchat__basic-transcript__activity').count(), { timeout: 15_000 })
      .toBeGreaterThan(before + 0);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { announced: string[] }).announced.length), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.close();
  }, 60_000);

  it('books an appointment: the summary one fact per line, the card said once without headings, and the calendar file downloads in place', async () => {
    const page = await newTab();
    const cardLinks: string[] = [];
    page.on('response', async (response) => {
      if (!/\/v3\/directline\/conversations\/[^/]+\/activities/.test(response.url()) || response.request().method() !== 'GET') return;
      const body = (await response.json().catch(() => ({}))) as {
        activities?: { attachments?: { content?: { actions?: { url?: string }[] } }[] }[];
      };
      for (const activity of body.activities ?? []) {
        for (const attachment of activity.attachments ?? [])
          for (const action of attachment.content?.actions ?? []) if (action.url) cardLinks.push(action.url);
      }
    });
    await page.goto(live.server.baseUrl);
    await welcomed(page);
    const say = async (text: string) => {
      const count = await page.locator('#webchat .webchat__basic-transcript__activity').count();
      await sendBox(page).fill(text);
      await sendBox(page).press('Enter');
      await expect
        .poll(() => page.locator('#webchat .webchat__basic-transcript__activity').count(), { timeout: 15_000 })
        .toBeGreaterThan(count + 1);
    };
    await say('ik wil een afspraak maken voor een nieuwe identiteitskaart');
    await openOptions(page).first().click();
    await page.waitForTimeout(1500);
    await say('Jan Peeters');
    await say('jan.peeters@telenet.be');
    // The summary: every fact its own paragraph, the address not glued to the question.
    const summary = page.locator('#webchat .webchat__basic-transcript__activity').last().locator('.webchat__render-markdown p');
    await expect.poll(() => summary.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    const paragraphs = await summary.allTextContents();
    const contactLine = paragraphs.find((line) => line.includes('jan.peeters@telenet.be'));
    expect(contactLine, paragraphs.join(' | ')).toBeDefined();
    expect(paragraphs.indexOf(contactLine!)).toBeLessThan(paragraphs.length - 1);
    expect(await wcagViolations(page)).toEqual([]);

    await openOptions(page).first().click(); // Ja
    const calendarButton = page.locator('#webchat button.ac-pushButton').filter({ hasText: /agenda/i });
    await calendarButton.first().waitFor({ timeout: 15_000 });
    // The booking card: no text bubble beside it and no headings inside the chat.
    const bookedActivity = page.locator('#webchat .webchat__basic-transcript__activity').filter({ has: calendarButton });
    expect(await bookedActivity.locator('.webchat__stacked-layout__message-row').count()).toBe(0);
    expect(await page.locator('#webchat [role="heading"], #webchat h1, #webchat h2, #webchat h3').filter({ visible: true }).count()).toBe(
      0,
    );
    // Without PUBLIC_BASE_URL the link is absolute on the address the page used.
    const calendarLink = cardLinks.find((url) => url.includes('/api/appointments/ics/'));
    expect(calendarLink?.startsWith(`${live.server.baseUrl}/api/appointments/ics/`), String(calendarLink)).toBe(true);
    expect(await wcagViolations(page)).toEqual([]);

    const tabsBefore = live.browser.context.pages().length;
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await calendarButton.first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    const content = await readFile((await file.path())!, 'utf8');
    expect(content).toMatch(/^BEGIN:VCALENDAR/);
    expect(live.browser.context.pages().length).toBe(tabsBefore);
    await expect.poll(() => page.locator('#chat-status').textContent()).toBe(chatPage.calendarDownloaded);
    // Typing on leaves the calendar link usable; only answered options are disabled.
    await say('nee dank u');
    expect(await calendarButton.first().isDisabled()).toBe(false);
    await page.close();
  }, 90_000);
});
