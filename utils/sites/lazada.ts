/**
 * Lazada (lazada.vn; the other Lazada hosts run the same front end). Item ids come from the links
 * `/products/<slug>-i<item>(-s<sku>).html` and the cards' `data-item-id`; sellers from the page's own
 * JSON: `window.pageData` on search pages, `app.run({...})` / `__moduleData__` on product pages.
 */
import { ADAPTER_READS } from '../protocol/adapter-versions';
import { LISTING_DOMAINS, lazadaIdsFromUrl, onDomains } from '../protocol/listing-urls';
import { shopPathOf } from '../protocol/shop-address';
import { defineAdapter, type SellerOnPage } from './engine/define-adapter';
import {
  field,
  gtinField,
  isObject,
  ofType,
  readJsonLd,
  reviewsField,
  stringField,
} from './engine/json-ld';
import { findObjects, idField, perPage, scriptJsonAfter } from './engine/page-json';
import { currencyCode, parsePrice } from './engine/text';

const CURRENCY_BY_DOMAIN: Record<string, string> = {
  'lazada.vn': 'VND',
  'lazada.com.ph': 'PHP',
  'lazada.co.id': 'IDR',
  'lazada.com.my': 'MYR',
  'lazada.sg': 'SGD',
  'lazada.co.th': 'THB',
};
const DOMAINS = LISTING_DOMAINS.lazada;
/** Login, and the anti-bot "punish" (captcha) page. */
const BLOCKED_PATH = /^\/(?:customer\/account\/login|user\/login)|_____tmd_____/;

function currency(url: URL): string {
  const domain = DOMAINS.find((d) => onDomains(url.hostname, [d]));
  return (domain && CURRENCY_BY_DOMAIN[domain]) || 'VND';
}

/** The product page's state: `app.run({data:{root:{fields}}})` (older) or `__moduleData__` (newer). */
const productFields = perPage(
  (doc) => {
    const state = scriptJsonAfter(doc, 'app.run(') ?? scriptJsonAfter(doc, '__moduleData__');
    const fields = field(field(field(state, 'data'), 'root'), 'fields');
    return isObject(fields) ? fields : null;
  },
  (value) => value === null,
);

/** Search and store pages list their items with seller ids in `window.pageData`. */
export const lazadaSellersOnPage = perPage(
  (doc): ReadonlyMap<string, SellerOnPage> => {
    const sellers = new Map<string, SellerOnPage>();
    const state = scriptJsonAfter(doc, 'window.pageData');
    for (const item of findObjects(state, (o) => 'itemId' in o && 'sellerId' in o)) {
      const itemId = idField(item, 'itemId');
      const sellerId = idField(item, 'sellerId');
      if (itemId && sellerId) {
        sellers.set(itemId, { sellerId, sellerName: stringField(item, 'sellerName') });
      }
    }
    return sellers;
  },
  (value) => value.size === 0,
);

/** Every selector, as data (a meta-test checks each matches in some fixture). */
const SELECTORS = {
  /** Card and product links: `/products/<slug>-i<item>(-s<sku>).html`, 2018–2024. */
  cardLink: 'a[href*="/products/"]',
  /** Search/catalog/store cards, verified 2024-01 (lazada.com.ph rendered grid). */
  cardRoot: '[data-qa-locator="product-item"]',
  /** Card title: the title link carries the full name in its title attribute, 2024-01. */
  cardTitle: 'a[title]',
  /** Card price: a hashed class (2024-01); expect it to change, the price is optional. */
  cardPrice: '.ooOxS',
  /** LazMall badge: a dynamic badge whose picture is the LazMall mark, 2024-01. */
  mallBadge: 'i.ic-dynamic-badge[style*="lazmall"]',
  /** A store page's header (the store's name and logo): own fixture only. */
  shopHeader: '.shop-header, [data-spm="shop_header"]',
  /** Product title: `pdp-product-title` (2018 server HTML) or `pdp-mod-product-badge-title`. */
  productTitle:
    'h1.pdp-product-title, h1.pdp-mod-product-badge-title, .pdp-mod-product-badge-title',
};

export const lazadaAdapter = defineAdapter({
  platform: 'lazada',
  version: ADAPTER_READS.lazada.versions[0],
  // Search and category grids: a grid read empty there is a changed layout.
  isGrid: (url) => /^\/(?:catalog|tag)\//.test(url.pathname),
  domains: DOMAINS,
  pageKinds: ADAPTER_READS.lazada.pageKinds,
  selectors: SELECTORS,
  currency,
  isBlocked: (_doc, url) => BLOCKED_PATH.test(url.pathname),
  idsFromUrl: lazadaIdsFromUrl,
  // The product name in a card's address, matched against flagged product names, 2025-09.
  nameInPath: /\/products\/([^/]+?)-i\d{1,20}(?:-s\d{1,20})?\.html$/,
  idsFromCardRoot(root) {
    const id =
      root.getAttribute('data-item-id') ?? root.getAttribute('data-sku-simple')?.split('_')[0];
    return id && /^\d{1,20}$/.test(id) ? { item: id } : null;
  },
  // LazMall is Lazada's mark of brands' official stores (37 of 40 cards on the real 2024-01 grid):
  // a card without it is not one.
  cardOfficial: (root) => root.querySelector(SELECTORS.mallBadge) !== null,
  sellersOnPage: lazadaSellersOnPage,
  // A store: `/shop/<store>/`, or `/<store>/?from=wangpu` (the older address, and the one its list
  // of items is served from: `?ajax=true&from=wangpu`, 2021-09). Its name is its items' `sellerName`.
  isShop: (url) => shopPathOf('lazada', url) !== null,
  productIds: (url) => lazadaIdsFromUrl(url),
  productFacts(doc, url, ids) {
    const fields = productFields(doc, url);
    const primaryKey = field(fields, 'primaryKey');
    const seller = field(fields, 'seller');
    const stateMatches = idField(primaryKey, 'itemId') === ids.item;
    // JSON-LD goes stale after SPA navigation: trust it when it names this item or the state does.
    const product = ofType(readJsonLd(doc), 'Product').find((candidate) => {
      const ldUrl = stringField(candidate, 'url');
      if (!ldUrl) return stateMatches;
      try {
        return lazadaIdsFromUrl(new URL(ldUrl, url))?.item === ids.item;
      } catch {
        return false;
      }
    });
    const offers = field(product, 'offers');
    const ldOffer = Array.isArray(offers) ? offers[0] : offers;
    return {
      title: stringField(product, 'name'),
      price: parsePrice(
        stringField(ldOffer, 'price') ?? stringField(ldOffer, 'lowPrice'),
        currencyCode(stringField(ldOffer, 'priceCurrency')) ?? currency(url),
      ),
      sellerId: stateMatches
        ? (idField(primaryKey, 'sellerId') ?? idField(seller, 'sellerId'))
        : null,
      sellerName:
        (stateMatches ? stringField(seller, 'name') : null) ??
        stringField(field(ldOffer, 'seller'), 'name'),
      description: stringField(product, 'description'),
      barcode: gtinField(product),
      reviews: reviewsField(product),
    };
  },
});
