import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import { AuthenticationConstants } from 'botframework-connector';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureConsole, startServerWithChannelAuth, TEST_APP_ID } from '../../support/channelAuthentication.js';
import { messageActivity, postJson } from '../../support/testServer.js';

const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });

let bot: Awaited<ReturnType<typeof startServerWithChannelAuth>>;

/** A loopback port where nothing listens: the channel's signing keys cannot be fetched. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let printed: ReturnType<typeof captureConsole>;

beforeAll(async () => {
  printed = captureConsole();
  bot = await startServerWithChannelAuth(`http://127.0.0.1:${await closedPort()}/openid`);
});

afterAll(async () => {
  printed.restore();
  await bot.close();
});

function forgedToken(serviceUrl: string, issuer: string): string {
  return jwt.sign({ serviceurl: serviceUrl }, forger.privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    algorithm: 'RS256',
    keyid: 'forged-key',
    issuer,
    audience: TEST_APP_ID,
    expiresIn: 300,
  });
}

describe('a forged channel token while the signing keys cannot be fetched', () => {
  it('gets 503 (never 500), is logged once, and leaves no key or stack on the console', async () => {
    printed.lines.length = 0;
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
    expect(printed.lines).toEqual([]);
    expect(bot.logger.lines.filter((line) => line.includes('auth.keysUnavailable')).length).toBe(1);
    expect(bot.logger.lines.filter((line) => line.includes('"messages.failed"'))).toEqual([]);
  });
});
