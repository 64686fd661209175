/**
 * The listing snapshot a report carries as evidence: the facts as the extension read them from the
 * page (ids, title, prices and their currency, address, time), serialised in one fixed order so that its SHA-256 can be
 * recomputed by anyone holding the report.
 */
import type { ReportListing } from '../protocol/registry/report';

const FIELDS = [
  'platform',
  'itemKey',
  'sellerKey',
  'title',
  'price',
  'currency',
  'promoPrice',
  'url',
  'seenAt',
] as const;

export function snapshotBytes(listing: ReportListing): Uint8Array<ArrayBuffer> {
  const ordered: Record<string, unknown> = {};
  for (const field of FIELDS) if (listing[field] !== undefined) ordered[field] = listing[field];
  return new TextEncoder().encode(JSON.stringify(ordered));
}
