import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../support/appServer.js';

const PRODUCTION = { NODE_ENV: 'production', MicrosoftAppId: 'app-id-for-tests', MicrosoftAppPassword: 'a-password-for-tests' };

let running: Awaited<ReturnType<typeof startApp>> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const warnings = (lines: string[]) =>
  lines
    .map((line) => JSON.parse(line))
    .filter((entry) => entry.level === 'warn')
    .map((entry) => entry.event);

describe('start-up warnings in production', () => {
  it('warns when DIRECT_LINE_SECRET is unset', async () => {
    running = await startApp(PRODUCTION);
    expect(warnings(running.logger.lines)).toContain('config.directLineSecretMissing');
  });

  it('does not warn with DIRECT_LINE_SECRET, nor in development', async () => {
    running = await startApp({ ...PRODUCTION, DIRECT_LINE_SECRET: 'a-direct-line-secret' });
    expect(warnings(running.logger.lines)).not.toContain('config.directLineSecretMissing');
    await running.close();
    running = await startApp();
    expect(warnings(running.logger.lines)).not.toContain('config.directLineSecretMissing');
  });
});
