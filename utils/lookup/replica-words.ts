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
import { type Denials, hasUndenied } from './denied-phrase';

export const REPLICA_PHRASES: readonly string[] = [
  'replica',
  'rep 1 1',
  'rep 11',
  'rep1 1', // "rep1:1"
  'r e p 1 1', // "R.E.P 1:1", "r.e.p 1-1": spelled out to slip past filters
  'r e p 11',
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

/**
 * "Replica" is also a name: Maison Margiela's perfume line, football clubs' fan shirts ("replica
 * kit"), props and models. Next to these words it admits nothing.
 */
const REPLICA_AS_A_NAME = ['margiela', 'kit', 'fan', 'mo hinh', 'do choi', 'trang tri', 'phim'];

/** The replica phrase the name contains as whole words, or null. */
export function replicaPhrase(name: string): string | null {
  return replicaInFolded(normaliseProductName(name));
}

/**
 * Words that, just before a phrase, turn it into a promise instead of an admission: "nói không với
 * hàng fake", "cam kết không bán hàng nhái", "hoàn tiền nếu phát hiện hàng fake", "chống hàng nhái",
 * "no fake". Folded like the names, so English "non" and "not" stay out: they fold together with
 * "nón" (a hat) and "nốt".
 */
const DENIALS: Denials = {
  words: new Set(['khong', 'ko', 'k', 'kg', 'chong', 'tranh', 'no', 'anti', 'neu']),
  pairs: new Set(['phan biet', 'phat hien', 'boi thuong', 'hoan tien']),
  window: 3,
  chain: REPLICA_PHRASES,
};

/**
 * The same, for a name already folded by normaliseProductName: the background folds each listing
 * name once, for product names and replica phrases alike. A phrase denied by the words just before
 * it ("nói không với hàng fake") is a seller's promise, not an admission, and does not count.
 */
export function replicaInFolded(folded: string): string | null {
  const padded = ` ${folded} `;
  for (const phrase of REPLICA_PHRASES) {
    if (phrase === 'replica' && REPLICA_AS_A_NAME.some((word) => padded.includes(` ${word} `))) {
      continue;
    }
    if (hasUndenied(padded, phrase, DENIALS)) return phrase;
  }
  return null;
}
