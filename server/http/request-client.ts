/**
 * Who sent a request, as the routes need it: the client's address (for rate limits) and the keyed
 * hash of its network (for counts and appeal limits), read the one way client-address.ts allows.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { clientAddressOf, type TrustedProxies } from './client-address';
import { networkKey, rateAddress } from './network-key';

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * The client's address: the socket's, or behind the operator's own proxies the rightmost
 * X-Forwarded-For hop that is not one of them.
 */
export function clientAddress(c: Context, trusted: TrustedProxies | null): string {
  return clientAddressOf(socketAddress(c), c.req.header('X-Forwarded-For'), trusted);
}

/** What a rate limit counts the client under: its address, an IPv6 client's /64. */
export function clientRateKey(c: Context, trusted: TrustedProxies | null): string {
  return rateAddress(clientAddress(c, trusted));
}

/** The keyed hash of the client's network; null when its address is not one (no socket). */
export function clientNetwork(
  c: Context,
  trusted: TrustedProxies | null,
  secret: string,
): string | null {
  return networkKey(clientAddress(c, trusted), secret);
}

/** Whether the request came through one of the operator's own proxies, whose headers count. */
export function viaTrustedProxy(c: Context, trusted: TrustedProxies | null): boolean {
  return trusted?.has(socketAddress(c) ?? '') ?? false;
}
