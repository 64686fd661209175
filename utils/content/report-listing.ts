/**
 * A listing as the report dialog gets it: the facts the adapter read, shaped to the report schema
 * (the listed price with its currency as the page showed it, never converted, and the price after
 * promo codes beside it; a title even where the page gave none). Pure, so the page side stays free
 * of the schema library.
 */

import { withoutControlCharacters } from '../protocol/control-characters';
import { MAX_TITLE_LENGTH } from '../protocol/limits';
import { type IdsFromUrl, listingUrlOfKey, namesListingBy } from '../protocol/listing-address';
import type { DraftListing } from '../protocol/runtime/report-drafts';
import { shopAddress } from '../protocol/shop-address';
import type { ExtractedListing, Price } from '../sites/engine/types';

/** An amount the report schema takes: whole in đồng, at most cents otherwise, within bounds. */
function reportable(price: Price | null | undefined): price is Price {
  if (!price || !/^[A-Z]{3}$/.test(price.currency)) return false;
  const { amount } = price;
  if (!Number.isFinite(amount) || amount < 0 || amount > 10_000_000_000) return false;
  return price.currency === 'VND'
    ? Number.isInteger(amount)
    : Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
}

/**
 * The listing's own address: the one the page links it with, else the page's, when it names this
 * very listing (the registry refuses any other); else one built from the item key (an ad tracker's
 * link, a page that shows another listing).
 */
function listingAddress(
  listing: ExtractedListing,
  pageUrl: string,
  idsFromUrl: IdsFromUrl,
): string {
  for (const url of [listing.url, pageUrl]) {
    const sellerKey = listing.sellerKey ?? undefined;
    if (url.length <= 2000 && namesListingBy(idsFromUrl, url, listing.itemKey, sellerKey))
      return url;
  }
  return listingUrlOfKey(listing.itemKey) ?? withoutQuery(listing, listing.url || pageUrl);
}

/**
 * A shop's address (a seller key's report): origin and path only, as a listing's, never what the
 * shopper's visit added to it (tracking, tokens, the fragment), but the query that makes an address
 * a shop (Lazada's `from=wangpu`).
 */
function withoutQuery(listing: ExtractedListing, url: string): string {
  try {
    return shopAddress(listing.platform, new URL(url)).slice(0, 2000);
  } catch {
    return '';
  }
}
export function draftListingOf(
  listing: ExtractedListing,
  pageUrl: string,
  now: Date,
  /** The marketplace's reading of its addresses (the page's adapter's). */
  idsFromUrl: IdsFromUrl,
): DraftListing {
  // A page may hide control characters in its text; the registry refuses them, so they go here.
  const title =
    withoutControlCharacters(listing.title ?? listing.matchName ?? listing.itemKey).slice(
      0,
      MAX_TITLE_LENGTH,
    ) || listing.itemKey;
  const price = reportable(listing.price) ? listing.price : null;
  const promo = listing.promoPrice;
  const sellerName =
    listing.sellerName && withoutControlCharacters(listing.sellerName).slice(0, 200);
  return {
    listing: {
      platform: listing.platform,
      itemKey: listing.itemKey,
      ...(listing.sellerKey ? { sellerKey: listing.sellerKey } : {}),
      title,
      ...(price ? { price: price.amount, currency: price.currency } : {}),
      ...(price && reportable(promo) && promo.currency === price.currency
        ? { promoPrice: promo.amount }
        : {}),
      url: listingAddress(listing, pageUrl, idsFromUrl),
      seenAt: now.toISOString(),
    },
    ...(sellerName ? { sellerName } : {}),
  };
}
