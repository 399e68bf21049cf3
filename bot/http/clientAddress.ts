import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Server } from 'restify';

/**
 * The address a resident's or staff member's request comes from, as rate limits count it. Behind a
 * reverse proxy (Azure App Service, a load balancer) every request arrives from the proxy, which
 * appends the address it saw to X-Forwarded-For. Entries further left are the client's own say.
 * TRUST_PROXY says how much of that header to believe:
 * - a number of hops: that many proxies stand in front of the app (the socket's peer being the
 *   first); the address one further left is the client. App Service has one.
 * - a list of proxy addresses or ranges: walking from the socket's peer leftwards, trusted proxies
 *   are skipped and the first other address is the client. A request whose peer is not a trusted
 *   proxy counts by its socket address, whatever it claims.
 */
export type TrustedProxies = { hops: number } | { addresses: readonly string[] };

const forwardedAddresses = new WeakMap<IncomingMessage, string>();

export function clientAddress(req: IncomingMessage): string {
  return forwardedAddresses.get(req) ?? socketAddress(req);
}

/** Reads X-Forwarded-For for `clientAddress` as far as the trusted proxies vouch for it. */
export function trustForwardedFor(server: Server, trusted: TrustedProxies): void {
  const pick = 'hops' in trusted ? byHops(trusted.hops) : byAddresses(trustedList(trusted.addresses));
  server.pre((req, _res, next) => {
    const header = req.headers['x-forwarded-for'];
    const forwarded = String(Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((entry) => withoutPort(entry.trim()))
      .filter((entry) => entry !== '');
    const address = pick([...forwarded, socketAddress(req)]);
    if (address) forwardedAddresses.set(req, address);
    return next();
  });
}

/** Whether `value` is a TRUST_PROXY entry: an IP address or a CIDR range. */
export function isProxyAddressOrRange(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** The chain runs client … proxy, socket peer last. */
function byHops(hops: number): (chain: string[]) => string | undefined {
  return (chain) => chain[Math.max(0, chain.length - 1 - hops)];
}

function byAddresses(list: BlockList): (chain: string[]) => string | undefined {
  const trusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
  return (chain) => {
    let index = chain.length - 1;
    while (index > 0 && trusted(chain[index]!)) index -= 1;
    return chain[index];
  };
}

function trustedList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** The socket's peer; an IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d. */
function socketAddress(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** "203.0.113.7:51234" → "203.0.113.7"; "[2001:db8::1]:443" → "2001:db8::1"; a bare IPv6 address stays. */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  return /^[\d.]+:\d+$/.test(address) ? address.slice(0, address.lastIndexOf(':')) : address;
}
