import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../bot/config.js';
import { hashStaffPassword } from '../../bot/staff/staffPassword.js';

describe('handoff configuration', () => {
  it('defaults to the callback queue, 30 days of retention and no staff accounts', () => {
    const config = readConfig({});
    expect(config.handoffMode).toBe('callback');
    expect(config.callbackRetentionDays).toBe(30);
    expect(config.bookingRetentionDays).toBe(30);
    expect(config.staffAccounts).toEqual([]);
  });

  it('reads BOOKING_RETENTION_DAYS', () => {
    expect(readConfig({ BOOKING_RETENTION_DAYS: '90' }).bookingRetentionDays).toBe(90);
  });

  it('reads HANDOFF_MODE, CALLBACK_RETENTION_DAYS and STAFF_ACCOUNTS', async () => {
    const hash = await hashStaffPassword('wachtwoord van an', { N: 1024, r: 8, p: 1 });
    const config = readConfig({ HANDOFF_MODE: 'agentHub', CALLBACK_RETENTION_DAYS: '14', STAFF_ACCOUNTS: `an:${hash}` });
    expect(config).toMatchObject({
      handoffMode: 'agentHub',
      callbackRetentionDays: 14,
      staffAccounts: [{ name: 'an', passwordHash: hash }],
    });
  });

  it.each([
    [{ HANDOFF_MODE: 'email' }, /HANDOFF_MODE/],
    [{ CALLBACK_RETENTION_DAYS: '0' }, /CALLBACK_RETENTION_DAYS/],
    [{ CALLBACK_RETENTION_DAYS: '2.5' }, /CALLBACK_RETENTION_DAYS/],
    [{ BOOKING_RETENTION_DAYS: '0' }, /BOOKING_RETENTION_DAYS/],
    [{ BOOKING_RETENTION_DAYS: 'een maand' }, /BOOKING_RETENTION_DAYS/],
    [{ STAFF_ACCOUNTS: 'an:geheim' }, /STAFF_ACCOUNTS/],
  ])('refuses %j with a one-line reason', (env, reason) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(reason);
  });
});

describe('configuration', () => {
  it('runs in local mode with the contract defaults when nothing is set', () => {
    expect(readConfig({})).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      botAuth: null,
      directLineSecret: null,
      storage: 'lowdb',
      dataDir: 'var',
      luis: null,
      reportsToken: null,
      defaultLocale: 'nl-BE',
    });
  });

  it('binds to every interface once channel authentication is configured', () => {
    const config = readConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.botAuth).toEqual({ appId: 'app', appPassword: 'secret', appType: 'MultiTenant', tenantId: null });
  });

  it.each([
    [{ NODE_ENV: 'production' }, /production requires MicrosoftAppId/],
    [{ PORT: 'http' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ STORAGE: 'mongodb' }, /STORAGE/],
    [{ STORAGE: 'postgres' }, /DATABASE_URL/],
    [{ DEFAULT_LOCALE: 'fr-BE' }, /DEFAULT_LOCALE/],
    [{ REPORTS_TOKEN: 'short' }, /REPORTS_TOKEN/],
    [{ MicrosoftAppId: 'app' }, /MicrosoftAppPassword/],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'x', MicrosoftAppType: 'Other' }, /MicrosoftAppType/],
    [{ LUIS_APP_ID: 'id' }, /LUIS_API_KEY, LUIS_ENDPOINT/],
    [{ CALENDAR_LINK_SECRET: 'too short' }, /CALENDAR_LINK_SECRET/],
    [{ PUBLIC_BASE_URL: 'chat.gemeente.be' }, /PUBLIC_BASE_URL/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY/],
    [{ LUIS_APP_ID: 'id', LUIS_API_KEY: 'key', LUIS_ENDPOINT: 'westeurope' }, /LUIS_ENDPOINT/],
  ])('refuses %j with a one-line reason', (env, reason) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(reason);
    try {
      readConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('reads every variable the code reads from .env.example, and documents each in the README', () => {
    const source = readFileSync(new URL('../../bot/config.ts', import.meta.url), 'utf8');
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const names = [...new Set([...source.matchAll(/'([A-Za-z_]*[A-Z][A-Za-z_]*)'/g)].map((m) => m[1]!))].filter(
      (name) => /^(Microsoft|[A-Z_]+$)/.test(name) && !['CONFIG_INVALID', 'NODE_ENV'].includes(name),
    );
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      expect(example, `.env.example lacks ${name}`).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
      expect(readme, `README lacks ${name}`).toContain(name);
    }
  });
});

describe('the production check', () => {
  it.each(['production', 'Production', 'PRODUCTION', ' production '])('NODE_ENV=%j without MicrosoftAppId refuses to start', (nodeEnv) => {
    expect(() => readConfig({ NODE_ENV: nodeEnv })).toThrow(/NODE_ENV=production requires MicrosoftAppId/);
  });

  it('NODE_ENV=Production with an app id counts as production', () => {
    const config = readConfig({ NODE_ENV: 'Production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' });
    expect(config.production).toBe(true);
    expect(config.nodeEnv).toBe('production');
  });

  it.each(['development', 'test', 'productie'])('NODE_ENV=%s is not production', (nodeEnv) => {
    expect(readConfig({ NODE_ENV: nodeEnv }).production).toBe(false);
  });
});
