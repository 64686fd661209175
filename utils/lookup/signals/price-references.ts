/**
 * "Price far below reference", with references learned from official stores seen on the same
 * platform during this browser session (LazMall cards, Tiki's official sellers): nothing is sent
 * anywhere and nothing outlives the worker. A listing from a seller not marked official whose name
 * names the same product (the reference's model words, and the same sizes: "800g", "1.7l") and
 * whose price is under a third of the official median is half a signal. Used, clearance and
 * flash-sale listings are left alone: their low prices are honest.
 *
 * No embedded table of typical prices ships: no sourced list of them could be had, and made-up
 * prices would defame honest sellers.
 */

/** Words that say nothing about which product it is (folded). */
const STOP = new Set(
  (
    'hang chinh hang chinh hang hang moi moi 100 nhap khau gia re re tot sale giam gia khuyen mai ' +
    'freeship free ship mien phi van chuyen tang kem qua tang combo set cho be tre em nguoi lon ' +
    'cua va voi loai so date xa hsd ma mall official store shop chuan auth authentic new hot ' +
    'dep gia si le ban chay best seller uy tin nhat f1 sf sieu cap rep replica like ' +
    // What kind of thing it is, not which model: "sữa bột", "kem dưỡng", "viên uống", "hộp".
    'sua bot cong thuc binh kem duong nuoc vien uong hop lon tui goi'
  ).split(' '),
);
/** A size or quantity: the same model in another size is another product. */
const SIZE = /^\d+(?:[.,]\d+)?(?:g|gr|kg|ml|l|lit|mg|mcg|vien|goi|hop|chai|tuyp|cm|mm|inch)$/;
/** Names of listings whose low price is honest: used, clearance, samples, flash sales. */
const HONEST_LOW =
  /\b(?:da qua su dung|like new|2nd|secondhand|thanh ly|xa kho|trung bay|hang loi|mau thu|tester|flash sale|sale soc|can date)\b|\bcu\b/;

/** Below this share of the reference a price is "far below". */
export const FAR_BELOW = 1 / 3;
const MAX_MODELS = 2_000;
const MAX_PRICES = 9;

export interface PriceComparison {
  price: number;
  reference: number;
  /** How many official listings the reference was taken from. */
  seen: number;
}

interface Model {
  words: string[];
  prices: number[];
}

function split(folded: string): { words: string[]; sizes: string[] } {
  const words: string[] = [];
  const sizes: string[] = [];
  // "800 g" is "800g".
  const joined = folded.replace(
    /\b(\d+(?:[.,]\d+)?) (g|gr|kg|ml|l|lit|mg|mcg|vien|goi)\b/g,
    '$1$2',
  );
  for (const token of new Set(joined.split(' '))) {
    if (!token || STOP.has(token)) continue;
    if (SIZE.test(token)) sizes.push(token);
    // A lone digit counts: it is the stage of a formula ("số 1", "số 2").
    else if (token.length >= 2 || /^\d$/.test(token)) words.push(token);
  }
  return { words, sizes };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Where a product's references are kept: its platform and its sizes, which must be the same. */
const bucketOf = (platform: string, sizes: readonly string[]) =>
  `${platform}|${[...sizes].sort().join(' ')}`;

export class PriceReferences {
  /**
   * Models by platform and sizes, then by their words; the bucket used longest ago is forgotten
   * first once MAX_MODELS models are kept.
   */
  private readonly buckets = new Map<string, Map<string, Model>>();
  private count = 0;

  /** An official store's listing: its price becomes (part of) a reference. */
  remember(platform: string, folded: string, price: number): void {
    if (price <= 0 || HONEST_LOW.test(folded)) return;
    const { words, sizes } = split(folded);
    // A reference needs enough words to name a model, and a size to tell packs apart.
    if (words.length < 2 || sizes.length === 0) return;
    const key = bucketOf(platform, sizes);
    const bucket = this.buckets.get(key) ?? new Map<string, Model>();
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    const id = [...words].sort().join(' ');
    const model = bucket.get(id);
    if (model) model.prices = [...model.prices, price].slice(-MAX_PRICES);
    else {
      bucket.set(id, { words, prices: [price] });
      this.count++;
    }
    while (this.count > MAX_MODELS) {
      const [oldest, models] = this.buckets.entries().next().value as [string, Map<string, Model>];
      this.buckets.delete(oldest);
      this.count -= models.size;
    }
  }

  /**
   * How a listing not marked official compares with the reference of the same product, when its
   * price is far below it; null otherwise (no reference, another size, an honest low price).
   */
  farBelow(platform: string, folded: string, price: number): PriceComparison | null {
    if (price <= 0 || HONEST_LOW.test(folded)) return null;
    const listing = split(folded);
    const bucket = this.buckets.get(bucketOf(platform, listing.sizes));
    if (!bucket) return null;
    const words = new Set(listing.words);
    const prices: number[] = [];
    for (const model of bucket.values()) {
      // Three quarters of the reference's words are in the listing's name.
      const shared = model.words.filter((word) => words.has(word)).length;
      if (shared / model.words.length >= 0.75) prices.push(...model.prices);
    }
    if (prices.length === 0) return null;
    const reference = median(prices);
    return price < reference * FAR_BELOW ? { price, reference, seen: prices.length } : null;
  }
}
