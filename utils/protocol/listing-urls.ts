/**
 * A listing's own address, per marketplace: the domains it is served from and where the ids sit in
 * its path. The adapters read every page and card link with these rules, and the registry checks
 * with the same ones that a report's URL is the listing it reports (one copy, in the contract).
 */
import type { Platform } from './keys';

/** What a listing address names: its item id, and its seller's where the address carries it. */
export interface Ids {
  item: string;
  seller?: string | null;
}

/** The domains each marketplace serves listings from (each covers its subdomains). */
export const LISTING_DOMAINS: Readonly<Record<Platform, readonly string[]>> = {
  shopee: [
    'shopee.vn',
    'shopee.sg',
    'shopee.com.my',
    'shopee.co.th',
    'shopee.ph',
    'shopee.co.id',
    'shopee.tw',
    'shopee.com.br',
  ],
  lazada: [
    'lazada.vn',
    'lazada.com.ph',
    'lazada.co.id',
    'lazada.com.my',
    'lazada.sg',
    'lazada.co.th',
  ],
  tiki: ['tiki.vn'],
  sendo: ['sendo.vn'],
  facebook: ['facebook.com'],
  tiktok: ['tiktok.com'],
};

/** Whether `host` is one of `domains` or a subdomain of one. */
export function onDomains(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** A URL path, percent-decoded where possible (slugs carry Vietnamese and symbols). */
export function decodedPath(url: URL): string {
  if (!url.pathname.includes('%')) return url.pathname;
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

const SHOPEE_SLUG = /-i\.(\d{1,20})\.(\d{1,20})$/;
const SHOPEE_PATH = /^\/product\/(\d{1,20})\/(\d{1,20})\/?$/;
const shopeeIds = (path: string) => path.match(SHOPEE_SLUG) ?? path.match(SHOPEE_PATH);

/**
 * Shopee's product addresses on the site we run on, as manifest globs (`include_globs`, where `*`
 * is any text): the two forms above, looser (a glob has no digits). They choose where the page UI
 * chunk comes with the page (wxt.config.ts); an address they take that is no product only loads
 * the chunk early.
 */
export const SHOPEE_PRODUCT_GLOBS = ['https://shopee.vn/*-i.*.*', 'https://shopee.vn/product/*/*'];

/** Shop and item ids from a Shopee product URL, or null for any other URL. */
export function shopeeIdsFromUrl(url: URL): Ids | null {
  if (!onDomains(url.hostname, LISTING_DOMAINS.shopee)) return null;
  // The ids end the path in plain digits: the raw path answers unless they are percent-encoded,
  // and then the decoded one does (slugs are long and full of escapes, decoding each costs).
  const match =
    shopeeIds(url.pathname) ?? (url.pathname.includes('%') ? shopeeIds(decodedPath(url)) : null);
  return match?.[1] && match[2] ? { item: `${match[1]}.${match[2]}`, seller: match[1] } : null;
}

/** An id at the end of a decoded path, on one platform's domains. */
const pathId =
  (platform: Platform, pattern: RegExp, decode: boolean) =>
  (url: URL): Ids | null => {
    if (!onDomains(url.hostname, LISTING_DOMAINS[platform])) return null;
    const match = (decode ? decodedPath(url) : url.pathname).match(pattern);
    return match?.[1] ? { item: match[1] } : null;
  };

/** `…-i<item>(-s<sku>).html`, or `/products/i<item>.html` without a slug. */
export const lazadaIdsFromUrl = pathId('lazada', /[-/]i(\d{1,20})(?:-s(\d{1,20}))?\.html$/, true);
/** `…-p<item>.html`, or `/p<item>.html` without a slug. */
export const tikiIdsFromUrl = pathId('tiki', /[-/]p(\d{1,20})\.html$/, true);
/** `…-<item>.html`, at least five digits so slugs ending in a number (`iphone-13.html`) are not ids. */
export const sendoIdsFromUrl = pathId('sendo', /-(\d{5,20})\.html$/, true);
/** `/marketplace/item/<id>` or `/commerce/listing/<id>` */
export const facebookIdsFromUrl = pathId(
  'facebook',
  /^\/(?:marketplace\/item|commerce\/listing)\/(\d{1,25})\/?$/,
  false,
);
/** `/shop/(<cc>/)pdp/<slug>/<id>` or `/view/product/<id>` */
export const tiktokIdsFromUrl = pathId(
  'tiktok',
  /^\/(?:shop\/(?:[a-z]{2}\/)?pdp\/[^/]+|view\/product)\/(\d{6,25})\/?$/,
  false,
);

const BY_PLATFORM: Readonly<Record<Platform, (url: URL) => Ids | null>> = {
  shopee: shopeeIdsFromUrl,
  lazada: lazadaIdsFromUrl,
  tiki: tikiIdsFromUrl,
  sendo: sendoIdsFromUrl,
  facebook: facebookIdsFromUrl,
  tiktok: tiktokIdsFromUrl,
};

/** The ids a platform's listing address names, or null when it names none of that platform's. */
export function listingIdsFromUrl(platform: Platform, url: URL): Ids | null {
  return BY_PLATFORM[platform](url);
}
