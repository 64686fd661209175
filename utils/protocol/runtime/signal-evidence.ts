/**
 * What an on-page signal saw, and how much it weighs (DESIGN.md §4, the `heuristic` tier). A warning
 * shows only when the weights of a listing's distinct signals add up to SHOW_AT: a strong signal (a
 * name admitting a copy) alone, or two weak ones together; one weak signal alone never shows. Each
 * piece of evidence goes to the details popover as the words that were seen.
 */
import * as z from 'zod/mini';
import { MAX_PHRASE_LENGTH } from '../limits';
import { SIGNALS, type Signal } from './preferences';

export const SIGNAL_WEIGHTS: Readonly<Record<Signal, number>> = {
  replicaWords: 1,
  replicaHints: 0.5,
  offPlatform: 0.5,
  regulatedGoods: 0.5,
  lowPrice: 0.5,
  /** One complaining review; two or more count as a whole signal (weightOf). */
  reviewComplaints: 0.5,
  /** Information only: shown beside a warning the other signals make, never one by itself. */
  barcode: 0,
};

export const SHOW_AT = 1;

export const SignalEvidenceSchema = z.object({
  signal: z.enum(SIGNALS),
  /** The words seen, folded as names are (lower case, no diacritics). */
  text: z.string().check(z.maxLength(MAX_PHRASE_LENGTH)),
  /** Where: the listing's name, unless this says its description or a variant's name (product pages). */
  place: z.optional(z.enum(['description', 'variant'])),
  /** The price signal: the listing's price and the official stores' median it is far below. */
  price: z.optional(
    z.object({ price: z.int(), reference: z.number(), seen: z.int().check(z.gte(1)) }),
  ),
  /** Buyer complaints: how many of the visible reviews say the item was not genuine. */
  reviews: z.optional(z.object({ flagged: z.int().check(z.gte(1)), visible: z.int() })),
  /** The barcode signal: the GTIN, what is wrong with it, and who issued its prefix. */
  barcode: z.optional(
    z.object({
      gtin: z.string().check(z.regex(/^\d{8,14}$/)),
      problem: z.enum(['check_digit', 'origin']),
      issuer: z.optional(z.string().check(z.maxLength(100))),
    }),
  ),
});
export type SignalEvidence = z.infer<typeof SignalEvidenceSchema>;

/** What one piece of evidence weighs: its signal's weight, or more when several buyers say it. */
export function weightOf(evidence: SignalEvidence): number {
  if (evidence.signal === 'reviewComplaints' && (evidence.reviews?.flagged ?? 0) >= 2) return 1;
  return SIGNAL_WEIGHTS[evidence.signal];
}

/** The evidence worth a warning: one piece per signal, kept only when together they reach SHOW_AT. */
export function combineEvidence(found: readonly SignalEvidence[]): SignalEvidence[] {
  const bySignal = new Map<Signal, SignalEvidence>();
  for (const evidence of found)
    if (!bySignal.has(evidence.signal)) bySignal.set(evidence.signal, evidence);
  let score = 0;
  for (const evidence of bySignal.values()) score += weightOf(evidence);
  if (score < SHOW_AT) return [];
  // Strongest first: the headline names it.
  return [...bySignal.values()].sort((a, b) => weightOf(b) - weightOf(a));
}
