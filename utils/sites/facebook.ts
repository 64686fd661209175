/**
 * Facebook Marketplace and group sale posts. Listings are `/marketplace/item/<id>/` and
 * `/commerce/listing/<id>/`; a listing page names its seller through a `/marketplace/profile/<id>/`
 * link. The content script matches all of facebook.com because Facebook navigates as an SPA, so the
 * adapter only scans marketplace, commerce and group pages.
 */
import { defineAdapter, type Ids, onDomains } from './engine/define-adapter';
import { cleanText } from './engine/text';

const DOMAINS = ['facebook.com'];
const LISTING_PATH = /^\/(?:marketplace\/item|commerce\/listing)\/(\d{1,25})\/?$/;
/** A seller link, absolute or relative: `/marketplace/profile/<id>/`. */
const PROFILE_PATH = /\/marketplace\/profile\/(\d{1,25})(?:[/?#]|$)/;

export function facebookIdsFromUrl(url: URL): Ids | null {
  if (!onDomains(url.hostname, DOMAINS)) return null;
  const match = url.pathname.match(LISTING_PATH);
  return match?.[1] ? { item: match[1] } : null;
}

/** Every selector, as data (a meta-test checks each matches in some fixture). */
const SELECTORS = {
  /** Listing links in Marketplace grids, search results and group posts. */
  cardLink: 'a[href*="/marketplace/item/"], a[href*="/commerce/listing/"]',
  /** A listing page's title is its main heading. */
  productTitle: 'div[role="main"] h1, h1',
  sellerProfile: 'a[href*="/marketplace/profile/"]',
  /** The login form of a login wall (2025-04). */
  loginForm: 'form#login_form, form[action*="/login/"]',
};

function sellerLink(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.sellerProfile);
}

export const facebookAdapter = defineAdapter({
  platform: 'facebook',
  domains: DOMAINS,
  pageKinds: ['grid', 'product', 'blocked'],
  selectors: SELECTORS,
  currency: () => 'VND',
  isActive: (url) => /^\/(?:marketplace|commerce|groups)\//.test(url.pathname),
  // Logged-out visitors get a login wall at the listing's own address; its og:url says so.
  isBlocked: (doc, url) =>
    /^\/(?:login|checkpoint)/.test(url.pathname) ||
    (doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '').includes(
      '/login',
    ) ||
    doc.querySelector(SELECTORS.loginForm) !== null,
  idsFromUrl: facebookIdsFromUrl,
  productIds: (url) => facebookIdsFromUrl(url),
  productFacts(doc) {
    const link = sellerLink(doc);
    const sellerId = link?.getAttribute('href')?.match(PROFILE_PATH)?.[1] ?? null;
    return { sellerId, sellerName: cleanText(link) };
  },
});
