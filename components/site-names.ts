/** Each marketplace's name as the UI writes it, for every component that names a site. */
import type { MessageKey } from '../utils/i18n';
import type { Platform } from '../utils/protocol/keys';

/** Each marketplace's name as the UI writes it. */
export const SITE_NAMES: Record<Platform, MessageKey> = {
  shopee: 'siteShopee',
  lazada: 'siteLazada',
  tiki: 'siteTiki',
  sendo: 'siteSendo',
  facebook: 'siteFacebook',
  tiktok: 'siteTiktok',
};
