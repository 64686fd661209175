/**
 * A feed far smaller than the data the extension ships does not replace it, unless its signed
 * manifest says it stands in for it (`replacesShipped`): a new registry's empty first feed, or a
 * truncated one, must not wipe every shopper's protection.
 */
import type { FeedManifest } from '../feed-format/manifest';
import { TooFewRecordsError } from './sync-error';

/** The least share of the shipped data's records a feed must hold to replace it. */
export const MIN_SHIPPED_SHARE = 0.5;

/** Refuses a feed far smaller than the shipped data unless its manifest says it replaces it. */
export function checkShippedShare(manifest: FeedManifest, shipped?: { count: number }): void {
  if (!shipped || manifest.replacesShipped) return;
  if (manifest.snapshot.count < shipped.count * MIN_SHIPPED_SHARE) {
    throw new TooFewRecordsError(manifest.snapshot.count, shipped.count);
  }
}
