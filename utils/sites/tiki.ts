/**
 * Tiki (tiki.vn). Products are `/<slug>-p<id>.html`, with `?spid=<seller product id>` naming the
 * seller's offer; cards carry `data-id`. The seller comes from the product page's Next.js state
 * (`current_seller`), when the page has it. A product page's listed price is its state's `price`
 * (the seller's price, "Giá bán"); the headline may instead show the price after Tiki's and the
 * seller's promo codes, labelled "Giá sau áp dụng mã khuyến mãi", which is read on its own.
 */
import { LISTING_DOMAINS, tikiIdsFromUrl } from '../protocol/listing-urls';
import { defineAdapter } from './engine/define-adapter';
import {
  booleanField,
  field,
  gtinField,
  ofType,
  readJsonLd,
  reviewsField,
  stringField,
} from './engine/json-ld';
import { findObjects, idField, jsonScript, perPage } from './engine/page-json';
import { cleanText, parsePrice } from './engine/text';
import type { Price } from './engine/types';

const DOMAINS = LISTING_DOMAINS.tiki;

/** The product state of a current (Next.js) product page. */
const productState = perPage(
  (doc) => {
    const next = jsonScript(doc, 'script#__NEXT_DATA__');
    return findObjects(next, (o) => 'current_seller' in o && 'id' in o, 5);
  },
  (value) => value.length === 0,
);

/** Every selector, as data (a meta-test checks each matches in some fixture). */
const SELECTORS = {
  /** Product links end in `-p<id>.html`, with or without a query (2018 and today). */
  cardLink: 'a[href$=".html"], a[href*=".html?"]',
  /** Cards: `div.product-item[data-id]` (2018 server HTML); `a.product-item` on today's grids. */
  cardRoot: '.product-item',
  cardTitle: '.title, h3, .name',
  cardPrice: '.final-price, .price-discount__price',
  /** Product title: `h1#product-name` (2018), `h1.title` (Next.js pages). */
  productTitle: 'h1#product-name, h1.title, h1',
  /** The hidden product id on a product page (2018 and today). */
  productIdInput: 'input#product_id',
  /** A product page's headline price (Next.js pages): the listed price, or the one after codes. */
  productPriceNow: '.product-price__current-price',
};

/** What Tiki writes beside a headline price that already takes its promo codes off. */
const AFTER_CODES = /giá sau (?:khi )?áp dụng mã/i;

/**
 * The headline price when the page says it is the price after promo codes (its label sits in the
 * price's own box or the one around it); null when the headline is the plain price.
 */
function priceAfterCodes(doc: Document): Price | null {
  const now = doc.querySelector(SELECTORS.productPriceNow);
  let box = now?.parentElement;
  for (let depth = 0; box && depth < 2; depth++, box = box.parentElement) {
    if (AFTER_CODES.test(box.textContent ?? '')) return parsePrice(cleanText(now), 'VND');
  }
  return null;
}

export const tikiAdapter = defineAdapter({
  platform: 'tiki',
  domains: DOMAINS,
  pageKinds: ['grid', 'product'],
  selectors: SELECTORS,
  currency: () => 'VND',
  isBlocked: (_doc, url) => /^\/(?:customer\/account\/login|login)/.test(url.pathname),
  idsFromUrl: tikiIdsFromUrl,
  // The product name in a card's address, matched against flagged product names, 2025-09.
  nameInPath: /^\/([^/]+)-p\d{1,20}\.html$/,
  idsFromCardRoot(root) {
    const id = root.getAttribute('data-id');
    return id && /^\d{1,20}$/.test(id) ? { item: id } : null;
  },
  productIds(url, doc) {
    const fromUrl = tikiIdsFromUrl(url);
    const hidden = doc.querySelector(SELECTORS.productIdInput)?.getAttribute('value');
    // The hidden id must agree with the URL: it is stale after SPA navigation otherwise.
    return fromUrl && (!hidden || hidden === fromUrl.item) ? fromUrl : null;
  },
  productFacts(doc, url, ids) {
    const state = productState(doc, url).find((o) => idField(o, 'id') === ids.item);
    const seller = field(state, 'current_seller');
    const microdataPrice = doc.querySelector('[itemprop="price"]')?.getAttribute('content') ?? null;
    const product = ofType(readJsonLd(doc), 'Product').find(
      (candidate) => stringField(candidate, 'sku') === ids.item || !stringField(candidate, 'sku'),
    );
    const offers = field(product, 'offers');
    return {
      title: stringField(state, 'name') ?? stringField(product, 'name'),
      price: parsePrice(
        stringField(state, 'price') ?? microdataPrice ?? stringField(offers, 'price'),
        'VND',
      ),
      promoPrice: priceAfterCodes(doc),
      sellerId: idField(seller, 'id'),
      sellerName: stringField(seller, 'name'),
      official: booleanField(seller, 'is_official'),
      description: stringField(product, 'description'),
      barcode: gtinField(product),
      reviews: reviewsField(product),
    };
  },
});
