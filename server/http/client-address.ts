/**
 * Who sent a request, for rate limits and network counts: the socket's address, or, only when that
 * socket is one of the operator's own proxies (TRUSTED_PROXIES), the rightmost X-Forwarded-For hop
 * that is not one of them. Every hop left of it is whatever the client wrote, so it is never read.
 */
import { BlockList, isIP } from 'node:net';

/** The proxies in front of the registry: addresses and CIDR blocks, IPv4 or IPv6. */
export interface TrustedProxies {
  has(address: string): boolean;
  /** The entries as configured, for the start-up log. */
  readonly entries: readonly string[];
}

/**
 * An address as written by a socket or a proxy, without its decorations: `::ffff:203.0.113.7` (an
 * IPv4 client on a dual-stack socket) is 203.0.113.7, and a hop some proxies write with its port
 * (`203.0.113.7:51234`, `[2001:db8::1]:443`) is its address.
 */
export function plainAddress(address: string): string {
  let trimmed = address.trim();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/i.exec(trimmed);
  if (bracketed?.[1]) trimmed = bracketed[1];
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(trimmed);
  if (withPort?.[1]) trimmed = withPort[1];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

/**
 * Reads TRUSTED_PROXIES: a comma-separated list of addresses or CIDRs ("10.0.0.0/8, ::1").
 * Throws on an entry that is neither, so a typo never silently trusts nothing or everything.
 */
export function parseTrustedProxies(text: string): TrustedProxies {
  const list = new BlockList();
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      extra !== undefined ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))
    ) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR block`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return {
    entries,
    has(address) {
      const plain = plainAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * The client's address. Without trusted proxies, or when the socket is not one of them, it is the
 * socket's. Otherwise X-Forwarded-For is read from the right: proxies append the address they saw,
 * so the first hop from the right that is not a trusted proxy is the client as our own proxies saw
 * it. A hop that is not an address ends the walk there (it was written by the client).
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies | null,
): string {
  const socket = plainAddress(socketAddress ?? '') || 'unknown';
  if (!trusted || !forwardedFor || !trusted.has(socket)) return socket;
  const hops = forwardedFor.split(',').map(plainAddress);
  let client = socket;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index] ?? '';
    if (isIP(hop) === 0) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}
