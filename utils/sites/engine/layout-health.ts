/**
 * Whether a page of a kind an adapter reads was read, or the marketplace changed its layout: the
 * `unread` mark of a page status and the counts a layout report carries. Counted only on pages that
 * yielded few listings, so a full grid costs nothing for it.
 */
import type { Ids } from '../../protocol/listing-urls';
import type { PageKind } from '../../protocol/runtime/page-status';
import { queryAll, splitSelectorList } from './query-all';
import type { ExtractedListing } from './types';

/** Past this many listings read, a page is taken as read: its card-like elements are not counted. */
export const FEW_LISTINGS = 20;
/** A grid showing fewer card-like elements than this may simply have few results. */
const MIN_CARD_LIKE = 6;
/** Counting stops here: enough to say a page is far from read. */
const MAX_COUNTED = 500;

/** What the count needs of an adapter: its reading of listing addresses and its card selectors. */
export interface CardLikeSpec {
  idsFromUrl(url: URL): Ids | null;
  /** The site's own card elements (roots, wrappers, grid items), as a selector list. */
  cardLike: string | undefined;
}

/**
 * What looks like a product card on this site: an element its card selectors match (the outermost
 * one, once), or a link elsewhere whose address the adapter reads as a listing (once per address).
 * A header's, banner's or category's picture link is none of these: a category with a handful of
 * items is not mistaken for a grid that could not be read.
 */
export function countCardLike(doc: Document, spec: CardLikeSpec): number {
  const selectors = spec.cardLike ? splitSelectorList(spec.cardLike) : [];
  const list = selectors.join(', ');
  let cards = 0;
  for (const element of queryAll(doc, selectors)) {
    if (!element.parentElement?.closest(list)) cards++;
    if (cards >= MAX_COUNTED) return cards;
  }
  const addresses = new Set<string>();
  for (const link of doc.querySelectorAll('a[href]')) {
    if (list && link.closest(list)) continue;
    const href = link.getAttribute('href');
    if (!href || href.startsWith('#') || href.startsWith('javascript:')) continue;
    try {
      const target = new URL(href, doc.baseURI);
      if (spec.idsFromUrl(target)) addresses.add(`${target.pathname}${target.search}`);
    } catch {
      // Not an address: not a card.
    }
    if (cards + addresses.size >= MAX_COUNTED) break;
  }
  return cards + addresses.size;
}

export interface PageReading {
  pageKind: PageKind;
  /** Whether the page is a grid by its address (search, category). */
  gridByAddress: boolean;
  listings: readonly ExtractedListing[];
  unreadable: number;
  productRead: boolean;
  shopRead: boolean;
}

/**
 * Whether a page of a kind the adapter reads was read: a product page without its product, a shop
 * page whose cards name no one seller, or a grid (by its address, or a shop's) that shows many
 * card-like elements while few listings were read. A shop with no items but its own header is read:
 * it is an empty shop. Null where nothing is counted.
 */
export function layoutHealth(
  doc: Document,
  spec: CardLikeSpec,
  reading: PageReading,
): { unread: boolean; cardLike: number } | null {
  const { pageKind, listings, unreadable } = reading;
  if (listings.length >= FEW_LISTINGS) return null;
  const gridPage = pageKind === 'shop' || (pageKind !== 'product' && reading.gridByAddress);
  if (pageKind !== 'product' && !gridPage) return null;
  const cardLike = countCardLike(doc, spec);
  const cards = listings.filter((listing) => listing.kind === 'card').length;
  const unread =
    (pageKind === 'product' && !reading.productRead) ||
    (pageKind === 'shop' && !reading.shopRead && cards > 0) ||
    (gridPage && cardLike >= MIN_CARD_LIKE && (cards + unreadable) * 3 < cardLike) ||
    (gridPage && unreadable > cards);
  return { unread, cardLike };
}
