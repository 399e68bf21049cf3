import type { IncomingMessage } from 'node:http';

/**
 * The origin ("http://127.0.0.1:3978") a page reached this server on, for links the bot sends back
 * to that page, or undefined when the Host header names a host we do not know. The Host header is
 * the client's say, so only the configured public host (PUBLIC_BASE_URL) and loopback hosts are
 * believed: a forged Host can never put another site's address into a link.
 */
export function requestOrigin(req: IncomingMessage, publicBaseUrl: string | null): string | undefined {
  const host = String(req.headers.host ?? '').toLowerCase();
  const match = /^(\[::1\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match) return undefined;
  if (publicBaseUrl) {
    const configured = new URL(publicBaseUrl);
    if (configured.host.toLowerCase() === host) return configured.origin;
  }
  if (!isLoopback(match[1]!)) return undefined;
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${encrypted ? 'https' : 'http'}://${host}`;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
