/**
 * The network a request came from, as the review queue counts it: an IPv4 /24 or an IPv6 /48 (what
 * one household, office or mobile carrier's NAT typically holds), kept only as a keyed hash, so the
 * database never holds an address and a copy of it cannot be matched against a list of networks
 * without the registry's secret.
 */
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { plainAddress } from './client-address';

/** The /24 or /48 prefix of an address, as text; null for anything that is not an address. */
export function networkPrefix(address: string): string | null {
  const plain = plainAddress(address);
  const family = isIP(plain);
  if (family === 4) return `${plain.split('.').slice(0, 3).join('.')}.0/24`;
  if (family !== 6) return null;
  return `${expandIpv6(plain).slice(0, 3).join(':')}::/48`;
}

/**
 * The key a rate limit counts an address under: an IPv4 address itself, an IPv6 address's /64 (the
 * least one subscriber is given, so rotating addresses inside it does not escape the limit).
 */
export function rateAddress(address: string): string {
  const plain = plainAddress(address);
  return isIP(plain) === 6 ? `${expandIpv6(plain).slice(0, 4).join(':')}::/64` : plain;
}

/** The eight groups of an IPv6 address, each as four hex digits (zone and embedded IPv4 handled). */
function expandIpv6(address: string): string[] {
  let text = address.toLowerCase().split('%')[0] ?? '';
  const embedded = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)?.[1];
  if (embedded) {
    const [a = 0, b = 0, c = 0, d = 0] = embedded.split('.').map(Number);
    const tail = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    text = text.slice(0, -embedded.length) + tail;
  }
  const [head = '', rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest === undefined ? [] : rest ? rest.split(':') : [];
  const missing = rest === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    group.padStart(4, '0'),
  );
}

/** Networks hashed lately, per secret: a burst from one network hashes it once. */
const RECENT_LIMIT = 10_000;
const recent = new Map<string, Map<string, string>>();

/** The keyed hash of an address's network (HMAC-SHA256, 32 hex digits); null if not an address. */
export function networkKey(address: string, secret: string): string | null {
  const prefix = networkPrefix(address);
  if (!prefix) return null;
  let hashes = recent.get(secret);
  if (!hashes) {
    hashes = new Map();
    recent.set(secret, hashes);
  }
  const known = hashes.get(prefix);
  if (known) return known;
  const hash = createHmac('sha256', secret).update(prefix).digest('hex').slice(0, 32);
  // Forget everything at once when full: cheaper than an LRU, and a miss only costs one HMAC.
  if (hashes.size >= RECENT_LIMIT) hashes.clear();
  hashes.set(prefix, hash);
  return hash;
}
