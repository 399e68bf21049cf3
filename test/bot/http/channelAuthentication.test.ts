import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationConstants } from 'botframework-connector';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureConsole, startServerWithChannelAuth, TEST_APP_ID } from '../../support/channelAuthentication.js';
import { messageActivity, postJson } from '../../support/testServer.js';

/**
 * The channel's side of Bot Framework authentication, faked on loopback: an OpenID metadata
 * document and a key set with our own test key, so tests can sign tokens the way a channel does.
 */
const CHANNEL_ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;
const KEY_ID = 'test-key';

const channelKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

let metadataServer: HttpServer;
let metadataUrl: string;
let bot: Awaited<ReturnType<typeof startServerWithChannelAuth>>;
let turnsRun = 0;

let printed: ReturnType<typeof captureConsole>;

beforeAll(async () => {
  printed = captureConsole();
  metadataServer = createHttpServer((req, res) => {
    const base = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else {
      const jwk = channelKey.publicKey.export({ format: 'jwk' });
      res.end(JSON.stringify({ keys: [{ ...jwk, kid: KEY_ID, use: 'sig', endorsements: ['webchat', 'msteams', 'directline'] }] }));
    }
  });
  await new Promise<void>((resolve) => metadataServer.listen(0, '127.0.0.1', resolve));
  metadataUrl = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}/openid`;
  bot = await startServerWithChannelAuth(metadataUrl);
  bot.adapter.use({
    onTurn: async (_context, next) => {
      turnsRun += 1;
      await next();
    },
  });
});

afterAll(async () => {
  printed.restore();
  await bot.close();
  await new Promise((resolve) => metadataServer.close(resolve));
});

function channelToken(activity: { serviceUrl: string }, options: { key?: KeyObject; audience?: string; expiresIn?: number } = {}) {
  return jwt.sign({ serviceurl: activity.serviceUrl }, (options.key ?? channelKey.privateKey).export({ format: 'pem', type: 'pkcs8' }), {
    algorithm: 'RS256',
    keyid: KEY_ID,
    issuer: CHANNEL_ISSUER,
    audience: options.audience ?? TEST_APP_ID,
    expiresIn: options.expiresIn ?? 300,
  });
}

describe('channel authentication with MicrosoftAppId set', () => {
  it('runs the turn for a request signed by the channel', async () => {
    const activity = messageActivity('hallo');
    const before = turnsRun;
    const response = await postJson(`${bot.baseUrl}/api/messages`, activity, { authorization: `Bearer ${channelToken(activity)}` });
    expect(response.status).toBe(200);
    expect(turnsRun).toBe(before + 1);
  });

  it('leaves no key or stack on the console for forged, expired and wrongly addressed tokens', async () => {
    printed.lines.length = 0;
    for (const options of [{ key: strangerKey.privateKey }, { expiresIn: -600 }, { audience: 'another-app' }]) {
      const activity = messageActivity('hallo');
      const response = await postJson(`${bot.baseUrl}/api/messages`, activity, {
        authorization: `Bearer ${channelToken(activity, options)}`,
      });
      expect(response.status).toBe(401);
    }
    expect(printed.lines).toEqual([]);
  });

  it.each([
    ['no token', () => ({})],
    [
      'a token signed by another key',
      (a: { serviceUrl: string }) => ({ authorization: `Bearer ${channelToken(a, { key: strangerKey.privateKey })}` }),
    ],
    [
      'a token for another bot',
      (a: { serviceUrl: string }) => ({ authorization: `Bearer ${channelToken(a, { audience: 'another-app' })}` }),
    ],
    ['an expired token', (a: { serviceUrl: string }) => ({ authorization: `Bearer ${channelToken(a, { expiresIn: -600 })}` })],
    ['garbage', () => ({ authorization: 'Bearer not.a.token' })],
  ])('answers 401 and runs no turn for %s', async (_name, headersFor) => {
    const activity = messageActivity('hallo');
    const before = turnsRun;
    const response = await postJson(`${bot.baseUrl}/api/messages`, activity, headersFor(activity) as Record<string, string>);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('unauthorized');
    expect(turnsRun).toBe(before);
  });
});
