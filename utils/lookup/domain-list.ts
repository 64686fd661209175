/**
 * The scam-domain check for a visited URL: does its host, or any parent domain of it, appear in the
 * list? Parses only what it needs from the URL string (no URL object per check, and certainly not
 * one per list entry), then walks the host's suffixes through one Set: a handful of hash lookups.
 */
export class DomainList {
  private readonly domains: Set<string>;

  constructor(domains: Iterable<string>) {
    this.domains = new Set(domains);
  }

  get size(): number {
    return this.domains.size;
  }

  /** The listed domain that covers this URL's host ("a.b.scam.vn" → "scam.vn"), or null. */
  match(url: string): string | null {
    const host = hostOf(url);
    if (!host) return null;
    let at = 0;
    for (;;) {
      const candidate = at === 0 ? host : host.slice(at);
      if (this.domains.has(candidate)) return candidate;
      const dot = host.indexOf('.', at);
      if (dot === -1) return null;
      at = dot + 1;
      if (host.indexOf('.', at) === -1) return null; // a bare top-level domain is never listed
    }
  }
}

/** Lower-case host of an http(s) URL, without port, userinfo or trailing dot; null otherwise. */
export function hostOf(url: string): string | null {
  let start: number;
  if (url.startsWith('https://')) start = 8;
  else if (url.startsWith('http://')) start = 7;
  else return null;
  let end = url.length;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35 || c === 92) {
      end = i; // / ? # \
      break;
    }
  }
  let host = url.slice(start, end);
  const at = host.lastIndexOf('@');
  if (at !== -1) host = host.slice(at + 1);
  if (host.startsWith('[')) return null; // IPv6 literal
  const colon = host.indexOf(':');
  if (colon !== -1) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host ? host.toLowerCase() : null;
}
