/**
 * Shopee (shopee.vn; the other Shopee hosts run the same web app). Search, category, shop and
 * product pages all show cards linking to `/<slug>-i.<shopid>.<itemid>` or `/product/<shopid>/<itemid>`,
 * so ids come from those links; a product page's own item from its URL, its facts from the JSON-LD
 * `Product` that belongs to that URL (it goes stale after SPA navigation, so it is checked).
 */

import { ADAPTER_READS } from '../protocol/adapter-versions';
import { MAX_REVIEWS } from '../protocol/limits';
import { LISTING_DOMAINS, onDomains, shopeeIdsFromUrl } from '../protocol/listing-urls';
import { shopPathOf } from '../protocol/shop-address';
import { defineAdapter } from './engine/define-adapter';
import { field, gtinField, ofType, readJsonLd, reviewsField, stringField } from './engine/json-ld';
import { currencyCode, optionNames, parsePrice } from './engine/text';
import type { ShownReview } from './engine/types';

const CURRENCY_BY_DOMAIN: Record<string, string> = {
  'shopee.vn': 'VND',
  'shopee.sg': 'SGD',
  'shopee.com.my': 'MYR',
  'shopee.co.th': 'THB',
  'shopee.ph': 'PHP',
  'shopee.co.id': 'IDR',
  'shopee.tw': 'TWD',
  'shopee.com.br': 'BRL',
};
const DOMAINS = LISTING_DOMAINS.shopee;

/** Login wall, sign-up and captcha/verification pages show no listings. */
const BLOCKED_PATHS = /^\/(?:buyer\/login|buyer\/signup|verify\/|user\/login)/;

function currency(url: URL): string {
  const domain = DOMAINS.find((d) => onDomains(url.hostname, [d]));
  return (domain && CURRENCY_BY_DOMAIN[domain]) || 'VND';
}

/** Every selector, as data (a meta-test checks each matches in some fixture). */
const SELECTORS = {
  /** Every link that may point at an item (both URL forms): cards and breadcrumbs alike. */
  cardLink: 'a[href*="-i."], a[href*="/product/"]',
  /** Card roots: search/category/shop grid items; product-page carousels. Verified 2025-09 (shopee.sg). */
  cardRoot:
    'li[data-sqe="item"], .shopee-search-item-result__item, .product-recommend-items__item-wrapper',
  /** `display: contents` wrapper around every card link, 2025-09; its parent is the card's root. */
  cardWrapper: '.shopee_ic',
  /** Card title: two-line clamp (a Tailwind utility, not a hashed class), 2025-09. */
  cardTitle: '.line-clamp-2',
  /** Card price: currency symbol and amount side by side, 2025-09. */
  cardPrice: '.items-baseline',
  /** What counts as a card when telling a changed layout: the roots, and the wrapper of each card. */
  cardLike:
    'li[data-sqe="item"], .shopee-search-item-result__item, .product-recommend-items__item-wrapper, .shopee_ic',
  /** A shop page's header (the shop's picture, name and figures): own fixture only. */
  shopHeader: '.section-seller-overview-horizontal, [data-sqe="shop-header"]',
  /** Product page title: the page's only h1, 2025-09. */
  productTitle: 'h1',
  /** The Mall / Preferred mark of a card: a picture with no text, 2025-09. */
  shopFlag: 'img[alt="flag-label"]',
  /** A product page's variant choices, selected or not, each labelled with its name, 2025-09. */
  variantOption: 'button.selection-box-selected, button.selection-box-unselected',
  /** The reviews a product page shows (six a page, drawn as the shopper scrolls to them), 2025-09. */
  review: '.shopee-product-comment-list [data-cmtid]',
  /** A review's stars: one solid star per point of its rating. */
  reviewStar: '.icon-rating-solid',
  /** What in a review is not the buyer's words: their name, icons, "helpful?" and report menus. */
  reviewNotText: 'a, svg, .shopee-product-rating__actions',
};

/** A review's date line, not its words: "2025-08-13 00:31 | Variation: L Size". */
const REVIEW_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

/** The buyer's words in a review: its text but its author, date line and actions. */
function reviewText(review: Element): string | null {
  const walker = review.ownerDocument.createTreeWalker(review, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue?.trim();
    if (!text || REVIEW_DATE.test(text)) continue;
    if (node.parentElement?.closest(SELECTORS.reviewNotText)) continue;
    parts.push(text);
  }
  const text = parts.join(' ').replace(/\s+/g, ' ');
  return text || null;
}

