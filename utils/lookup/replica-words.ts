/**
 * The on-page signal behind the `heuristic` status (DESIGN.md §4): a listing whose own name says it
 * is a copy. Sellers write these words themselves ("rep 1:1", "super fake", "like auth"); the list
 * keeps only phrases that, in Vietnamese listings, mean a replica and little else. Words with honest
 * uses stay out: "fake" alone (fake lashes), "F1" (first-generation seeds, racing toys), "auth"
 * alone (sellers use it for genuine), "1:1" alone (aspect ratios, scale models), "siêu cấp".
 *
 * Phrases are folded like listing names (lower case, no diacritics, punctuation as spaces) and must
 * match whole words. Verified 2026-11-28 against our own fixtures' titles (none match).
 */
import { normaliseProductName } from '../protocol/keys';

export const REPLICA_PHRASES: readonly string[] = [
  'replica',
  'rep 1 1',
  'rep 11',
  'hang rep',
  'super fake',
  'hang fake',
  'fake 1 1',
  'fake loai 1',
  'like auth',
  'like authentic',
  'hang nhai',
  'nhai thuong hieu',
];

/** The replica phrase the name contains as whole words, or null. */
export function replicaPhrase(name: string): string | null {
  return replicaInFolded(normaliseProductName(name));
}

/**
 * The same, for a name already folded by normaliseProductName: the background folds each listing
 * name once, for product names and replica phrases alike.
 */
export function replicaInFolded(folded: string): string | null {
  const padded = ` ${folded} `;
  for (const phrase of REPLICA_PHRASES) if (padded.includes(` ${phrase} `)) return phrase;
  return null;
}
