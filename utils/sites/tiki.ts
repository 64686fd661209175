/**
 * Tiki (tiki.vn). Products are `/<slug>-p<id>.html`, with `?spid=<seller product id>` naming the
 * seller's offer; cards carry `data-id` (2018) or `data-view-content` (today: `click_data.id` and
 * `spid`, the only ids of a sponsored card, whose link goes through an ad tracker). Sellers come from
 * the page's Next.js state: a product page's `current_seller`, a grid's `catalog.data` rows (each
 * card's `seller_id`, `seller_name`, `is_from_official_store`), matched to the card element they
 * describe and read only while that state is the current page's (see `gridState`). A product page's listed price is its state's `price`
 * (the seller's price, "Giá bán"); the headline may instead show the price after Tiki's and the
 * seller's promo codes, labelled "Giá sau áp dụng mã khuyến mãi", which is read on its own.
 */
import { ADAPTER_READS } from '../protocol/adapter-versions';
import { type Ids, LISTING_DOMAINS, tikiIdsFromUrl } from '../protocol/listing-urls';
import { shopPathOf } from '../protocol/shop-address';
import { type CardSellers, defineAdapter, type SellerOnPage } from './engine/define-adapter';
import {
  booleanField,
  field,
  gtinField,
  isObject,
  ofType,
  readJsonLd,
  reviewsField,
  stringField,
} from './engine/json-ld';
import { findObjects, idField, jsonScript, perPage } from './engine/page-json';
import { cleanText, parsePrice } from './engine/text';
import type { Price } from './engine/types';

const DOMAINS = LISTING_DOMAINS.tiki;

/**
 * The page's `__NEXT_DATA__`, parsed once per script element (half a megabyte on a grid): Next.js
 * writes it with the first page and never again, so the same element keeps the same data.
 */
const nextDataCache = new WeakMap<Document, { script: Element; value: unknown }>();
function nextData(doc: Document): unknown {
  const script = doc.querySelector(SELECTORS.nextData);
  if (!script) return null;
  const hit = nextDataCache.get(doc);
  if (hit?.script === script) return hit.value;
  const value = jsonScript(doc, SELECTORS.nextData);
  nextDataCache.set(doc, { script, value });
  return value;
}

/** The route parameters each Next.js page takes from its path (2025-11 and our store fixture). */
const ROUTE_PATHS: Readonly<Record<string, RegExp>> = {
  '/Catalog/Category': /^\/(?<urlKey>[^/]+)\/c(?<categoryId>\d{1,10})\/?$/,
  '/Seller/Store': /^\/cua-hang\/(?<storeSlug>[^/]+)\/?$/,
};

/** A route parameter as Next.js writes it: a string, or a list of them (repeated query keys). */
function routeValues(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return null;
}

/** The address's own parameters, read as the page's route would: path segments, then its query. */
function addressParams(page: unknown, url: URL): Map<string, string[]> | null {
  const params = new Map<string, string[]>();
  const route = typeof page === 'string' ? ROUTE_PATHS[page] : undefined;
  if (route) {
    const groups = route.exec(url.pathname)?.groups;
    if (!groups) return null;
    for (const [name, value] of Object.entries(groups)) {
      try {
        params.set(name, [decodeURIComponent(value)]);
      } catch {
        params.set(name, [value]);
      }
    }
  }
  // As Next.js does, a path parameter wins over a query key of the same name.
  const fromPath = new Set(params.keys());
  for (const [name, value] of url.searchParams) {
    if (!fromPath.has(name)) params.set(name, [...(params.get(name) ?? []), value]);
  }
  return params;
}

/**
 * Whether the Next.js data is the current page's: its `query` (the route's parameters, `urlKey`
 * and `categoryId` on a category, `q` and `page` on a search) equals, parameter by parameter, what
 * the address says, and a page with known path parameters is at an address of that route. After
 * client-side navigation to another page, even one whose address shares a prefix
 * (`/phong-an/c19541` after `/phong-an/c1954`) or adds a page number, they differ.
 */
function isCurrent(next: unknown, url: URL): boolean {
  const query = field(next, 'query');
  if (!isObject(query)) return false;
  const params = addressParams(field(next, 'page'), url);
  if (!params) return false;
  const names = new Set([...Object.keys(query), ...params.keys()]);
  for (const name of names) {
    const stated = name in query ? routeValues(query[name]) : [];
    const here = params.get(name) ?? [];
    if (!stated || stated.length !== here.length) return false;
    if (stated.some((value, i) => value !== here[i])) return false;
  }
  return true;
}

/** The product state of a current (Next.js) product page. */
const productState = perPage(
  (doc) => findObjects(nextData(doc), (o) => 'current_seller' in o && 'id' in o, 5),
  (value) => value.length === 0,
);

/** One row of a grid's state, as a card is matched against it. */
interface GridRow {
  id: string;
  spid: string | null;
  seller: SellerOnPage | null;
}

/**
 * A grid's rows (`props.initialState.catalog.data`, 2025-11), in the order of the cards the server
 * rendered them as, while the state is the current page's; empty otherwise.
 */
