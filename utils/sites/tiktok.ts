/**
 * TikTok Shop (www.tiktok.com/shop, every region). Products are `/shop/pdp/<slug>/<id>` (also
 * `/shop/<region>/pdp/...`) or `/view/product/<id>`; ids pass 2^53 and stay strings. The product
 * page's seller, title and price come from its `__MODERN_ROUTER_DATA__` state.
 */
import { ADAPTER_READS } from '../protocol/adapter-versions';
import { MAX_REVIEWS, MAX_VARIANTS } from '../protocol/limits';
import { LISTING_DOMAINS, tiktokIdsFromUrl } from '../protocol/listing-urls';
import { defineAdapter } from './engine/define-adapter';
import { field, isObject, type JsonObject, stringField } from './engine/json-ld';
import { findObjects, jsonScript, perPage } from './engine/page-json';
import { currencyCode, parsePrice } from './engine/text';
import type { ShownReview } from './engine/types';

const DOMAINS = LISTING_DOMAINS.tiktok;

/** An id kept as a string: JSON numbers past 2^53 have already lost digits, so only strings count. */
function stringId(object: unknown, name: string): string | null {
  const value = field(object, name);
  return typeof value === 'string' && /^\d{1,25}$/.test(value) ? value : null;
}

const productInfos = perPage(
  (doc): JsonObject[] =>
    findObjects(
      jsonScript(doc, 'script#__MODERN_ROUTER_DATA__'),
      (o) => 'product_id' in o && isObject(o.seller),
      20,
    ),
  (value) => value.length === 0,
);

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A product's description: `desc_detail` is itself JSON, a list of blocks (images, text, bullet
 * lists), 2025-07; its words are the text blocks and the bullet lists' items.
 */
function descriptionText(detail: string | null): string | null {
  if (!detail) return null;
  let blocks: unknown;
  try {
    blocks = JSON.parse(detail);
  } catch {
    return null;
  }
  const words = list(blocks).flatMap((block) => [
    ...(field(block, 'type') === 'text' ? [stringField(block, 'text') ?? ''] : []),
    ...list(field(block, 'content')).filter((item) => typeof item === 'string'),
  ]);
  const text = words.join(' ').replace(/\s+/g, ' ').trim();
  return text || null;
}

/** The values of each of a product's options ("Color": "Black", "Sage"…), 2025-07. */
function variantNames(info: unknown): string[] {
  const names = list(field(info, 'sale_props')).flatMap((prop) =>
    list(field(prop, 'sale_prop_values')).flatMap((value) => {
      const name = stringField(value, 'prop_value');
      return name ? [name] : [];
    }),
  );
  return [...new Set(names)].slice(0, MAX_VARIANTS);
}

/** The reviews the page shows first (`product_detail_review.review_items`), 2025-07. */
function visibleReviews(info: unknown): ShownReview[] {
  const items = list(field(field(info, 'product_detail_review'), 'review_items'));
  return items.slice(0, MAX_REVIEWS).flatMap((item) => {
    const review = field(item, 'review');
    const text = stringField(review, 'display_text');
    const rating = field(review, 'rating');
    if (!text || typeof rating !== 'number' || rating < 1 || rating > 5) return [];
    return [{ rating: Math.round(rating), text }];
  });
}

/** Every selector, as data (a meta-test checks each matches in some fixture). */
const SELECTORS = {
  /** Product cards on shop, category and recommendation lists. */
  cardLink: 'a[href*="/pdp/"], a[href*="/view/product/"]',
  /** Product title: the first-meaningful-paint heading (2025-07 SSR), or an h1. */
  productTitle: 'h1, span[data-fmp="true"]',
  /** The slider captcha TikTok shows instead of the page. */
  captcha: '#captcha-verify-image, .captcha_verify_container',
};

export const tiktokAdapter = defineAdapter({
  platform: 'tiktok',
  version: ADAPTER_READS.tiktok.versions[0],
  domains: DOMAINS,
  pageKinds: ADAPTER_READS.tiktok.pageKinds,
  selectors: SELECTORS,
  currency: () => 'VND',
  isActive: (url) => /^\/(?:shop|view\/product)\//.test(url.pathname),
  isBlocked: (doc, url) =>
    /^\/login/.test(url.pathname) || doc.querySelector(SELECTORS.captcha) !== null,
  idsFromUrl: tiktokIdsFromUrl,
  // The product name in a card's address, matched against flagged product names, 2025-09.
  nameInPath: /\/pdp\/([^/]+)\/\d{6,25}\/?$/,
  productIds: (url) => tiktokIdsFromUrl(url),
  productFacts(doc, url, ids) {
    const info = productInfos(doc, url).find(
      (candidate) => stringId(candidate, 'product_id') === ids.item,
    );
    const base = field(info, 'product_base');
    const price = field(base, 'price');
    return {
      description: descriptionText(stringField(base, 'desc_detail')),
      variants: variantNames(info),
      reviews: visibleReviews(info),
      title: stringField(base, 'title'),
      price: parsePrice(
        stringField(price, 'min_sku_price'),
        currencyCode(stringField(price, 'currency')) ?? 'VND',
      ),
      sellerId: stringId(field(info, 'seller'), 'seller_id'),
      sellerName: stringField(field(info, 'seller'), 'name'),
    };
  },
});
