import { chromiumUnavailable, serverInBrowser, wcagViolations } from '../../support/browser.js';
import { describe, expect, it } from 'vitest';
import { readLocaleResources } from '../../../bot/i18n.js';
import { UNDO_WINDOW_MS } from '../../../services/callback/callbackStatus.js';
import type { CallbackStore } from '../../../stores/callbacks/callbackStore.js';
import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import { createEmbeddedCallbackStore, EMPTY_CALLBACK_DOCUMENT } from '../../../stores/callbacks/embeddedCallbackStore.js';
import { startStaffServer, STAFF_PASSWORD } from '../../bot/staff/staffFixtures.js';

// The texts the console shows, as locales/<lang>/staff.json has them.
type StaffTexts = {
  page: Record<'title' | 'heading' | 'signIn' | 'name' | 'password', string>;
  messages: Record<'signedIn' | 'openCount_other', string>;
  request: Record<'phone' | 'topic' | 'question' | 'history' | 'statusOf', string>;
};
const texts = readLocaleResources() as unknown as Record<'nl' | 'en', { staff: StaffTexts }>;
const nl = texts.nl.staff;
const en = texts.en.staff;

let callbacks: CallbackStore;

const live = serverInBrowser(async () => {
  const references = ['KDR-482', 'MNP-234', 'TVW-915'];
  callbacks = createEmbeddedCallbackStore(memoryDocument(EMPTY_CALLBACK_DOCUMENT), { newReference: () => references.shift()! });
  for (const [requestId, partOfDay, subject] of [
    ['a', 'morning', 'Verlopen reispas, ik vertrek volgende week'],
    ['b', 'afternoon', null],
  ] as const) {
    await callbacks.create({
      requestId,
      phone: '+32470123456',
      preferredMoment: { day: '2026-03-02', partOfDay },
      topic: { intent: 'document.request', document: 'reispas' },
      excerpt: ['ik wil een reispas aanvragen', 'ik wil iemand spreken'],
      subject,
      language: 'nl',
      at: new Date('2026-03-02T09:00:00Z'),
    });
  }
  return startStaffServer(callbacks);
});