function gridState(doc: Document, url: URL): GridRow[] {
  const next = nextData(doc);
  if (!isCurrent(next, url)) return [];
  const state = field(field(next, 'props'), 'initialState');
  const data = field(field(state, 'catalog'), 'data');
  if (!Array.isArray(data)) return [];
  return data.slice(0, 500).flatMap((row: unknown): GridRow[] => {
    const id = idField(row, 'id');
    if (!id) return [];
    const sellerId = idField(row, 'seller_id');
    return [
      {
        id,
        spid: idField(row, 'seller_product_id'),
        seller: sellerId
          ? {
              sellerId,
              sellerName: stringField(row, 'seller_name'),
              official: booleanField(row, 'is_from_official_store'),
            }
          : null,
      },
    ];
  });
}

/** A today's card's own ids, from `data-view-content` (`{"click_data":{"id":…,"spid":…}}`). */
function viewContent(root: Element): { id: string | null; spid: string | null } {
  const text = root.getAttribute('data-view-content');
  if (!text || text.length > 2000) return { id: null, spid: null };
  let clickData: unknown;
  try {
    clickData = field(JSON.parse(text) as unknown, 'click_data');
  } catch {
    return { id: null, spid: null };
  }
  return { id: idField(clickData, 'id'), spid: idField(clickData, 'spid') };
}

/** The seller's offer a card names: `?spid=` in its link, else its `data-view-content`. */
function spidOf(root: Element, target: URL | null): string | null {
  const fromLink = target?.searchParams.get('spid');
  if (fromLink && /^\d{1,20}$/.test(fromLink)) return fromLink;
  return viewContent(root).spid;
}

/**
 * Each card's seller from the grid's state, matched to that card: the row at the card's own place
 * among the server-rendered cards when it is the same item (the server rendered that card from that
 * row; the card may name another variant's offer of the same listing, as 10 of the 55 cards of the
 * real 2025-11 grid do, all their row's seller's), else the one row of the card's very offer
 * (`spid`) elsewhere (a sponsored card and its organic twin). A card past the rows (infinite
 * scroll), a card whose own markup names another item than its place's row, or a state that is not
 * the current page's gives no seller: an item id alone may name several sellers' offers, and one
 * card's seller is never given to another.
 */
function cardSellers(doc: Document, url: URL): CardSellers | null {
  const rows = gridState(doc, url);
  if (rows.length === 0) return null;
  const places = new Map<Element, number>();
  doc.querySelectorAll(SELECTORS.gridCard).forEach((card, place) => {
    places.set(card, place);
  });
  const byOffer = new Map<string, GridRow>();
  for (const row of rows) if (row.spid) byOffer.set(`${row.id}/${row.spid}`, row);
  return (root, ids, target) => {
    const place = places.get(root);
    const inPlace = place === undefined ? undefined : rows[place];
    if (inPlace?.id === ids.item && namesItem(inPlace, root, ids)) return inPlace.seller;
    const spid = spidOf(root, target);
    const offer = spid ? byOffer.get(`${ids.item}/${spid}`) : undefined;
    return offer && namesItem(offer, root, ids) ? offer.seller : null;
  };
}

/** Whether every item id a card's own markup names (its link, its `data-view-content`) is the row's. */
function namesItem(row: GridRow, root: Element, ids: Ids): boolean {
  const own = viewContent(root);
  return [ids.item, own.id].every((id) => id === null || id === row.id);
}

/** Every selector, as data (a meta-test checks each matches in some fixture). */
const SELECTORS = {
  /** Product links end in `-p<id>.html`, with or without a query (2018 and today). */
  cardLink: 'a[href$=".html"], a[href*=".html?"]',
  /** Cards: `div.product-item[data-id]` (2018 server HTML); `a.product-item` on today's grids. */
  cardRoot: '.product-item',
  /** Today's grid cards, in the order the page's state lists them (2025-11). */
  gridCard: '[data-view-id="product_list_item"]',
  /** What counts as a card when telling a changed layout: 2018's cards and today's grid items. */
  cardLike: '.product-item, [data-view-id="product_list_item"]',
  /** The page's Next.js state (product pages and grids, 2025-11). */
  nextData: 'script#__NEXT_DATA__',
  cardTitle: '.title, h3, .name',
  cardPrice: '.final-price, .price-discount__price',
  /** Product title: `h1#product-name` (2018), `h1.title` (Next.js pages). */
  productTitle: 'h1#product-name, h1.title, h1',
  /** A store page's header (the store's name, logo and figures): own fixture only. */
  shopHeader: '[data-view-id="seller_header"], .seller-header',
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
  version: ADAPTER_READS.tiki.versions[0],
  // Search and category grids (`/<slug>/c<id>`): a grid read empty there is a changed layout.
  isGrid: (url) => url.pathname === '/search' || /^\/[^/]+\/c\d{1,10}\/?$/.test(url.pathname),
  domains: DOMAINS,
  pageKinds: ADAPTER_READS.tiki.pageKinds,
  selectors: SELECTORS,
  currency: () => 'VND',
  isBlocked: (_doc, url) => /^\/(?:customer\/account\/login|login)/.test(url.pathname),
  idsFromUrl: tikiIdsFromUrl,
  // The product name in a card's address, matched against flagged product names, 2025-09.
  nameInPath: /^\/([^/]+)-p\d{1,20}\.html$/,
  idsFromCardRoot(root) {
    const id = root.getAttribute('data-id') ?? viewContent(root).id;
    return id && /^\d{1,20}$/.test(id) ? { item: id } : null;
  },
  cardSellers,
  // A store: `/cua-hang/<store>`; its cards' sellers come from its state as on a grid.
  isShop: (url) => shopPathOf('tiki', url) !== null,
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
