import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import { CallerIdConstants } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { messageActivity, postJson, startTestServer } from '../../support/testServer.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });

let bot: Awaited<ReturnType<typeof startTestServer>>;

/** A loopback port where nothing listens: the channel's signing keys cannot be fetched. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** What reaches the console; installed before the adapter is built, as the real console would be. */
const consoleOutput: string[] = [];
const consoleSpies: { mockRestore(): void }[] = [];

beforeAll(async () => {
  for (const level of ['error', 'warn', 'log'] as const) {
    consoleSpies.push(
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' '));
      }),
    );
  }
  const metadataUrl = `http://127.0.0.1:${await closedPort()}/openid`;
  bot = await startTestServer({
    botAuth: { appId: APP_ID, appPassword: 'test-password', appType: 'MultiTenant', tenantId: null },
    authOverrides: {
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    },
  });
});

afterAll(async () => {
  for (const spy of consoleSpies) spy.mockRestore();
  await bot.close();
});

function forgedToken(serviceUrl: string, issuer: string): string {
  return jwt.sign({ serviceurl: serviceUrl }, forger.privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    algorithm: 'RS256',
    keyid: 'forged-key',
    issuer,
    audience: APP_ID,
    expiresIn: 300,
  });
}

describe('a forged channel token while the signing keys cannot be fetched', () => {
  it('gets 503 (never 500), is logged once, and leaves no key or stack on the console', async () => {
    consoleOutput.length = 0;
    for (const issuer of [
      AuthenticationConstants.ToBotFromChannelTokenIssuer,
      'https://sts.windows.net/forged/',
      'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/',
    ]) {
      const activity = messageActivity('hallo');
      const response = await postJson(`${bot.baseUrl}/api/messages`, activity, {
        authorization: `Bearer ${forgedToken(activity.serviceUrl, issuer)}`,
      });
      expect([401, 503]).toContain(response.status);
      const body = await response.json();
      expect(['unauthorized', 'auth_keys_unavailable']).toContain(body.error.code);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js|metadata|127\.0\.0\.1/);
    }
    expect(consoleOutput).toEqual([]);
    expect(bot.logger.lines.filter((line) => line.includes('auth.keysUnavailable')).length).toBe(1);
    expect(bot.logger.lines.filter((line) => line.includes('"messages.failed"'))).toEqual([]);
  });
});
