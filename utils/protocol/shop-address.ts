/**
 * A seller's own shop page by its address, on the marketplaces that have one Soi Hàng reads
 * (Shopee, Lazada, Tiki). The adapters recognise shop pages with these rules, and the registry
 * checks a shop report's address, and the dashboard the address it opens, with the same ones: an
 * address that is no shop page, or that names another seller, never stands for a seller's shop.
 */
import type { Platform } from './keys';
import { LISTING_DOMAINS } from './listing-urls';

export const SHOP_PLATFORMS = ['shopee', 'lazada', 'tiki'] as const satisfies readonly Platform[];
export type ShopPlatform = (typeof SHOP_PLATFORMS)[number];

export const hasShopPages = (platform: Platform): platform is ShopPlatform =>
  (SHOP_PLATFORMS as readonly Platform[]).includes(platform);

/** What a shop page's path says: the seller id it names (Shopee's `/shop/<id>`), or only a name. */
export interface ShopPath {
  sellerId: string | null;
  /** The shop's chosen name in the path (`/<username>`, `/shop/<store>`, `/cua-hang/<store>`). */
  name: string | null;
}

/**
 * Shopee's own one-word pages, which share the shape of a shop's `/<username>`: never a shop.
 * Lower case; a page not listed still needs its own shop header to be read as a shop.
 */
const SHOPEE_RESERVED = new Set([
  'search',
  'mall',
  'cart',
  'user',
  'buyer',
  'seller',
  'daily_discover',
  'flash_sale',
  'flash_deals',
  'checkout',
  'verify',
  'deals',
  'collections',
  'top_products',
  'find_similar_products',
  'promotions',
  'vouchers',
  'voucher',
  'coins',
  'shopee_coins',
  'live',
  'livestream',
  'events',
  'event',
  'campaigns',
  'notifications',
  'purchase',
  'account',
  'login',
  'signup',
  'help',
  'sitemap',
  'games',
  'feed',
  'video',
  'product',
  'shop',
]);

/** A store's name as Lazada and Tiki write it in their addresses (slug characters only). */
const STORE = '[A-Za-z0-9][A-Za-z0-9._-]{0,99}';
const LAZADA_SHOP = new RegExp(`^/shop/(${STORE})/?$`);
/** Lazada's older store address `/<store>/?from=wangpu`: its one-word paths that are no store. */
const LAZADA_OLD_SHOP = new RegExp(`^/(${STORE})/?$`);
const LAZADA_RESERVED = new Set(['catalog', 'products', 'tag', 'customer', 'user', 'wow', 'shop']);
const TIKI_SHOP = new RegExp(`^/cua-hang/(${STORE})/?$`);

const SHOP_PATHS: Readonly<Record<ShopPlatform, (url: URL) => ShopPath | null>> = {
  shopee(url) {
    const id = /^\/shop\/(\d{1,20})\/?$/.exec(url.pathname)?.[1];
    if (id) return { sellerId: id, name: null };
    const name = /^\/([A-Za-z0-9._]{3,30})\/?$/.exec(url.pathname)?.[1];
    return name && !SHOPEE_RESERVED.has(name.toLowerCase()) ? { sellerId: null, name } : null;
  },
  lazada(url) {
    const name = LAZADA_SHOP.exec(url.pathname)?.[1];
    if (name) return { sellerId: null, name };
    if (url.searchParams.get('from') !== 'wangpu') return null;
    const old = LAZADA_OLD_SHOP.exec(url.pathname)?.[1];
    return old && !LAZADA_RESERVED.has(old.toLowerCase()) ? { sellerId: null, name: old } : null;
  },
  tiki(url) {
    const name = TIKI_SHOP.exec(url.pathname)?.[1];
    return name ? { sellerId: null, name } : null;
  },
};

/** The shop a path names on its marketplace, or null when it is no shop page (host not checked). */
export function shopPathOf(platform: Platform, url: URL): ShopPath | null {
  return hasShopPages(platform) ? SHOP_PATHS[platform](url) : null;
}

/**
 * Whether a host is one of the marketplace's own web hosts (`shopee.vn`, `www.lazada.vn`): shop
 * pages live there, not on its help, seller-centre or other subdomains.
 */
export function onMainHost(platform: Platform, host: string): boolean {
  return LISTING_DOMAINS[platform].some((domain) => host === domain || host === `www.${domain}`);
}

/**
 * A shop page's address as reported: origin and path, nothing a shopper's visit added (tracking,
 * tokens, the fragment), with only the query that makes it a shop (Lazada's `from=wangpu`).
 */
export function shopAddress(platform: Platform, url: URL): string {
  const plain = `${url.origin}${url.pathname}`;
  if (platform !== 'lazada' || LAZADA_SHOP.test(url.pathname)) return plain;
  return url.searchParams.get('from') === 'wangpu' ? `${plain}?from=wangpu` : plain;
}

/** Every run of digits in text (ids), decoded where it was percent-encoded. */
function digitRuns(text: string): string[] {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // Left as written: its digits still count.
  }
  return decoded.match(/\d{3,}/g) ?? [];
}

/**
 * Whether a plain https address is this seller's shop page: on its marketplace's own host, a shop
 * path by the adapters' rules, and naming no other seller anywhere (the id in Shopee's
 * `/shop/<id>`, an all-digit name, any id in its query or fragment).
 */
export function isShopOf(url: URL, platform: Platform, sellerId: string): boolean {
  if (!onMainHost(platform, url.hostname)) return false;
  const shop = shopPathOf(platform, url);
  if (!shop) return false;
  if (shop.sellerId !== null && shop.sellerId !== sellerId) return false;
  if (shop.name && /^\d+$/.test(shop.name) && shop.name !== sellerId) return false;
  return digitRuns(`${url.search}${url.hash}`).every((run) => run === sellerId);
}
