import { describe, expect, it } from 'vitest';
import { random } from '../../../scripts/seeded-random';
import { PackedIndex } from '../../../utils/lookup/packed-index';

describe('packed index order', () => {
  it('sorts entries by fingerprint, equal fingerprints in the order given', () => {
    const unit = random(11);
    const next = () => Math.floor(unit() * 2 ** 32);
    const n = 50_000;
    const hi = new Uint32Array(n);
    const lo = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      // Few distinct top bits: crowded buckets, and many equal fingerprints.
      hi[i] = (((next() % 7) << 16) | (next() % 300)) >>> 0;
      lo[i] = (((next() % 5) << 16) | (i % 65536)) >>> 0;
    }
    const expected = [...hi.keys()]
      .sort(
        (a, b) =>
          (hi[a] as number) - (hi[b] as number) ||
          ((lo[a] as number) >>> 16) - ((lo[b] as number) >>> 16) ||
          a - b,
      )
      .map((i) => [hi[i], (lo[i] as number) >>> 16, (lo[i] as number) & 0xffff]);
    const actual = [...PackedIndex.fromUnsorted(hi, lo).entries()].map((e) => [
      e.hi,
      e.lo16,
      e.chunk,
    ]);
    expect(actual).toEqual(expected);
  });
});