/** The reviews the page shows, each with its stars; those without words are left out. */
function reviewsShown(doc: Document): ShownReview[] {
  const reviews: ShownReview[] = [];
  for (const review of doc.querySelectorAll(SELECTORS.review)) {
    if (reviews.length >= MAX_REVIEWS) break;
    const rating = review.querySelectorAll(SELECTORS.reviewStar).length;
    const text = reviewText(review);
    if (text && rating >= 1 && rating <= 5) reviews.push({ rating, text });
  }
  return reviews;
}

/** The shop's own JSON-LD `Organization` (not Shopee's), naming this page where it names one. */
function shopOrganization(doc: Document, url: URL): unknown {
  const found = ofType(readJsonLd(doc), 'Organization').find((candidate) => {
    const name = stringField(candidate, 'name');
    const ldUrl = stringField(candidate, 'url');
    if (!name || /^shopee\b/i.test(name)) return false;
    try {
      return (
        !ldUrl ||
        new URL(ldUrl, url).pathname.replace(/\/$/, '') === url.pathname.replace(/\/$/, '')
      );
    } catch {
      return false;
    }
  });
  return found ?? null;
}

export const shopeeAdapter = defineAdapter({
  platform: 'shopee',
  version: ADAPTER_READS.shopee.versions[0],
  // Search and category grids: a grid read empty there is a changed layout.
  isGrid: (url) => url.pathname === '/search' || /-cat\.\d/.test(url.pathname),
  domains: DOMAINS,
  pageKinds: ADAPTER_READS.shopee.pageKinds,
  selectors: SELECTORS,
  currency,
  isBlocked: (_doc, url) => BLOCKED_PATHS.test(url.pathname),
  idsFromUrl: shopeeIdsFromUrl,
  // The product name in a card's address, matched against flagged product names, 2025-09.
  nameInPath: /^\/([^/]+)-i\.\d{1,20}\.\d{1,20}$/,
  cardRootOf: (link) => link.closest(SELECTORS.cardWrapper)?.parentElement ?? null,
  // `/shop/<shopid>`, or `/<username>` but Shopee's own one-word pages (shop-address.ts).
  isShop: (url) => shopPathOf('shopee', url) !== null,
  shopEvidence: (doc, url) => shopOrganization(doc, url) !== null,
  // The shop's name: its JSON-LD Organization, else the title's first part ("<shop>, Cửa hàng
  // trực tuyến | Shopee Việt Nam").
  shopName(doc, url) {
    const fromTitle = /^(.{1,120}?)(?:,[^,|]*)?\s*\|\s*Shopee/.exec(doc.title)?.[1]?.trim();
    return stringField(shopOrganization(doc, url), 'name') ?? fromTitle ?? null;
  },
  // Shopee marks Mall and Preferred shops' cards alike (alt "flag-label", 2025-09: 17 of 60 cards on
  // the real grid, one picture; four pictures on the product page's carousels, the same element with
  // no text, size or alt of its own, only a build-hashed file name): no capture shows which is Mall,
  // so a marked card may or may not be an official store, and an unmarked one is neither.
  cardOfficial: (root) => (root.querySelector(SELECTORS.shopFlag) ? null : false),
  productIds: (url) => shopeeIdsFromUrl(url),
  productFacts(doc, url, ids) {
    const itemId = ids.item.split('.')[1];
    const product = ofType(readJsonLd(doc), 'Product').find((candidate) => {
      if (stringField(candidate, 'productID') === itemId) return true;
      const ldUrl = stringField(candidate, 'url');
      try {
        return ldUrl !== null && shopeeIdsFromUrl(new URL(ldUrl, url))?.item === ids.item;
      } catch {
        return false;
      }
    });
    const offers = field(product, 'offers');
    return {
      title: stringField(product, 'name'),
      // A range is an AggregateOffer: its lowest price is the listed one. The currency is the
      // offer's own (a shopee.sg page's is SGD), else the site's.
      price: parsePrice(
        stringField(offers, 'price') ?? stringField(offers, 'lowPrice'),
        currencyCode(stringField(offers, 'priceCurrency')) ?? currency(url),
      ),
      sellerName: stringField(field(offers, 'seller'), 'name'),
      description: stringField(product, 'description'),
      variants: optionNames(doc.querySelectorAll(SELECTORS.variantOption)),
      barcode: gtinField(product),
      // The page's JSON rarely carries reviews; the ones it draws are what the shopper reads.
      reviews: [...reviewsField(product), ...reviewsShown(doc)].slice(0, MAX_REVIEWS),
    };
  },
});
