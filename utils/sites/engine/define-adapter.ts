/**
 * One extraction engine for every site; a site is described as data (selectors) plus small pure
 * functions (ids from a URL, facts from the page's own JSON). The engine walks the card links once,
 * finds each card's root, reads it, and counts card roots it could not read.
 *
 *   doc ─▶ blocked? ─yes─▶ nothing
 *     │
 *     ├─▶ product page? (ids from the URL) ─▶ title element + page JSON ─▶ the product listing
 *     └─▶ card links ─▶ ids from the link ─▶ card root (selector, else the link with a picture)
 *                       card roots without a readable link ─▶ ids from data attributes, else unreadable
 */

import { keyBuilder, type Platform } from '../../protocol/keys';
import type { Ids } from '../../protocol/listing-urls';
import type { PageKind } from '../../protocol/runtime/page-status';
import { shopAddress } from '../../protocol/shop-address';
import { CardListing, type CardTextReader } from './card-listing';
import { layoutHealth } from './layout-health';
import { queryAll, splitSelectorList } from './query-all';
import { cleanText, decodeEntities, parsePrice } from './text';
import type {
  ExtractedListing,
  Extraction,
  Price,
  ReadCards,
  ShownReview,
  SiteAdapter,
} from './types';

/** Ids as a page gives them: the item's id in its key format, and the seller's when known. */
export type { Ids };

export interface ProductFacts {
  title?: string | null;
  /** The listed price (the lowest of a range), with the currency the page gives. */
  price?: Price | null;
  /** The price after the page's promo codes, where it shows one. */
  promoPrice?: Price | null;
  sellerId?: string | null;
  sellerName?: string | null;
  official?: boolean | null;
  description?: string | null;
  /** The product's variant names, as the page offers them. */
  variants?: readonly string[];
  /** The product's GTIN from the page's JSON (barcode plausibility, information only). */
  barcode?: string | null;
  /** The reviews the page's JSON gives (buyer complaints, a risk signal). */
  reviews?: readonly ShownReview[];
}

export interface SellerOnPage {
  sellerId: string;
  sellerName?: string | null;
  /** The page's own official-store mark for this seller's listing, where its JSON gives one. */
  official?: boolean | null;
}

/**
 * The seller of one card, matched to that card element (its root, the ids its markup gives and
 * its link's target), or null when the page's data does not say it for that very card.
 */
export type CardSellers = (root: Element, ids: Ids, target: URL | null) => SellerOnPage | null;

export interface SiteSpec {
  platform: Platform;
  /** The date its selectors and readers last changed (`2026-12-07`): layout reports name it. */
  version: string;
  domains: readonly string[];
  /** The page kinds the adapter reads; the repo keeps a fixture for each (checked by a meta-test). */
  pageKinds: readonly PageKind[];
  /** Every selector the adapter uses, by name (a meta-test checks each matches in some fixture). */
  selectors: {
    cardLink: string;
    /** Card containers; without it a card is its link (one with a picture) and none is unreadable. */
    cardRoot?: string;
    productTitle: string;
    cardTitle?: string;
    cardPrice?: string;
    /** What counts as a card when telling a changed layout (default: `cardRoot`). */
    cardLike?: string;
    /** A shop page's header: with it, a shop-shaped address is a shop page. */
    shopHeader?: string;
    [name: string]: string | undefined;
  };
  currency(url: URL): string;
  /** The product's name in a listing address (its first group), e.g. `/<name>-i.<shop>.<item>`. */
  nameInPath?: RegExp;
  /** Grid pages by their address (search, category): a grid read empty there is a changed layout. */
  isGrid?(url: URL): boolean;
  /** Paths worth scanning (a site matched broadly for its SPA navigation); default: all. */
  isActive?(url: URL): boolean;
  isBlocked(doc: Document, url: URL): boolean;
  /** Ids of a card link's target, or null when the link is not a listing. */
  idsFromUrl(url: URL): Ids | null;
  /** Ids of the product a product page is about, or null when the page is not one. */
  productIds(url: URL, doc: Document): Ids | null;
  productFacts?(doc: Document, url: URL, ids: Ids): ProductFacts;
  /** A card's root where no `cardRoot` selector matches (e.g. the parent of a known wrapper). */
  cardRootOf?(link: Element): Element | null;
  /** Ids from a card root's own attributes, when its link does not carry them. */
  idsFromCardRoot?(root: Element): Ids | null;
  cardOfficial?(root: Element): boolean | null;
  /**
   * A seller's own shop page, by its address (`shopee.vn/<shop>`, `lazada.vn/shop/<shop>`,
   * `tiki.vn/cua-hang/<shop>`): its cards are read as on a grid, and whose shop it is.
   */
  isShop?(url: URL): boolean;
  /**
   * Whether the page gives itself as a shop's beyond its `shopHeader` (Shopee's JSON-LD
   * `Organization` of the shop): without either, a shop-shaped address is not read as a shop.
   */
  shopEvidence?(doc: Document, url: URL): boolean;
  /** The shop's name as the page itself gives it (its JSON-LD, its title), else the cards'. */
  shopName?(doc: Document, url: URL): string | null;
  /** Sellers of the listed items, from the page's own JSON, by item id. */
  sellersOnPage?(doc: Document, url: URL): ReadonlyMap<string, SellerOnPage>;
  /**
   * Sellers matched card by card, where an item id alone may name several offers (read once per
   * extraction; null when the page's data is not current). Takes the place of `sellersOnPage`.
   */
  cardSellers?(doc: Document, url: URL): CardSellers | null;
}

