/**
 * What `npm run extract` prints of an extraction: each listing once. A page may show the same
 * listing several times (a sponsored card and its organic one, a shop page's collection rows that
 * repeat its grid, a carousel): they are one listing, printed as its best reading.
 */
import type { ExtractedListing } from '../utils/sites/engine/types';

/** A listing as printed: its data, and where the UI would go. */
export interface PrintedListing {
  platform: string;
  kind: ExtractedListing['kind'];
  itemKey: string;
  sellerKey: string | null;
  title: string | null;
  price: ExtractedListing['price'];
  sellerName: string | null;
  official: boolean | null;
  url: string;
  anchor: string;
}

/** How much a reading says: the product a page is about first, then each fact it gives. */
function weight(listing: PrintedListing): number {
  const facts = [
    listing.sellerKey,
    listing.sellerName,
    listing.title,
    listing.price,
    listing.official,
  ];
  return (listing.kind === 'product' ? 10 : 0) + facts.filter((fact) => fact !== null).length;
}

/**
 * Each listing once, in the order first seen: repeats of an item (by the same seller, or by no
 * seller the page named) are merged into the reading that says the most; the earliest wins a tie.
 * One item sold by two sellers is two listings.
 */
export function mergeRepeats(listings: readonly PrintedListing[]): {
  listings: PrintedListing[];
  merged: number;
} {
  const sellersOf = new Map<string, Set<string>>();
  for (const { itemKey, sellerKey } of listings) {
    if (!sellerKey) continue;
    const sellers = sellersOf.get(itemKey) ?? new Set();
    sellers.add(sellerKey);
    sellersOf.set(itemKey, sellers);
  }
  // A reading without a seller joins its item's only seller, when the page names one only.
  const groupOf = (listing: PrintedListing) => {
    const sellers = sellersOf.get(listing.itemKey);
    const seller =
      listing.sellerKey ?? (sellers && sellers.size === 1 ? [...sellers][0] : undefined) ?? '';
    return `${listing.itemKey} ${seller}`;
  };
  const best = new Map<string, PrintedListing>();
  for (const listing of listings) {
    const group = groupOf(listing);
    const kept = best.get(group);
    if (!kept || weight(listing) > weight(kept)) best.set(group, listing);
  }
  const printed = [...new Set(listings.map(groupOf))].flatMap((group) => {
    const listing = best.get(group);
    return listing ? [listing] : [];
  });
  return { listings: printed, merged: listings.length - printed.length };
}
