import type { IncomingMessage } from 'node:http';
import type { Server } from 'restify';

/**
 * The address a resident's or staff member's request comes from, as rate limits count it. Behind a
 * reverse proxy (Azure App Service, a load balancer) every request arrives from the proxy, so with
 * TRUST_PROXY the address is the one the proxy appended last to X-Forwarded-For; earlier entries
 * are the client's own say and are ignored.
 */
const forwardedAddresses = new WeakMap<IncomingMessage, string>();

export function clientAddress(req: IncomingMessage): string {
  return forwardedAddresses.get(req) ?? req.socket.remoteAddress ?? 'unknown';
}

/** Reads X-Forwarded-For for `clientAddress` when the server sits behind a trusted proxy. */
export function trustForwardedFor(server: Server): void {
  server.pre((req, _res, next) => {
    const header = req.headers['x-forwarded-for'];
    const last = String(Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').pop()?.trim();
    if (last) forwardedAddresses.set(req, withoutPort(last));
    return next();
  });
}

/** "203.0.113.7:51234" → "203.0.113.7"; "[2001:db8::1]:443" → "2001:db8::1"; a bare IPv6 address stays. */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  return /^[\d.]+:\d+$/.test(address) ? address.slice(0, address.lastIndexOf(':')) : address;
}
