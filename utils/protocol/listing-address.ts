/**
 * A listing's own address: whether an address names the listing of an item key (and its seller,
 * where the address carries one), and the plain address built from the key alone. Used where a
 * page's link, a report's URL or a dashboard row may name something else.
 */
import { type Platform, tryParseKey } from './keys';
import { type Ids, listingIdsFromUrl } from './listing-urls';
import { hasShopPages, isShopOf } from './shop-address';

/**
 * An address as marketplaces write their listings': https on the default port, no user name or
 * password in front of the host (which only ever serves to mislead a reader); null otherwise.
 */
function plainAddress(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const plain =
    parsed.protocol === 'https:' && parsed.port === '' && !parsed.username && !parsed.password;
  return plain ? parsed : null;
}

/** One marketplace's reading of its listing addresses (an adapter's own, in a content script). */
export type IdsFromUrl = (url: URL) => Ids | null;

/**
 * Whether `url` is the listing's own address: on its platform's domains, naming its item, and its
 * seller where the address carries one and a seller key is given.
 */
export function namesListing(url: string, itemKey: string, sellerKey?: string): boolean {
  const item = tryParseKey(itemKey);
  if (item?.kind !== 'item') return false;
  return namesListingBy(
    (address) => listingIdsFromUrl(item.platform, address),
    url,
    itemKey,
    sellerKey,
  );
}

/**
 * namesListing with the marketplace's own reading given: a content script passes its adapter's, so
 * its bundle holds no other marketplace's rules.
 */
export function namesListingBy(
  idsFromUrl: IdsFromUrl,
  url: string,
  itemKey: string,
  sellerKey?: string,
): boolean {
  const item = tryParseKey(itemKey);
  if (item?.kind !== 'item') return false;
  const parsed = plainAddress(url);
  if (!parsed) return false;
  const ids = idsFromUrl(parsed);
  if (ids?.item !== item.id) return false;
  const seller = sellerKey === undefined ? null : tryParseKey(sellerKey);
  return !(ids.seller && seller?.kind === 'seller' && seller.id !== ids.seller);
}

/**
 * Whether `url` is a seller's own shop page: a plain address on its marketplace's own host whose
 * path is a shop page by the adapters' rules (shop-address.ts), naming no other seller. Shop
 * addresses are mostly the shop's chosen name, so where no id is named this is all an address can
 * tell; a marketplace without shop pages has none.
 */
export function namesShop(url: string, sellerKey: string): boolean {
  const seller = tryParseKey(sellerKey);
  if (seller?.kind !== 'seller' || !hasShopPages(seller.platform)) return false;
  const parsed = plainAddress(url);
  if (!parsed || listingIdsFromUrl(seller.platform, parsed) !== null) return false;
  return isShopOf(parsed, seller.platform, seller.id);
}

/** Each platform's plain address of an item (the slug a marketplace ignores is left out or blank). */
const ITEM_ADDRESS: Readonly<Record<Platform, (id: string) => string>> = {
  shopee: (id) => `https://shopee.vn/product/${id.replace('.', '/')}`,
  lazada: (id) => `https://www.lazada.vn/products/i${id}.html`,
  tiki: (id) => `https://tiki.vn/p${id}.html`,
  sendo: (id) => `https://www.sendo.vn/san-pham-${id}.html`,
  facebook: (id) => `https://www.facebook.com/marketplace/item/${id}/`,
  tiktok: (id) => `https://www.tiktok.com/view/product/${id}`,
};

/** The address of an item key's listing, built from the key alone; null for any other key. */
export function listingUrlOfKey(itemKey: string): string | null {
  const item = tryParseKey(itemKey);
  return item?.kind === 'item' ? ITEM_ADDRESS[item.platform](item.id) : null;
}

/** Where a key's listings are: its item's address, a Shopee seller's shop; null where none is known. */
export function addressOfKey(key: string): string | null {
  const parsed = tryParseKey(key);
  if (parsed?.kind === 'item') return ITEM_ADDRESS[parsed.platform](parsed.id);
  if (parsed?.kind === 'seller' && parsed.platform === 'shopee') {
    return `https://shopee.vn/shop/${parsed.id}`;
  }
  return null;
}

/**
 * Whether a reported address may be opened for a key: for an item, its own listing's address; for a
 * seller, a listing on the seller's marketplace whose address names no other seller, or the shop
 * page its report named, by the same rules the registry took the report with (namesShop).
 */
export function opensForKey(url: string, key: string): boolean {
  const parsed = tryParseKey(key);
  if (parsed?.kind === 'item') return namesListing(url, key);
  if (parsed?.kind !== 'seller') return false;
  const address = plainAddress(url);
  if (!address) return false;
  const ids = listingIdsFromUrl(parsed.platform, address);
  if (ids === null) return namesShop(url, key);
  return !ids.seller || ids.seller === parsed.id;
}
