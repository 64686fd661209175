/** What one lookup message carries: keys and names of at most a batch of listings. */
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_LOOKUP_KEYS,
  MAX_REVIEW_LENGTH,
  MAX_REVIEWS,
  MAX_TITLE_LENGTH,
  MAX_VARIANT_LENGTH,
  MAX_VARIANTS,
} from '../protocol/limits';
import type { RequestOf } from '../protocol/runtime/messages';
import type { ExtractedListing } from '../sites/engine/types';

/** A listing's name sent with a lookup; `fromAddress`: the raw name from the listing's address. */
export type TitleToMatch = NonNullable<RequestOf<'lookup'>['titles']>[number];

/**
 * What the background matches a listing's name from: the raw name in its address when it has one
 * (decoded there, not on the page), else its title.
 */
export function titleToMatch(listing: ExtractedListing): TitleToMatch | null {
  const { itemKey, addressName, description, variants, barcode, official, price, reviews } =
    listing;
  // Product pages only: their own description, variants, reviews and barcode, for the signals
  // (cards carry none of them), cut here to what one lookup may carry.
  const more = {
    ...(description ? { description: description.slice(0, MAX_DESCRIPTION_LENGTH) } : {}),
    ...(variants && variants.length > 0
      ? {
          variants: variants
            .slice(0, MAX_VARIANTS)
            .map((variant) => variant.slice(0, MAX_VARIANT_LENGTH)),
        }
      : {}),
    ...(barcode ? { barcode } : {}),
    ...(reviews && reviews.length > 0
      ? {
          reviews: reviews
            .slice(0, MAX_REVIEWS)
            .map(({ rating, text }) => ({ rating, text: text.slice(0, MAX_REVIEW_LENGTH) })),
        }
      : {}),
    ...(official !== null ? { official } : {}),
    // The price signal compares listed prices in đồng: never a price after promo codes (another
    // shopper may not have the codes), never an amount in another currency.
    ...(price?.currency === 'VND' && Number.isSafeInteger(price.amount)
      ? { price: price.amount }
      : {}),
  };
  if (addressName) {
    return { itemKey, title: addressName.slice(0, MAX_TITLE_LENGTH), fromAddress: true, ...more };
  }
  const title = listing.title;
  return title ? { itemKey, title: title.slice(0, MAX_TITLE_LENGTH), ...more } : null;
}

/** Item and seller keys of up to MAX_LOOKUP_KEYS per batch: two keys per listing at most. */
export function chunk(listings: ExtractedListing[]): ExtractedListing[][] {
  const size = Math.floor(MAX_LOOKUP_KEYS / 2);
  const batches: ExtractedListing[][] = [];
  for (let i = 0; i < listings.length; i += size) batches.push(listings.slice(i, i + size));
  return batches;
}

/**
 * Whether a product listing read again shows more for the signals than when it was looked up: a
 * product page draws its reviews (and at times its variants and description) after its title, as
 * the shopper scrolls.
 */
function readsMore(listing: ExtractedListing, before: ExtractedListing): boolean {
  if (listing.kind !== 'product') return false;
  return (
    (listing.reviews?.length ?? 0) > (before.reviews?.length ?? 0) ||
    (listing.variants?.length ?? 0) > (before.variants?.length ?? 0) ||
    (!before.description && Boolean(listing.description))
  );
}

/**
 * What a scan looks up: listings not seen before (or a reused card's new item), and product pages
 * without a warning (`warned`) that show more for the signals than when they were looked up.
 */
export function toLookUp(
  listings: readonly ExtractedListing[],
  marks: WeakMap<Element, ExtractedListing>,
  warned: WeakSet<Element>,
): { fresh: ExtractedListing[]; revised: ExtractedListing[] } {
  const fresh: ExtractedListing[] = [];
  const revised: ExtractedListing[] = [];
  for (const listing of listings) {
    const before = marks.get(listing.anchor);
    if (before?.itemKey !== listing.itemKey) fresh.push(listing);
    else if (!warned.has(listing.anchor) && readsMore(listing, before)) revised.push(listing);
  }
  return { fresh, revised };
}
