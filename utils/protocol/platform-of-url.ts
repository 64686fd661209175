/**
 * Which marketplace a page belongs to, from its address alone: the platform whose name is the
 * registrable domain's own label ("shopee" in shopee.vn, mall.shopee.co.th), read with the Public
 * Suffix List so that "shopee.vn.khuyenmai.com" is nobody's. Used to hold a content script to its
 * own marketplace's keys.
 */
import { parse } from 'tldts';
import { isPlatform, type Platform } from './keys';

export function platformOfUrl(url: string | undefined): Platform | null {
  if (!url) return null;
  const parsed = parse(url);
  const name = parsed.domainWithoutSuffix;
  return name && !parsed.isIp && isPlatform(name) ? name : null;
}
