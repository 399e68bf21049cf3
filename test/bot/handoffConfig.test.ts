import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../bot/config.js';
import { hashStaffPassword } from '../../bot/staff/staffPassword.js';

describe('handoff configuration', () => {
  it('defaults to the callback queue, 30 days of retention and no staff accounts', () => {
    const config = readConfig({});
    expect(config.handoffMode).toBe('callback');
    expect(config.callbackRetentionDays).toBe(30);
    expect(config.staffAccounts).toEqual([]);
  });

  it('reads HANDOFF_MODE, CALLBACK_RETENTION_DAYS and STAFF_ACCOUNTS', async () => {
    const hash = await hashStaffPassword('wachtwoord van an', { N: 1024, r: 8, p: 1 });
    const config = readConfig({ HANDOFF_MODE: 'agentHub', CALLBACK_RETENTION_DAYS: '14', STAFF_ACCOUNTS: `an:${hash}` });
    expect(config).toMatchObject({ handoffMode: 'agentHub', callbackRetentionDays: 14, staffAccounts: [{ name: 'an', passwordHash: hash }] });
  });

  it.each([
    [{ HANDOFF_MODE: 'email' }, /HANDOFF_MODE/],
    [{ CALLBACK_RETENTION_DAYS: '0' }, /CALLBACK_RETENTION_DAYS/],
    [{ CALLBACK_RETENTION_DAYS: '2.5' }, /CALLBACK_RETENTION_DAYS/],
    [{ STAFF_ACCOUNTS: 'an:geheim' }, /STAFF_ACCOUNTS/],
  ])('refuses %j with a one-line reason', (env, reason) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(reason);
  });
});
