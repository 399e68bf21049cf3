import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Flags that keep Debian's Chromium quiet and working as root on a machine with no outside network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the browser suites cannot run here, or null. A developer's machine without Chromium skips them
 * with this reason; CI (CI set) installs Chromium and must run them, so there they never skip.
 */
export const chromiumUnavailable: string | null =
  existsSync(CHROMIUM_PATH) || process.env.CI ? null : `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;

if (chromiumUnavailable) process.stderr.write(`Skipping browser suites: ${chromiumUnavailable}.\n`);

/** A headless Chromium with a fresh profile; pages run under their own Content-Security-Policy. `close` removes the profile too. */
async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'assistent-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'nl-BE',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

type TestBrowser = Awaited<ReturnType<typeof launchBrowser>>;

/**
 * For a browser test file: before its tests, `start()` (the server the pages load from) and a headless
 * Chromium; after them, both closed. Where Chromium is missing nothing starts, and the suites skip on
 * `chromiumUnavailable`. Read `server` and `browser` inside the tests.
 */
export function serverInBrowser<S extends { close(): Promise<void> }>(
  start: () => Promise<S>,
): { readonly server: S; readonly browser: TestBrowser } {
  let server: S | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    if (chromiumUnavailable) return;
    server = await start();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('serverInBrowser: read inside a test, after beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page for WCAG 2.1 A and AA and returns what it finds. axe is evaluated through
 * the DevTools protocol, so the page's CSP (no inline scripts) stays in force for the page itself.
 */
export async function wcagViolations(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run(
      { include: [document], exclude: excluded.map((selector) => [selector]) },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, exclude);
}
