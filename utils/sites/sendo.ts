/**
 * Sendo (sendo.vn). Products are `/<slug>-<product id>.html`; shop ids come from the page's own
 * listing JSON, whose items carry `product_id` and `shop_id` (the shape of Sendo's listing API).
 */
import { ADAPTER_READS } from '../protocol/adapter-versions';
import { LISTING_DOMAINS, sendoIdsFromUrl } from '../protocol/listing-urls';
import { defineAdapter, type SellerOnPage } from './engine/define-adapter';
import { field, isObject, ofType, readJsonLd, stringField } from './engine/json-ld';
import { findObjects, idField, jsonScript, perPage, scriptJsonAfter } from './engine/page-json';
import { parsePrice } from './engine/text';

const DOMAINS = LISTING_DOMAINS.sendo;

/** Items with their shops from any Sendo listing JSON (API response or page state). */
export function sendoSellersFromJson(value: unknown): Map<string, SellerOnPage> {
  const sellers = new Map<string, SellerOnPage>();
  for (const item of findObjects(value, (o) => 'product_id' in o && 'shop_id' in o)) {
    const productId = idField(item, 'product_id');
    const shopId = idField(item, 'shop_id');
    if (productId && shopId)
      sellers.set(productId, { sellerId: shopId, sellerName: stringField(item, 'shop_name') });
  }
  return sellers;
}

const pageState = perPage(
  (doc): unknown =>
    jsonScript(doc, 'script#__NEXT_DATA__') ?? scriptJsonAfter(doc, '__INITIAL_STATE__'),
  (value) => !isObject(value),
);

/** Every selector, as data (a meta-test checks each matches in some fixture). */
const SELECTORS = {
  /** Product links end in `-<id>.html`; cards are those links with a picture. */
  cardLink: 'a[href$=".html"], a[href*=".html?"]',
  productTitle: 'h1',
};

export const sendoAdapter = defineAdapter({
  platform: 'sendo',
  version: ADAPTER_READS.sendo.versions[0],
  domains: DOMAINS,
  pageKinds: ADAPTER_READS.sendo.pageKinds,
  selectors: SELECTORS,
  currency: () => 'VND',
  isBlocked: (_doc, url) => /^\/(?:login|dang-nhap)/.test(url.pathname),
  idsFromUrl: sendoIdsFromUrl,
  // The product name in a card's address, matched against flagged product names, 2025-09.
  nameInPath: /^\/([^/]+)-\d{5,20}\.html$/,
  sellersOnPage: (doc, url) => sendoSellersFromJson(pageState(doc, url)),
  productIds: (url) => sendoIdsFromUrl(url),
  productFacts(doc, url, ids) {
    const state = findObjects(
      pageState(doc, url),
      (o) => idField(o, 'product_id') === ids.item,
      1,
    )[0];
    const product = ofType(readJsonLd(doc), 'Product').find(
      (candidate) => stringField(candidate, 'sku') === ids.item || !stringField(candidate, 'sku'),
    );
    const offers = field(product, 'offers');
    return {
      title: stringField(state, 'name') ?? stringField(product, 'name'),
      price: parsePrice(stringField(state, 'final_price') ?? stringField(offers, 'price'), 'VND'),
      sellerId: idField(state, 'shop_id'),
      sellerName: stringField(state, 'shop_name'),
    };
  },
});