interface PageReading {
  url: URL;
  currency: string;
  sellers(): CardSellers | null;
}

/** Image alt texts that describe a badge or overlay, not the product. */
const NOT_A_TITLE = new Set(['custom-overlay', 'flag-label', '']);

function resolve(href: string | null, base: URL): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function imageTitle(root: Element): string | null {
  for (const image of root.querySelectorAll('img[alt]')) {
    const alt = image.getAttribute('alt')?.trim() ?? '';
    if (!NOT_A_TITLE.has(alt)) return alt.slice(0, 500);
  }
  return null;
}

export function defineAdapter(spec: SiteSpec): SiteAdapter & { spec: SiteSpec } {
  const { platform, selectors } = spec;
  const keyOfItem = keyBuilder(platform, 'item');
  const buildSellerKey = keyBuilder(platform, 'seller');
  const keyOfSeller = (id: string | null | undefined) => (id ? buildSellerKey(id) : null);
  const cardLinks = splitSelectorList(selectors.cardLink);
  const cardRoots = selectors.cardRoot ? splitSelectorList(selectors.cardRoot) : [];
  const cardLikeSpec = {
    idsFromUrl: spec.idsFromUrl,
    cardLike: selectors.cardLike ?? selectors.cardRoot,
  };

  function readProduct(doc: Document, url: URL, ids: Ids): ExtractedListing | null {
    const anchor = doc.querySelector(selectors.productTitle);
    const key = keyOfItem(ids.item);
    if (!anchor || !key) return null;
    const facts = spec.productFacts?.(doc, url, ids) ?? {};
    const { price = null, promoPrice: promo } = facts;
    return {
      platform,
      kind: 'product',
      itemKey: key,
      sellerKey: keyOfSeller(facts.sellerId ?? ids.seller),
      title: decodeEntities(cleanText(anchor) ?? facts.title ?? '') || null,
      price,
      // A price after codes only beside the listed price it comes from, in its currency and below it.
      ...(promo && price && promo.currency === price.currency && promo.amount < price.amount
        ? { promoPrice: promo }
        : {}),
      sellerName: facts.sellerName ?? null,
      official: facts.official ?? null,
      ...(facts.description ? { description: facts.description } : {}),
      ...(facts.variants && facts.variants.length > 0 ? { variants: facts.variants } : {}),
      ...(facts.barcode ? { barcode: facts.barcode } : {}),
      ...(facts.reviews && facts.reviews.length > 0 ? { reviews: facts.reviews } : {}),
      url: `${url.origin}${url.pathname}`,
      anchor,
    };
  }

  function readCard(
    root: Element,
    ids: Ids,
    target: URL | null,
    link: Element | null,
    href: string | null,
    page: PageReading,
  ): CardListing | null {
    const key = keyOfItem(ids.item);
    if (!key) return null;
    const fromPage = page.sellers()?.(root, ids, target) ?? null;
    return new CardListing(
      platform,
      key,
      keyOfSeller(ids.seller ?? fromPage?.sellerId),
      fromPage?.sellerName ?? null,
      target ? `${target.origin}${target.pathname}` : page.url.href,
      root,
      target ? nameInPath(target) : null,
      cardText,
      link,
      href,
      page.currency,
      fromPage?.official ?? null,
    );
  }

  /** The raw (still percent-encoded) product name a listing address carries; null without one. */
  function nameInPath(target: URL): string | null {
    const found = spec.nameInPath?.exec(target.pathname)?.[1];
    return found && found.length >= 3 ? found : null;
  }

  /** How this site's cards read their text, shared by every card. */
  const cardText: CardTextReader = {
    /** A card's title, read on its own: lookups send titles, and the rest of the text is rarely needed. */
    title(root, link) {
      const titled = selectors.cardTitle ? root.querySelector(selectors.cardTitle) : null;
      const title = cleanText(titled) ?? link?.getAttribute('title')?.trim() ?? imageTitle(root);
      return title ? decodeEntities(title) : null;
    },
    /** Price and official status of a card, read from its text when first asked for. */
    facts(root, currency, officialOnPage) {
      return {
        price: parsePrice(
          selectors.cardPrice ? cleanText(root.querySelector(selectors.cardPrice)) : null,
          currency,
        ),
        official: spec.cardOfficial?.(root) ?? officialOnPage,
      };
    },
  };

  /**
   * What every card of one extraction shares: the page's address and currency, and its sellers
   * (matched card by card, or by item id), read from the page's JSON only when a card is read.
   */
  function pageReading(doc: Document, url: URL): PageReading {
    let sellers: CardSellers | null | undefined;
    return {
      url,
      currency: spec.currency(url),
      sellers() {
        if (sellers === undefined) {
          if (spec.cardSellers) sellers = spec.cardSellers(doc, url);
          else {
            const byItem = spec.sellersOnPage?.(doc, url);
            sellers =
              byItem && byItem.size > 0 ? (_root, ids) => byItem.get(ids.item) ?? null : null;
          }
        }
        return sellers;
      },
    };
  }

  function extract(
    doc: Document,
    url: URL,
    readBefore?: ReadCards,
    productOnly = false,
  ): Extraction {
    if (spec.isActive && !spec.isActive(url))
      return { pageKind: 'other', listings: [], unreadable: 0 };
    if (spec.isBlocked(doc, url)) return { pageKind: 'blocked', listings: [], unreadable: 0 };
    const listings: ExtractedListing[] = [];
    const pageIds = spec.productIds(url, doc);
    const product = pageIds ? readProduct(doc, url, pageIds) : null;
    if (product) listings.push(product);
    if (productOnly) return { pageKind: pageIds ? 'product' : 'other', listings, unreadable: 0 };

    const page = pageReading(doc, url);
    const read = new Set<Element>();
    for (const link of queryAll(doc, cardLinks)) {
      const href = link.getAttribute('href');
      // A card read before and unchanged: the same object, not read again.
      const before = readBefore?.get(link);
      if (before instanceof CardListing && before.showsSame(link, href)) {
        const root = before.anchor;
        if (read.has(root) || (product && root.contains(product.anchor))) continue;
        read.add(root);
        listings.push(before);
        continue;
      }
      const target = resolve(href, url);
      const ids = target && spec.idsFromUrl(target);
      if (!ids) continue;
      const root =
        (selectors.cardRoot ? link.closest(selectors.cardRoot) : null) ??
        spec.cardRootOf?.(link) ??
        (link.querySelector('img') ? link : null);
      if (!root || read.has(root) || (product && root.contains(product.anchor))) continue;
      const card = readCard(root, ids, target, link, href, page);
      if (!card) continue;
      read.add(root);
      readBefore?.set(link, card);
      listings.push(card);
    }

    let unreadable = 0;
    const roots = queryAll(doc, cardRoots);
    for (const root of roots) {
      if (read.has(root)) continue;
      const ids = spec.idsFromCardRoot?.(root);
      const card = ids ? readCard(root, ids, null, null, null, page) : null;
      if (card) {
        read.add(root);
        listings.push(card);
      } else unreadable++;
    }

    // A shop page by its address and by its own say (its header, its JSON-LD): a one-word address
    // alone may be one of the marketplace's own pages.
    const shopPage = !pageIds && (spec.isShop?.(url) ?? false) && showsShop(doc, url);
    const shop = shopPage ? readShop(doc, url, listings) : null;
    if (shop) listings.unshift(shop);

    const pageKind: PageKind = pageIds
      ? 'product'
      : shopPage
        ? 'shop'
        : listings.length > 0 || unreadable > 0 || (spec.isGrid?.(url) ?? false)
          ? 'grid'
          : 'other';
    const health = layoutHealth(doc, cardLikeSpec, {
      pageKind,
      gridByAddress: spec.isGrid?.(url) ?? false,
      listings,
      unreadable,
      productRead: product !== null,
      shopRead: shop !== null,
    });
    return health
      ? { pageKind, listings, unreadable, ...health }
      : { pageKind, listings, unreadable };
  }

  /** Whether the page says it is a shop's: the shop header, or the adapter's own reading. */
  function showsShop(doc: Document, url: URL): boolean {
    if (selectors.shopHeader && doc.querySelector(selectors.shopHeader)) return true;
    return spec.shopEvidence?.(doc, url) ?? false;
  }

  /**
   * Whose shop a shop page is: the one seller its cards name (a shop page lists its own seller's
   * items only; at least half the cards must name a seller, and none another), with the name the
   * page gives the shop. Null when the cards do not agree: a page that says nothing certain gets
   * no banner.
   */
  function readShop(
    doc: Document,
    url: URL,
    cards: readonly ExtractedListing[],
  ): ExtractedListing | null {
    const sellers = new Set<string>();
    let named = 0;
    for (const card of cards) {
      if (card.kind !== 'card' || !card.sellerKey) continue;
      sellers.add(card.sellerKey);
      named++;
    }
    const [sellerKey] = sellers;
    if (sellers.size !== 1 || !sellerKey || named * 2 < cards.length) return null;
    const anchor =
      (selectors.shopHeader ? doc.querySelector(selectors.shopHeader) : null) ??
      cards[0]?.anchor.parentElement ??
      null;
    if (!anchor) return null;
    const name =
      spec.shopName?.(doc, url) ?? cards.find((card) => card.sellerName)?.sellerName ?? null;
    return {
      platform,
      kind: 'shop',
      itemKey: sellerKey,
      sellerKey,
      title: name,
      price: null,
      sellerName: name,
      official: null,
      url: shopAddress(platform, url),
      anchor,
    };
  }

  return {
    platform,
    version: spec.version,
    domains: spec.domains,
    extract,
    idsFromUrl: spec.idsFromUrl,
    spec,
  };
}
