/**
 * A listing link pasted by the shopper, read with the site adapters' own URL rules: the same ids
 * the content scripts would read from that listing's page.
 */
import { keyBuilder, type Platform } from '../protocol/keys';
import { onDomains } from '../protocol/listing-urls';
import { ADAPTERS } from '../sites/index';

/*
 * Most shares come from the marketplaces' apps. Short share links are only named here; they are
 * opened only when the shopper asks, through a host permission requested at that moment (LinkCheck
 * in components/, link-check.ts).
 */

/** The marketplaces' short share hosts, and whose links they are. */
export const SHORT_LINK_HOSTS: Readonly<Record<string, Platform>> = {
  'shp.ee': 'shopee',
  's.shopee.vn': 'shopee',
  's.lazada.vn': 'lazada',
  'vt.tiktok.com': 'tiktok',
  'vm.tiktok.com': 'tiktok',
  'ti.ki': 'tiki',
};

/** Where a short link may lead: the marketplaces' own sites, asked for with the short host. */
export const SHARE_TARGET_ORIGINS = [
  'https://shopee.vn/*',
  'https://www.lazada.vn/*',
  'https://tiki.vn/*',
  'https://www.sendo.vn/*',
  'https://www.tiktok.com/*',
  'https://www.facebook.com/*',
] as const;

export const SHORT_LINK_ORIGINS = Object.keys(SHORT_LINK_HOSTS).map((host) => `https://${host}/*`);

export type LinkReading =
  | { kind: 'listing'; platform: Platform; itemKey: string; sellerKey: string | null; url: string }
  | { kind: 'short'; platform: Platform; host: string; url: string }
  | { kind: 'unknown' };

/** The first http(s) address in the text (a share often wraps the link in words). */
function firstUrl(text: string): URL | null {
  const found =
    text.match(/https?:\/\/[^\s<>"']+/i)?.[0] ??
    (/^[\w.-]+\.[a-z]{2,}\//i.test(text.trim()) ? `https://${text.trim()}` : null);
  if (!found) return null;
  try {
    return new URL(found);
  } catch {
    return null;
  }
}

export function readListingLink(text: string): LinkReading {
  const url = firstUrl(text.slice(0, 4000));
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return { kind: 'unknown' };
  const host = url.hostname.toLowerCase();
  const short = SHORT_LINK_HOSTS[host];
  if (short) return { kind: 'short', platform: short, host, url: url.href };
  for (const adapter of ADAPTERS) {
    if (!onDomains(host, adapter.domains)) continue;
    const ids = adapter.spec.idsFromUrl(url);
    const itemKey = ids ? keyBuilder(adapter.platform, 'item')(ids.item) : null;
    if (!ids || !itemKey) return { kind: 'unknown' };
    return {
      kind: 'listing',
      platform: adapter.platform,
      itemKey,
      sellerKey: ids.seller ? keyBuilder(adapter.platform, 'seller')(ids.seller) : null,
      url: `${url.origin}${url.pathname}`,
    };
  }
  return { kind: 'unknown' };
}
