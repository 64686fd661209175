/**
 * Matches listing titles against the names of flagged products (DESIGN.md §3 `product:` keys). A
 * title matches a name when its folded words contain the name's words as one whole run: "Sữa COLOS
 * IQ for Mum 800g" contains "colos iq for mum", but "Colos IQ" alone or "colos iq for mummy" do not.
 * When several names match, the longest wins (the most specific product).
 */
import { normaliseProductName } from '../protocol/keys';

const PREFIX = 'product:';

export class ProductMatcher {
  /** First word → candidate names (as word arrays with their key), longest first. */
  private readonly byFirstWord = new Map<string, Array<{ words: string[]; key: string }>>();

  constructor(productKeys: Iterable<string>) {
    for (const key of productKeys) {
      if (!key.startsWith(PREFIX)) continue;
      const words = key.slice(PREFIX.length).split(' ').filter(Boolean);
      const first = words[0];
      if (!first) continue;
      const list = this.byFirstWord.get(first);
      if (list) list.push({ words, key });
      else this.byFirstWord.set(first, [{ words, key }]);
    }
    for (const list of this.byFirstWord.values()) {
      list.sort((a, b) => b.words.length - a.words.length);
    }
  }

  get size(): number {
    let n = 0;
    for (const list of this.byFirstWord.values()) n += list.length;
    return n;
  }

  /** The key of the longest flagged product name the title contains, or null. */
  match(title: string): string | null {
    return this.byFirstWord.size === 0 ? null : this.matchFolded(normaliseProductName(title));
  }

  /** The same, for a title already folded by normaliseProductName. */
  matchFolded(folded: string): string | null {
    if (this.byFirstWord.size === 0) return null;
    const words = folded.split(' ');
    let best: { words: string[]; key: string } | null = null;
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      if (!candidates) continue;
      for (const candidate of candidates) {
        if (best && candidate.words.length <= best.words.length) break;
        if (i + candidate.words.length > words.length) continue;
        let all = true;
        for (let j = 1; j < candidate.words.length; j++) {
          if (words[i + j] !== candidate.words[j]) {
            all = false;
            break;
          }
        }
        if (all) {
          best = candidate;
          break;
        }
      }
    }
    return best?.key ?? null;
  }
}
