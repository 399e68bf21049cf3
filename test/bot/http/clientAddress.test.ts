import http from 'node:http';
import type { Server } from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, type TrustedProxies } from '../../../bot/http/clientAddress.js';
import { readConfig } from '../../../bot/config.js';
import { startTestServer } from '../../support/testServer.js';

/** A route that answers with the address the rate limits would count. */
const echoAddress = (server: Server) =>
  server.get('/address', async (req, res) => {
    res.json({ address: clientAddress(req) });
  });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** The address the server counts for a request from `from` (a loopback address) carrying X-Forwarded-For. */
async function addressSeen(trustProxy: TrustedProxies | null, forwardedFor?: string, from = '127.0.0.1'): Promise<string> {
  const server = await startTestServer({ routes: [echoAddress], trustProxy });
  close = server.close;
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${server.baseUrl}/address`,
      { localAddress: from, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} },
      (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve((JSON.parse(body) as { address: string }).address));
      },
    );
    request.on('error', reject);
  });
}

const proxies = (list: string) => ({ addresses: list.split(',') });

describe('client address for rate limits', () => {
  it('is the socket address unless a proxy is trusted, whatever the request claims', async () => {
    expect(await addressSeen(null, '203.0.113.7')).toBe('127.0.0.1');
  });

  it.each([
    ['203.0.113.7:51234', '203.0.113.7'],
    ['198.51.100.1, 203.0.113.7:51234', '203.0.113.7'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:db8::2', '2001:db8::2'],
  ])('behind one trusted hop (App Service) is the last X-Forwarded-For entry without its port (%s)', async (header, address) => {
    expect(await addressSeen({ hops: 1 }, header)).toBe(address);
  });

  it('with two hops skips the inner proxy too, and a forged entry further left is never used', async () => {
    expect(await addressSeen({ hops: 2 }, '198.51.100.1, 203.0.113.7, 10.0.0.5')).toBe('203.0.113.7');
    expect(await addressSeen({ hops: 2 }, '203.0.113.7')).toBe('203.0.113.7');
  });

  it.each([
    ['127.0.0.1', '198.51.100.1, 203.0.113.7', '127.0.0.1', '203.0.113.7'],
    ['127.0.0.1,10.0.0.0/8', '198.51.100.1, 203.0.113.7, 10.1.2.3', '127.0.0.1', '203.0.113.7'],
    // The request did not come through a trusted proxy: what it says about itself counts for nothing.
    ['127.0.0.1', '203.0.113.7', '127.0.0.2', '127.0.0.2'],
    ['10.0.0.0/8', '203.0.113.7', '127.0.0.1', '127.0.0.1'],
  ])('with trusted proxies %s, X-Forwarded-For %s from %s counts %s', async (list, header, from, address) => {
    expect(await addressSeen(proxies(list), header, from)).toBe(address);
  });

  it('falls back to the socket address when a trusted proxy sends no header', async () => {
    expect(await addressSeen({ hops: 1 })).toBe('127.0.0.1');
    expect(await addressSeen(proxies('127.0.0.1'))).toBe('127.0.0.1');
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['false', null],
    ['1', { hops: 1 }],
    ['2', { hops: 2 }],
    ['10.0.0.5, 10.1.0.0/16,2001:db8::/32', { addresses: ['10.0.0.5', '10.1.0.0/16', '2001:db8::/32'] }],
  ])('reads %s', (value, expected) => {
    expect(readConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([['true'], ['0'], ['11'], ['yes'], ['10.0.0.300'], ['10.0.0.0/33'], ['10.0.0.5,']])(
    'refuses %s with a one-line reason',
    (value) => {
      expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );
});
