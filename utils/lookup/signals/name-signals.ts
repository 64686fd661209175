/**
 * Every signal read from a listing's folded name (and a product page's description and variant
 * names), weighed together (signal-evidence.ts): what a lookup answers for each listing, or nothing
 * when the signals seen do not reach a warning. A signal seen in several places counts once, as
 * seen first: in the name, then the description, then a variant.
 */
import type { Signal } from '../../protocol/runtime/preferences';
import { combineEvidence, type SignalEvidence } from '../../protocol/runtime/signal-evidence';
import { replicaInFolded } from '../replica-words';
import { type Review, reviewComplaints } from '../review-complaints';
import { barcodeFinding } from './barcode';
import { offPlatformInFolded } from './off-platform';
import type { PriceComparison } from './price-references';
import { regulatedGoodsInFolded } from './regulated-goods';
import { replicaHintInFolded } from './replica-hints';

/** What is known of the listing besides its text. */
export interface ListingContext {
  /** Whether the page marks the seller as an official store (undefined: it does not say). */
  official?: boolean | undefined;
  /** A product page's GTIN. */
  barcode?: string | undefined;
  /** A product page's visible reviews. */
  reviews?: ReadonlyArray<Review> | undefined;
  /** A product page's variant names, folded ("ban rep 1 1", "size m"). */
  variants?: readonly string[] | undefined;
  /** Its price, when far below official stores' for the same product (price-references.ts). */
  lowPrice?: PriceComparison | null | undefined;
}

const READERS: ReadonlyArray<[Signal, (folded: string, context: ListingContext) => string | null]> =
  [
    ['replicaWords', replicaInFolded],
    ['replicaHints', replicaHintInFolded],
    ['offPlatform', offPlatformInFolded],
    ['regulatedGoods', (folded, context) => regulatedGoodsInFolded(folded, context.official)],
  ];

function readSignals(
  folded: string,
  signalsOff: readonly Signal[],
  context: ListingContext,
): SignalEvidence[] {
  const found: SignalEvidence[] = [];
  for (const [signal, read] of READERS) {
    if (signalsOff.includes(signal)) continue;
    const text = read(folded, context);
    if (text) found.push({ signal, text });
  }
  return found;
}

export function nameEvidence(
  folded: string,
  signalsOff: readonly Signal[],
  foldedDescription?: string,
  context: ListingContext = {},
): SignalEvidence[] {
  const { barcode, lowPrice, reviews } = context;
  const found = readSignals(folded, signalsOff, context);
  if (reviews && reviews.length > 0 && !signalsOff.includes('reviewComplaints')) {
    const { complaints } = reviewComplaints(reviews);
    const first = complaints[0];
    if (first) {
      found.push({
        signal: 'reviewComplaints',
        text: first.phrase,
        reviews: { flagged: complaints.length, visible: reviews.length },
      });
    }
  }
  if (lowPrice && !signalsOff.includes('lowPrice')) {
    found.push({
      signal: 'lowPrice',
      text: `${Math.round((lowPrice.price / lowPrice.reference) * 100)}%`,
      price: {
        price: lowPrice.price,
        reference: Math.round(lowPrice.reference),
        seen: lowPrice.seen,
      },
    });
  }
  if (foldedDescription) {
    for (const seen of readSignals(foldedDescription, signalsOff, context)) {
      found.push({ ...seen, place: 'description' });
    }
  }
  // Each variant on its own: words must not run on from one variant's name into the next.
  for (const variant of context.variants ?? []) {
    for (const seen of readSignals(variant, signalsOff, context)) {
      found.push({ ...seen, place: 'variant' });
    }
  }
  if (barcode && !signalsOff.includes('barcode')) {
    const finding = barcodeFinding(barcode, `${folded} ${foldedDescription ?? ''}`);
    if (finding) {
      found.push({
        signal: 'barcode',
        text: finding.claim ?? finding.gtin,
        barcode: {
          gtin: finding.gtin,
          problem: finding.problem,
          ...(finding.issuer ? { issuer: finding.issuer } : {}),
        },
      });
    }
  }
  return found.length === 0 ? found : combineEvidence(found);
}
