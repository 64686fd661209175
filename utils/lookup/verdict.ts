/**
 * From the records found for a listing's keys to the one warning the shopper sees. The strongest
 * status wins (DESIGN.md §4); on a tie the item's own record beats its seller's.
 */
import type { FlagRecord, FlagStatus } from '../protocol/records';

export type ShownStatus = Exclude<FlagStatus, 'cleared'>;

export interface Verdict {
  status: ShownStatus;
  /** Whether the listing itself or its seller is flagged. */
  subject: 'item' | 'seller';
  record: FlagRecord;
}

const RANK: Record<FlagStatus, number> = { confirmed: 3, suspected: 2, reported: 1, cleared: 0 };

export function verdictFor(
  listing: { itemKey: string; sellerKey: string | null },
  hits: ReadonlyMap<string, FlagRecord>,
): Verdict | null {
  const candidates: Array<{ subject: Verdict['subject']; record: FlagRecord | undefined }> = [
    { subject: 'item', record: hits.get(listing.itemKey) },
    { subject: 'seller', record: listing.sellerKey ? hits.get(listing.sellerKey) : undefined },
  ];
  let best: Verdict | null = null;
  for (const { subject, record } of candidates) {
    if (!record || record.status === 'cleared') continue;
    if (!best || RANK[record.status] > RANK[best.status]) {
      best = { status: record.status, subject, record };
    }
  }
  return best;
}
