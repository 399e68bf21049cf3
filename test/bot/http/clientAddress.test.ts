import type { Server } from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress } from '../../../bot/http/clientAddress.js';
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

async function addressSeen(trustProxy: boolean, forwardedFor?: string): Promise<string> {
  const server = await startTestServer({ routes: [echoAddress], trustProxy });
  close = server.close;
  const response = await fetch(`${server.baseUrl}/address`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  return ((await response.json()) as { address: string }).address;
}

describe('client address for rate limits', () => {
  it('is the socket address unless the proxy is trusted, whatever the request claims', async () => {
    expect(await addressSeen(false, '203.0.113.7')).toBe('127.0.0.1');
  });

  it.each([
    ['203.0.113.7:51234', '203.0.113.7'],
    ['198.51.100.1, 203.0.113.7:51234', '203.0.113.7'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:db8::2', '2001:db8::2'],
  ])('behind a trusted proxy is the last X-Forwarded-For entry without its port (%s)', async (header, address) => {
    expect(await addressSeen(true, header)).toBe(address);
  });

  it('falls back to the socket address when a trusted proxy sends no header', async () => {
    expect(await addressSeen(true)).toBe('127.0.0.1');
  });
});
