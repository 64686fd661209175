/**
 * A report names its own listing, nothing else: the item key is an item of the listing's platform,
 * the seller key (if any) a seller of it, and the address is on that platform's registrable domain
 * and names that very item (and seller, where the address carries one). A shop page's report names
 * its seller instead, on the marketplaces with shop pages (Shopee, Lazada, Tiki): the item key is
 * then the seller's key (and so is the seller key, if given), and its address is a shop page on the
 * marketplace's own host by the adapters' rules that names no other seller. The
 * registry refuses a report that breaks a rule, with the rule's code.
 */
import { type Platform, tryParseKey } from '../keys';
import { namesListing, namesShop } from '../listing-address';
import { platformOfUrl } from '../platform-of-url';
import { hasShopPages, onMainHost } from '../shop-address';

/** Whether an address is on the marketplace's own site (its main host, not a help or seller one). */
function onOwnHost(url: string, platform: Platform): boolean {
  try {
    return onMainHost(platform, new URL(url).hostname);
  } catch {
    return false;
  }
}

export const LISTING_RULES = [
  'item_key_kind',
  'seller_key_kind',
  'key_platform',
  'url_domain',
  'url_listing',
] as const;
export type ListingRule = (typeof LISTING_RULES)[number];

export interface ListingClaim {
  platform: Platform;
  itemKey: string;
  sellerKey?: string | undefined;
  url: string;
}

/** The broken rule and its words, or null when the listing names itself only. */
export function listingProblem(
  listing: ListingClaim,
): { rule: ListingRule; message: string } | null {
  const { platform } = listing;
  const item = tryParseKey(listing.itemKey);
  if (item?.kind === 'seller' && (listing.sellerKey ?? listing.itemKey) === listing.itemKey) {
    // Only a marketplace with shop pages has a shop to report; elsewhere a report names a listing.
    if (!hasShopPages(platform)) {
      return { rule: 'item_key_kind', message: `itemKey must be ${platform}:item:<id>` };
    }
    if (item.platform !== platform) {
      return { rule: 'key_platform', message: `itemKey is not a ${platform} seller` };
    }
    if (namesShop(listing.url, listing.itemKey)) return null;
    if (!onOwnHost(listing.url, platform)) {
      return { rule: 'url_domain', message: `url is not on ${platform}’s own site` };
    }
    return { rule: 'url_listing', message: 'url is not this seller’s shop page' };
  }
  if (item?.kind !== 'item') {
    return { rule: 'item_key_kind', message: `itemKey must be ${platform}:item:<id>` };
  }
  if (item.platform !== platform) {
    return { rule: 'key_platform', message: `itemKey is not a ${platform} listing` };
  }
  if (listing.sellerKey !== undefined) {
    const seller = tryParseKey(listing.sellerKey);
    if (seller?.kind !== 'seller') {
      return { rule: 'seller_key_kind', message: `sellerKey must be ${platform}:seller:<id>` };
    }
    if (seller.platform !== platform) {
      return { rule: 'key_platform', message: `sellerKey is not a ${platform} seller` };
    }
  }
  // The listing's own address is on its marketplace's domains: the one check every report passes.
  // Only a refused address pays for reading the Public Suffix List, to say which rule it broke.
  if (namesListing(listing.url, listing.itemKey, listing.sellerKey)) return null;
  if (platformOfUrl(listing.url) !== platform) {
    return { rule: 'url_domain', message: `url is not on ${platform}’s own domain` };
  }
  return { rule: 'url_listing', message: 'url does not name this listing' };
}
