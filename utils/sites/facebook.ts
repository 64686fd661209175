/**
 * Facebook Marketplace and group sale posts. Listings are `/marketplace/item/<id>/` and
 * `/commerce/listing/<id>/`; a listing page names its seller through a `/marketplace/profile/<id>/`
 * link. The content script matches all of facebook.com because Facebook navigates as an SPA, so the
 * adapter only scans marketplace, commerce and group pages.
 */
import { ADAPTER_READS } from '../protocol/adapter-versions';
import { MAX_DESCRIPTION_LENGTH } from '../protocol/limits';
import { facebookIdsFromUrl, LISTING_DOMAINS } from '../protocol/listing-urls';
import { defineAdapter } from './engine/define-adapter';
import { cleanText } from './engine/text';

const DOMAINS = LISTING_DOMAINS.facebook;
/** A seller link, absolute or relative: `/marketplace/profile/<id>/`. */
const PROFILE_PATH = /\/marketplace\/profile\/(\d{1,25})(?:[/?#]|$)/;

/** Every selector, as data (a meta-test checks each matches in some fixture). */
const SELECTORS = {
  /** Listing links in Marketplace grids, search results and group posts. */
  cardLink: 'a[href*="/marketplace/item/"], a[href*="/commerce/listing/"]',
  /** A listing page's title is its main heading. */
  productTitle: 'div[role="main"] h1, h1',
  sellerProfile: 'a[href*="/marketplace/profile/"]',
  /** What the seller wrote: Facebook marks user text `dir="auto"` (the title's and links' aside). */
  sellerText: 'div[role="main"] span[dir="auto"]',
  /** The login form of a login wall (2025-04). */
  loginForm: 'form#login_form, form[action*="/login/"]',
};

function sellerLink(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.sellerProfile);
}

/**
 * A listing's description as its seller wrote it: the page's user text but the title and links
 * (a seller's or a group's name). It may give a phone number or bank account to deal through.
 */
function sellerText(doc: Document): string | null {
  const parts: string[] = [];
  for (const span of doc.querySelectorAll(SELECTORS.sellerText)) {
    if (span.closest('h1, a') || span.querySelector('span[dir="auto"]')) continue;
    const text = cleanText(span, MAX_DESCRIPTION_LENGTH);
    if (text) parts.push(text);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

export const facebookAdapter = defineAdapter({
  platform: 'facebook',
  version: ADAPTER_READS.facebook.versions[0],
  domains: DOMAINS,
  pageKinds: ADAPTER_READS.facebook.pageKinds,
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
    return { sellerId, sellerName: cleanText(link), description: sellerText(doc) };
  },
});
