/**
 * Facebook Marketplace and group sale posts. Listings are `/marketplace/item/<id>/` and
 * `/commerce/listing/<id>/`; a listing page names its seller through a `/marketplace/profile/<id>/`
 * link. The content script matches all of facebook.com because Facebook navigates as an SPA, so the
 * adapter only scans marketplace, commerce and group pages.
 */
import { defineAdapter, type Ids, onDomains } from './define-adapter';
import { cleanText } from './text';

const DOMAINS = ['facebook.com'];
const LISTING_PATH = /^\/(?:marketplace\/item|commerce\/listing)\/(\d{1,25})\/?$/;
const PROFILE_PATH = /^\/marketplace\/profile\/(\d{1,25})\/?/;

export function facebookIdsFromUrl(url: URL): Ids | null {
  if (!onDomains(url.hostname, DOMAINS)) return null;
  const match = url.pathname.match(LISTING_PATH);
  return match?.[1] ? { item: match[1] } : null;
}

function sellerLink(doc: Document): Element | null {
  return doc.querySelector('a[href*="/marketplace/profile/"]');
}

export const facebookAdapter = defineAdapter({
  platform: 'facebook',
  domains: DOMAINS,
  pageKinds: ['grid', 'product', 'blocked'],
  selectors: {
    /** Listing links in Marketplace grids, search results and group posts. */
    cardLink: 'a[href*="/marketplace/item/"], a[href*="/commerce/listing/"]',
    /** A listing page's title is its main heading. */
    productTitle: 'div[role="main"] h1, h1',
    sellerProfile: 'a[href*="/marketplace/profile/"]',
  },
  currency: () => 'VND',
  isActive: (url) => /^\/(?:marketplace|commerce|groups)\//.test(url.pathname),
  // Logged-out visitors get a login wall at the listing's own address; its og:url says so.
  isBlocked: (doc, url) =>
    /^\/(?:login|checkpoint)/.test(url.pathname) ||
    (doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '').includes(
      '/login',
    ) ||
    doc.querySelector('form#login_form, form[action*="/login/"]') !== null,
  idsFromUrl: facebookIdsFromUrl,
  productIds: (url) => facebookIdsFromUrl(url),
  productFacts(doc) {
    const link = sellerLink(doc);
    let sellerId: string | null = null;
    try {
      sellerId = link
        ? (new URL(link.getAttribute('href') ?? '', 'https://www.facebook.com').pathname.match(
            PROFILE_PATH,
          )?.[1] ?? null)
        : null;
    } catch {
      sellerId = null;
    }
    return { sellerId, sellerName: cleanText(link) };
  },
});
