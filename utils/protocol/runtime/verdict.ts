/**
 * From the records found for a listing's keys to the one warning the shopper sees. The strongest
 * status wins (DESIGN.md §4); on a tie the item's own record beats its seller's.
 */

import type { FlagRecord, FlagStatus } from '../records';
import type { SignalEvidence } from './signal-evidence';

export type ShownStatus = Exclude<FlagStatus, 'cleared'>;

/** Every warning a shopper can be shown: the database's statuses but cleared, then the signal. */
export const WARNING_STATUSES = [
  'confirmed',
  'suspected',
  'reported',
  'heuristic',
] as const satisfies ReadonlyArray<ShownStatus | 'heuristic'>;

/** What a warning is about (see RecordVerdict.subject). */
export const VERDICT_SUBJECTS = ['item', 'seller', 'contact', 'product'] as const;

/** A warning backed by a record of the database. */
export interface RecordVerdict {
  status: ShownStatus;
  /**
   * What the record is about: the listing itself, its seller, a phone number or bank account the
   * listing's own text gives, or a flagged product whose name the listing's title contains (the
   * weakest: the listing is not identified, only its name matches).
   */
  subject: (typeof VERDICT_SUBJECTS)[number];
  record: FlagRecord;
}

/**
 * A warning from on-page signals only (DESIGN.md §4 "heuristic"): what the listing's own page shows
 * (a name admitting a copy; weaker signs, two together). Never called counterfeit; its source is Soi
 * Hàng's own reading of the page, on the day it read it, and it carries what each signal saw.
 */
export interface SignalVerdict {
  status: 'heuristic';
  subject: 'item';
  signal: { evidence: SignalEvidence[]; seenOn: string };
}

export type Verdict = RecordVerdict | SignalVerdict;
export type WarningStatus = Verdict['status'];

/** The signal verdict for what the signals saw today. */
export function signalVerdict(evidence: SignalEvidence[], now: Date): SignalVerdict {
  return {
    status: 'heuristic',
    subject: 'item',
    signal: { evidence, seenOn: now.toISOString().slice(0, 10) },
  };
}

const RANK: Record<FlagStatus, number> = { confirmed: 3, suspected: 2, reported: 1, cleared: 0 };

/**
 * The listing's warning. Among the records for its own key, its seller's and the contacts its text
 * gives, the strongest status wins, in that order on a tie; a product-name match counts only when
 * none has a record.
 */
export function verdictFor(
  listing: { itemKey: string; sellerKey: string | null },
  hits: ReadonlyMap<string, FlagRecord>,
  productKey: string | null = null,
  contactKeys: readonly string[] = [],
): RecordVerdict | null {
  const candidates: Array<{ subject: RecordVerdict['subject']; record: FlagRecord | undefined }> = [
    // A shop page's listing is its seller (its item key is the seller's): a seller verdict.
    {
      subject: 'item',
      record: listing.itemKey === listing.sellerKey ? undefined : hits.get(listing.itemKey),
    },
    { subject: 'seller', record: listing.sellerKey ? hits.get(listing.sellerKey) : undefined },
    ...contactKeys.map((key) => ({ subject: 'contact' as const, record: hits.get(key) })),
  ];
  let best: RecordVerdict | null = null;
  for (const { subject, record } of candidates) {
    if (!record || record.status === 'cleared') continue;
    if (!best || RANK[record.status] > RANK[best.status]) {
      best = { status: record.status, subject, record };
    }
  }
  if (best || !productKey) return best;
  const product = hits.get(productKey);
  return product && product.status !== 'cleared'
    ? { status: product.status, subject: 'product', record: product }
    : null;
}
