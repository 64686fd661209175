/**
 * Shopee (shopee.vn; other Shopee hosts run the same web app). Search, category, shop and product
 * pages all show cards that link to `/<slug>-i.<shopid>.<itemid>` or `/product/<shopid>/<itemid>`,
 * so ids come from those links; the product page's own item comes from its URL, its facts from the
 * JSON-LD `Product` that belongs to that URL.
 */
import { itemKey, sellerKey } from '../keys';
import { field, ofType, readJsonLd, stringField } from './json-ld';
import { cleanText, parsePrice } from './text';
import type { ExtractedListing, Extraction, SiteAdapter } from './types';

export const SHOPEE_SELECTORS = {
  /** Every link that may point at an item (both URL forms). Cards and breadcrumbs alike. */
  itemLink: 'a[href*="-i."], a[href*="/product/"]',
  /** Card roots: search/category grid items; product-page carousels. Verified 2025-09 (shopee.sg). */
  cardRoot:
    'li[data-sqe="item"], li.shopee-search-item-result__item, .product-recommend-items__item-wrapper',
  /** `display: contents` wrapper around every card link, 2025-09; its parent is the card's root. */
  cardWrapper: '.shopee_ic',
  /** Card title: two-line clamp (Tailwind utility, not a hashed class), 2025-09. */
  cardTitle: '.line-clamp-2',
  /** Card price: currency symbol and amount side by side, 2025-09. */
  cardPrice: '.items-baseline',
  /** Product page title; the only h1 on the page, 2025-09. */
  productTitle: 'h1',
} as const;

/** Pages that show no listings: login wall, captcha/verification. */
const BLOCKED_PATHS = /^\/(?:buyer\/login|buyer\/signup|verify\/|user\/login)/;
const SLUG_ITEM = /-i\.(\d{1,20})\.(\d{1,20})$/;
const PATH_ITEM = /^\/product\/(\d{1,20})\/(\d{1,20})\/?$/;

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
const SHOPEE_DOMAINS = Object.keys(CURRENCY_BY_DOMAIN);

interface ShopeeIds {
  shopId: string;
  itemId: string;
}

/** Shop and item ids from a Shopee product URL, or null for any other URL. */
export function shopeeIdsFromUrl(url: URL): ShopeeIds | null {
  if (!isShopeeHost(url.hostname)) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const match = path.match(SLUG_ITEM) ?? path.match(PATH_ITEM);
  return match?.[1] && match[2] ? { shopId: match[1], itemId: match[2] } : null;
}

function isShopeeHost(host: string): boolean {
  return SHOPEE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

function currencyFor(url: URL): string {
  const domain = SHOPEE_DOMAINS.find((d) => url.hostname === d || url.hostname.endsWith(`.${d}`));
  return (domain && CURRENCY_BY_DOMAIN[domain]) || 'VND';
}

function resolve(href: string | null, base: URL): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function canonicalItemUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The element a card's badge belongs to, or null when the link is not part of a card. */
function cardRootOf(link: Element): Element | null {
  const root = link.closest(SHOPEE_SELECTORS.cardRoot);
  if (root) return root;
  const wrapper = link.closest(SHOPEE_SELECTORS.cardWrapper);
  if (wrapper?.parentElement) return wrapper.parentElement;
  // An unknown container: a link with a picture is a card; a text link (breadcrumb) is not.
  return link.querySelector('img') ? link : null;
}

function readCard(link: Element, root: Element, url: URL): ExtractedListing | null {
  const target = resolve(link.getAttribute('href'), url);
  const ids = target && shopeeIdsFromUrl(target);
  if (!target || !ids) return null;
  const key = itemKey('shopee', `${ids.shopId}.${ids.itemId}`);
  if (!key) return null;
  const image = link.querySelector('img[alt]:not([alt="custom-overlay"]):not([alt="flag-label"])');
  return {
    platform: 'shopee',
    kind: 'card',
    itemKey: key,
    sellerKey: sellerKey('shopee', ids.shopId),
    title:
      cleanText(root.querySelector(SHOPEE_SELECTORS.cardTitle)) ??
      image?.getAttribute('alt') ??
      null,
    price: parsePrice(cleanText(root.querySelector(SHOPEE_SELECTORS.cardPrice)), currencyFor(url)),
    sellerName: null,
    official: null,
    url: canonicalItemUrl(target),
    anchor: root,
  };
}

function readProduct(doc: Document, url: URL, ids: ShopeeIds): ExtractedListing | null {
  const anchor = doc.querySelector(SHOPEE_SELECTORS.productTitle);
  const key = itemKey('shopee', `${ids.shopId}.${ids.itemId}`);
  if (!anchor || !key) return null;
  // JSON-LD is only trusted when it describes this URL's item: after SPA navigation it can be stale.
  const product = ofType(readJsonLd(doc), 'Product').find((candidate) => {
    const ldUrl = resolve(stringField(candidate, 'url'), url);
    const ldIds = ldUrl && shopeeIdsFromUrl(ldUrl);
    return stringField(candidate, 'productID') === ids.itemId || ldIds?.itemId === ids.itemId;
  });
  const offers = field(product, 'offers');
  const currency = stringField(offers, 'priceCurrency') ?? currencyFor(url);
  return {
    platform: 'shopee',
    kind: 'product',
    itemKey: key,
    sellerKey: sellerKey('shopee', ids.shopId),
    title: cleanText(anchor) ?? stringField(product, 'name'),
    price: parsePrice(stringField(offers, 'price'), currency),
    sellerName: stringField(field(offers, 'seller'), 'name'),
    official: null,
    url: canonicalItemUrl(url),
    anchor,
  };
}

export function extractShopee(doc: Document, url: URL): Extraction {
  if (BLOCKED_PATHS.test(url.pathname)) return { pageKind: 'blocked', listings: [], unreadable: 0 };

  const listings: ExtractedListing[] = [];
  const pageIds = shopeeIdsFromUrl(url);
  const product = pageIds ? readProduct(doc, url, pageIds) : null;
  if (product) listings.push(product);

  const readRoots = new Set<Element>();
  for (const link of doc.querySelectorAll(SHOPEE_SELECTORS.itemLink)) {
    const root = cardRootOf(link);
    if (!root || readRoots.has(root)) continue;
    const card = readCard(link, root, url);
    if (!card) continue;
    readRoots.add(root);
    listings.push(card);
  }

  let unreadable = 0;
  for (const root of doc.querySelectorAll(SHOPEE_SELECTORS.cardRoot)) {
    if (!readRoots.has(root)) unreadable++;
  }

  const pageKind = pageIds ? 'product' : listings.length > 0 || unreadable > 0 ? 'grid' : 'other';
  return { pageKind, listings, unreadable };
}

export const shopeeAdapter: SiteAdapter = {
  platform: 'shopee',
  domains: SHOPEE_DOMAINS,
  extract: extractShopee,
};
