/**
 * A listing as the report dialog gets it: the facts the adapter read, shaped to the report schema
 * (a price only in đồng, a title even where the page gave none). Pure, so the page side stays free
 * of the schema library.
 */
import { MAX_TITLE_LENGTH } from '../protocol/limits';
import type { DraftListing } from '../protocol/report-drafts';
import type { ExtractedListing } from '../sites/engine/types';

export function draftListingOf(
  listing: ExtractedListing,
  pageUrl: string,
  now: Date,
): DraftListing {
  const title = (listing.title ?? listing.matchName ?? listing.itemKey).slice(0, MAX_TITLE_LENGTH);
  const price = listing.price;
  const sellerName = listing.sellerName?.slice(0, 200);
  return {
    listing: {
      platform: listing.platform,
      itemKey: listing.itemKey,
      ...(listing.sellerKey ? { sellerKey: listing.sellerKey } : {}),
      title,
      ...(price?.currency === 'VND' && Number.isInteger(price.amount) && price.amount >= 0
        ? { price: price.amount }
        : {}),
      url: /^https?:\/\//.test(listing.url) ? listing.url.slice(0, 2000) : pageUrl.slice(0, 2000),
      seenAt: now.toISOString(),
    },
    ...(sellerName ? { sellerName } : {}),
  };
}
