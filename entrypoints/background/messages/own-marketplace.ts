/** What a content script may speak of: only its own marketplace's listings and keys. */
import { platformOfUrl } from '../../../utils/protocol/platform-of-url';

/**
 * A page may speak only of its own marketplace's listings: the platform of the sending tab must be
 * the listing's, its key must be that platform's, and so must the address it names.
 */
export function holdToOwnMarketplace(
  senderUrl: string | undefined,
  listing: { platform: string; itemKey: string; url?: string },
): void {
  const platform = platformOfUrl(senderUrl);
  const ok =
    platform !== null &&
    listing.platform === platform &&
    listing.itemKey.startsWith(`${platform}:`) &&
    (listing.url === undefined || platformOfUrl(listing.url) === platform);
  if (!ok) throw new Error(`a page on ${platform ?? 'this site'} cannot report ${listing.itemKey}`);
}

/** Every key must be of the sending page's platform (a page asks only about what it shows). */
export function holdKeysToOwnMarketplace(senderUrl: string | undefined, keys: readonly string[]) {
  const platform = platformOfUrl(senderUrl);
  const foreign = keys.find((key) => platform === null || !key.startsWith(`${platform}:`));
  if (foreign) throw new Error(`a page on ${platform ?? 'this site'} cannot ask about ${foreign}`);
}