describe.skipIf(chromiumUnavailable)('staff console in a browser', () => {
  it('signs in, shows the requests, marks one reached and announces it, without WCAG 2.1 AA violations', async () => {
    const page = await live.browser.context.newPage();
    // A fake clock, so the undo time and the 30-second refresh can be run through at once.
    await page.clock.install();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    page.on('console', (message) => {
      // The 401 before signing in and the missing favicon are expected answers, not script errors.
      const expected = /401/.test(message.text()) || message.location().url.endsWith('/favicon.ico');
      if (message.type() === 'error' && !expected) scriptErrors.push(`${message.text()} ${message.location().url}`);
    });
    await page.goto(`${live.server.baseUrl}/staff`);
    await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    // The page's texts are the Dutch locale's.
    expect(await page.title()).toBe(nl.page.title);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(nl.page.heading);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByLabel('Wachtwoord').fill('fout wachtwoord');
    await page.getByLabel('Naam').fill('an');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('klopt niet');

    await page.getByLabel('Wachtwoord').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: /^KDR-482/ }).waitFor();
    // Numbers as staff dial them; the link still dials the full international number.
    expect(await page.getByRole('link', { name: '0470 12 34 56' }).first().getAttribute('href')).toBe('tel:+32470123456');
    expect(await page.locator('#requests').textContent()).not.toMatch(/\+32|\(assistant\)|\(resident\)/);
    // What the call is about, as the resident said it, next to its term; a request without one says so.
    const kdr = page.getByRole('article', { name: /^KDR-482/ });
    expect(await kdr.locator('dt', { hasText: 'Waarover' }).locator('+ dd').textContent()).toBe(
      'Verlopen reispas, ik vertrek volgende week',
    );
    const mnp = page.getByRole('article', { name: /^MNP-234/ });
    expect(await mnp.locator('dt', { hasText: 'Waarover' }).locator('+ dd').textContent()).toBe('Niet gezegd (liever aan de telefoon)');
    await expect.poll(() => page.locator('#status').textContent()).toContain('Er zijn 2 open verzoeken.');
    expect(await page.locator('#status').textContent()).toBe(
      `${nl.messages.signedIn} ${nl.messages.openCount_other.replace('{{count}}', '2')}`,
    );

    await page.getByRole('group', { name: 'Status van MNP-234' }).getByRole('button', { name: 'Niet bereikt, later opnieuw' }).click();
    await page.getByRole('heading', { name: /^MNP-234.*Niet bereikt \(1×\)/ }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('group', { name: 'Status van KDR-482' }).getByRole('button', { name: 'Bereikt', exact: true }).click();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toMatch(/^Verzoek KDR-482 is bereikt\. U kunt dit nog ongedaan maken\.$/);
    expect(await page.getByRole('heading', { name: /^KDR-482/ }).count()).toBe(0);
    // Saved at once: the undo is the server's, not a delay in the page.
    expect((await callbacks.get('KDR-482'))?.status).toBe('reached');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('console-title');
    expect(await wcagViolations(page)).toEqual([]);
    // Undo: the server opens the request again; it is back, focus on its first status button.
    await page.getByRole('button', { name: /^Ongedaan maken: KDR-482/ }).click();
    await page.getByRole('heading', { name: /^KDR-482/ }).waitFor();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Verzoek KDR-482 staat weer open.');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.reference)).toBe('KDR-482');
    expect((await callbacks.get('KDR-482'))?.status).toBe('open');
    await page.clock.runFor(15_000);
    expect((await callbacks.get('KDR-482'))?.status).toBe('open');

    // Closing for real: saved at once, and the undo button stays as long as the server's undo window.
    await page.getByRole('group', { name: 'Status van KDR-482' }).getByRole('button', { name: 'Bereikt', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: /^KDR-482/ }).count()).toBe(0);
    await expect.poll(async () => (await callbacks.get('KDR-482'))?.status).toBe('reached');
    await page.clock.runFor(UNDO_WINDOW_MS - 30_000);
    expect(await page.getByRole('button', { name: /^Ongedaan maken: KDR-482/ }).count()).toBe(1);
    await page.clock.runFor(31_000);
    expect(await page.getByRole('button', { name: /^Ongedaan maken/ }).count()).toBe(0);

    // A new request shows up without a reload, announced politely, focus left where it was.
    await page.getByRole('group', { name: 'Status van MNP-234' }).getByRole('button', { name: 'Afgehandeld' }).focus();
    await callbacks.create({
      requestId: 'c',
      phone: '+3293001122',
      preferredMoment: { day: '2026-03-03', partOfDay: 'morning' },
      topic: { intent: 'info.hours', document: null },
      excerpt: ['wanneer is het stadhuis open'],
      subject: null,
      language: 'nl',
      at: new Date('2026-03-02T10:00:00Z'),
    });
    await page.clock.runFor(31_000);
    await page.getByRole('heading', { name: /^TVW-915/ }).waitFor();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Nieuw verzoek: TVW-915.');
    expect(await page.getByRole('link', { name: '09 300 11 22' }).count()).toBe(1);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.reference)).toBe('MNP-234');
    expect(await wcagViolations(page)).toEqual([]);
    const stored = await callbacks.get('KDR-482');
    expect(stored?.status).toBe('reached');
    expect(stored?.history.at(-1)).toMatchObject({ status: 'reached', staffMember: 'an' });
    expect(scriptErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('in English (?lang=en) every text comes from locales/en/staff.json, without WCAG 2.1 AA violations', async () => {
    // Signed out: the Dutch test above left its session behind.
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await page.goto(`${live.server.baseUrl}/staff?lang=en`);
    await page.getByRole('heading', { name: en.page.signIn }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe(en.page.title);
    await page.getByLabel(en.page.name).fill('an');
    await page.getByLabel(en.page.password).fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: en.page.signIn }).click();
    await page.getByRole('heading', { name: /^MNP-234/ }).waitFor();
    const group = page.getByRole('group', { name: en.request.statusOf.replace('{{reference}}', 'MNP-234') });
    expect(await group.getByRole('button').allTextContents()).toEqual(['Reached', 'Not reached, try again later', 'Done']);
    const shown = await page.locator('main').innerText();
    for (const label of [en.request.phone, en.request.topic, en.request.question, en.request.history, 'Request a document', 'Dutch']) {
      expect(shown).toContain(label);
    }
    // No Dutch left on the English page.
    expect(shown).not.toMatch(/Telefoon|Onderwerp|Historiek|verzoek|Afgehandeld|Nederlands|digitale assistent/);
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
