/**
 * A report names its own listing, nothing else: the item key is an item of the listing's platform,
 * the seller key (if any) a seller of it, and the address is on that platform's registrable domain
 * and names that very item (and seller, where the address carries one). The registry refuses a
 * report that breaks a rule, with the rule's code; the extension and the dashboard build an address
 * from the key where the one they hold names something else.
 */
import { type Platform, tryParseKey } from './keys';
import { listingIdsFromUrl } from './listing-urls';
import { platformOfUrl } from './platform-of-url';

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
  if (platformOfUrl(listing.url) !== platform) {
    return { rule: 'url_domain', message: `url is not on ${platform}’s own domain` };
  }
  if (!namesListing(listing.url, listing.itemKey, listing.sellerKey)) {
    return { rule: 'url_listing', message: 'url does not name this listing' };
  }
  return null;
}

/**
 * Whether `url` is the listing's own address: on its platform's domains, naming its item, and its
 * seller where the address carries one and a seller key is given.
 */
export function namesListing(url: string, itemKey: string, sellerKey?: string): boolean {
  const item = tryParseKey(itemKey);
  if (item?.kind !== 'item') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const ids = listingIdsFromUrl(item.platform, parsed);
  if (ids?.item !== item.id) return false;
  const seller = sellerKey === undefined ? null : tryParseKey(sellerKey);
  return !(ids.seller && seller?.kind === 'seller' && seller.id !== ids.seller);
}

/** Each platform's plain address of an item (the slug a marketplace ignores is left out or blank). */
const ITEM_ADDRESS: Readonly<Record<Platform, (id: string) => string>> = {
  shopee: (id) => `https://shopee.vn/product/${id.replace('.', '/')}`,
  lazada: (id) => `https://www.lazada.vn/products/-i${id}.html`,
  tiki: (id) => `https://tiki.vn/-p${id}.html`,
  sendo: (id) => `https://www.sendo.vn/-${id}.html`,
  facebook: (id) => `https://www.facebook.com/marketplace/item/${id}/`,
  tiktok: (id) => `https://www.tiktok.com/view/product/${id}`,
};

/** The address of an item key's listing, built from the key alone; null for any other key. */
export function listingUrlOfKey(itemKey: string): string | null {
  const item = tryParseKey(itemKey);
  return item?.kind === 'item' ? ITEM_ADDRESS[item.platform](item.id) : null;
}
