import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestOrigin } from '../../../bot/http/requestOrigin.js';

const request = (host: string | undefined, encrypted = false) =>
  ({ headers: host === undefined ? {} : { host }, socket: { encrypted } }) as unknown as IncomingMessage;

describe('the origin a page reached the server on', () => {
  it.each([
    ['127.0.0.1:3978', null, 'http://127.0.0.1:3978'],
    ['localhost:3978', null, 'http://localhost:3978'],
    ['LOCALHOST', null, 'http://localhost'],
    ['[::1]:8080', null, 'http://[::1]:8080'],
    ['127.1.2.3', null, 'http://127.1.2.3'],
    ['chat.wilgenbeke.be', 'https://chat.wilgenbeke.be', 'https://chat.wilgenbeke.be'],
    ['Chat.Wilgenbeke.be', 'https://chat.wilgenbeke.be/', 'https://chat.wilgenbeke.be'],
  ])('believes %s (PUBLIC_BASE_URL %s)', (host, publicBaseUrl, origin) => {
    expect(requestOrigin(request(host), publicBaseUrl)).toBe(origin);
  });

  it('uses https on an encrypted loopback socket', () => {
    expect(requestOrigin(request('localhost:8443', true), null)).toBe('https://localhost:8443');
  });

  it.each([
    ['evil.example', null],
    ['evil.example', 'https://chat.wilgenbeke.be'],
    ['chat.wilgenbeke.be:8443', 'https://chat.wilgenbeke.be'],
    ['127.0.0.1.evil.example', null],
    ['localhost@evil.example', null],
    ['localhost/evil', null],
    ['', null],
    [undefined, null],
  ])('refuses the Host %s (PUBLIC_BASE_URL %s)', (host, publicBaseUrl) => {
    expect(requestOrigin(request(host), publicBaseUrl)).toBeUndefined();
  });
});
