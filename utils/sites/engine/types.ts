/**
 * What a site adapter is and what it returns: each listing as read from the page (ids, price,
 * seller, reviews, where our UI goes) and the page's kind.
 */
import type { Platform } from '../../protocol/keys';
import type { Ids } from '../../protocol/listing-urls';
import type { PageKind } from '../../protocol/runtime/page-status';

export interface Price {
  amount: number;
  /** ISO 4217 */
  currency: string;
}

/** A review as a product page shows it: its stars (1–5) and the buyer's words. */
export interface ShownReview {
  rating: number;
  text: string;
}

/** One listing as a site adapter reads it from the page: data, plus where the UI goes. */
export interface ExtractedListing {
  platform: Platform;
  /**
   * `card` on grids and carousels; `product` for the product a product page is about; `shop` for
   * the seller a shop page belongs to (its `itemKey` is then the seller's key, as is `sellerKey`).
   */
  kind: 'card' | 'product' | 'shop';
  itemKey: string;
  sellerKey: string | null;
  title: string | null;
  /**
   * What flagged product names are matched against, when cheaper than the title: the name a card's
   * own address carries (most marketplaces put it in the link), so no page text is read for it.
   */
  readonly matchName?: string | null;
  /**
   * That name as the address writes it, still percent-encoded and hyphenated: what lookups send,
   * since the background folds names anyway and the page need not decode every card's.
   */
  readonly addressName?: string | null;
  /**
   * The listed price (the lowest of a range) in the currency the page shows it in: never converted,
   * and never a price that needs a promo code.
   */
  price: Price | null;
  /**
   * A product page's price after the promo codes it applies ("giá sau áp dụng mã khuyến mãi"), in
   * the listed price's currency and below it, where the page shows one; cards have none.
   */
  readonly promoPrice?: Price | null;
  sellerName: string | null;
  /** Mall / official-store status when the page marks it; null when the page does not say. */
  official: boolean | null;
  /**
   * A product page's own description from the page's JSON (read for the on-page signals); cards
   * have none, so grids cost nothing for it.
   */
  readonly description?: string | null;
  /** A product page's variant names ("Bản rep 1:1", "Size M"); cards have none. */
  readonly variants?: readonly string[];
  /** A product page's GTIN from the page's JSON; cards have none. */
  readonly barcode?: string | null;
  /** A product page's reviews from the page's JSON (rating 1–5 and text); cards have none. */
  readonly reviews?: readonly ShownReview[];
  url: string;
  /**
   * Card: the card's root element (the badge goes inside it). Product: the title element. Shop: the
   * shop's header (its banner goes above it).
   */
  anchor: Element;
}

export interface Extraction {
  pageKind: PageKind;
  listings: ExtractedListing[];
  /** Card-like elements the adapter found but could not read an id from. */
  unreadable: number;
  /**
   * The page is of a kind the adapter reads (by its address), yet it read none of it or far fewer
   * listings than the page's card-like links suggest: the site has likely changed its markup.
   */
  unread?: boolean;
  /** Card-like links counted on the page, when few listings were read. */
  cardLike?: number;
}

/**
 * A site adapter: pure functions of (document, url). Selectors are data at the top of each adapter
 * file; ids come from URLs first, then the page's own JSON, then stable attributes.
 */
/**
 * Cards an earlier extraction of the same page read, by their link element: a link whose address
 * has not changed, still inside its card, gives the same listing object again without reading it
 * (a scan after an infinite grid's next cards reads those cards only). Owned by the caller, who
 * drops it when the page navigates.
 */
export type ReadCards = WeakMap<Element, ExtractedListing>;

export interface SiteAdapter {
  platform: Platform;
  /** The date its selectors and readers last changed: layout reports name it. */
  version: string;
  /** Registrable domains the adapter reads (a host matches itself and its subdomains). */
  domains: readonly string[];
  /**
   * `productOnly`: the product page's own listing alone (a page still being parsed, whose cards
   * are read once it is whole).
   */
  extract(doc: Document, url: URL, readBefore?: ReadCards, productOnly?: boolean): Extraction;
  /** The ids a listing address of this marketplace names (utils/protocol/listing-urls.ts). */
  idsFromUrl(url: URL): Ids | null;
}
