import type { Page } from 'playwright-core';
import { chromiumUnavailable, serverInBrowser, wcagViolations } from '../../support/browser.js';
import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../stores/bookings/bookingStore.js';
import { loadServiceCatalog } from '../../../services/appointments/serviceCatalog.js';
import { startApp } from '../../support/appServer.js';
import { bookThroughChat, STAFF_PASSWORD, staffAccountsEnv } from '../../bot/staff/staffFixtures.js';

// The whole app as `npm start` builds it, on the real clock: a resident books through the chat,
// and the counter staff find the appointment in the console's day view.

const dayFormat = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

let booking: Booking;

function brusselsDay(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function nextDay(day: string): string {
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function spoken(day: string): string {
  return dayFormat.format(new Date(`${day}T12:00:00Z`));
}

const live = serverInBrowser(async () => {
  const app = await startApp({ STAFF_ACCOUNTS: await staffAccountsEnv() });
  booking = await bookThroughChat(app.baseUrl, app.dataDir);
  return app;
});

async function signIn(page: Page) {
  await live.browser.context.clearCookies();
  await page.goto(`${live.server.baseUrl}/staff`);
  await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
  await page.getByLabel('Naam').fill('an');
  await page.getByLabel('Wachtwoord').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** Collects script errors and CSP refusals; the 401 before signing in and the favicon are expected. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    const expected = /401/.test(message.text()) || message.location().url.endsWith('/favicon.ico');
    if (message.type() === 'error' && !expected) errors.push(`${message.text()} ${message.location().url}`);
  });
  return errors;
}

describe.skipIf(chromiumUnavailable)("the staff console's day view on the whole app", () => {
  it('opens on today in Brussels, shows the booked appointment at its counter, switches days, without WCAG 2.1 AA violations', async () => {
    const page = await live.browser.context.newPage();
    const errors = watchErrors(page);
    const before = brusselsDay(new Date());
    await signIn(page);
    await page.getByRole('heading', { name: 'Afspraken van vandaag' }).waitFor();
    expect([before, brusselsDay(new Date())]).toContain(await page.getByLabel('Datum', { exact: true }).inputValue());

    const day = booking.start.slice(0, 10);
    const counterName = loadServiceCatalog().counters.find((counter) => counter.id === booking.counter)!.name.nl;
    await page.getByLabel('Datum', { exact: true }).fill(day);
    const table = page.getByRole('table', { name: new RegExp(`^${counterName}, ${spoken(day)}: 1 afspraak$`) });
    await table.waitFor();
    const row = table.getByRole('row', { name: new RegExp(booking.code) });
    expect(await row.getByRole('rowheader').textContent()).toBe(`${booking.start.slice(11, 16)}–${booking.end.slice(11, 16)}`);
    expect(await row.getByRole('cell').allTextContents()).toEqual(['An Peeters', 'Rijbewijs aanvragen', booking.code]);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Tijd', 'Naam', 'Dienst', 'Code']);
    await expect.poll(() => page.locator('#day-status').textContent()).toBe(`1 afspraak op ${spoken(day)}.`);
    expect(await page.getByText(/^Geen afspraken aan /).textContent()).not.toContain(counterName);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Volgende dag' }).click();
    await page.getByText(`Er zijn geen afspraken op ${spoken(nextDay(day))}.`).waitFor();
    expect(await page.getByLabel('Datum', { exact: true }).inputValue()).toBe(nextDay(day));
    expect(await page.getByRole('heading', { level: 2, name: `Afspraken van ${spoken(nextDay(day))}` }).count()).toBe(1);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Vorige dag' }).click();
    await table.getByRole('row', { name: new RegExp(booking.code) }).waitFor();
    expect(await page.getByLabel('Datum', { exact: true }).inputValue()).toBe(day);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('says so in Dutch when the appointments cannot be loaded, and goes back to the login when the session is gone', async () => {
    const page = await live.browser.context.newPage();
    await signIn(page);
    await page.getByRole('heading', { name: 'Afspraken van vandaag' }).waitFor();

    await page.route('**/api/staff/appointments?*', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal"}}' }),
    );
    await page.getByRole('button', { name: 'Volgende dag' }).click();
    await expect.poll(() => page.locator('#day-problem').textContent()).toBe('De afspraken zijn niet geladen. Probeer het opnieuw.');
    expect(await page.locator('#day-problem').getAttribute('aria-live')).toBe('assertive');
    expect(await page.getByRole('table').count()).toBe(0);
    await page.unroute('**/api/staff/appointments?*');

    await live.browser.context.clearCookies();
    await page.getByRole('button', { name: 'Vandaag' }).click();
    await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
    expect(await page.locator('#appointments').isHidden()).toBe(true);
    await expect.poll(() => page.locator('#problem').textContent()).toBe('U bent afgemeld. Meld u opnieuw aan.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-title');
    await page.close();
  }, 60_000);
});
