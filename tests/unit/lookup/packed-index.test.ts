import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../utils/lookup/fingerprint';
import { PackedIndex } from '../../../utils/lookup/packed-index';

function indexOf(entries: Array<[string, number]>): PackedIndex {
  return PackedIndex.empty().withChanges(
    [],
    entries.map(([key, chunk]) => ({ key, chunk })),
  );
}

describe('PackedIndex', () => {
  it('finds every key it holds, with its chunk, and not others', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `tiki:item:${i * 7919}`);
    const index = indexOf(keys.map((key, i) => [key, i % 300]));
    expect(index.size).toBe(5000);
    expect(index.bytes).toBe(5000 * 6 + 65_537 * 4);
    keys.forEach((key, i) => {
      expect(index.chunksFor(key)).toEqual([i % 300]);
    });
    for (let i = 0; i < 1000; i++) expect(index.has(`tiki:item:${i * 7919 + 1}`)).toBe(false);
  });

  it('survives a round trip through one ArrayBuffer and refuses a damaged one', () => {
    const index = indexOf([
      ['shopee:item:1.2', 3],
      ['domain:scam.vn', 0],
    ]);
    const again = PackedIndex.fromBuffer(index.toBuffer());
    expect(again.chunksFor('shopee:item:1.2')).toEqual([3]);
    expect(again.has('domain:scam.vn')).toBe(true);
    expect(() => PackedIndex.fromBuffer(index.toBuffer().slice(0, 20))).toThrow();
    expect(() => PackedIndex.fromBuffer(new ArrayBuffer(16))).toThrow(/header/);
    expect([...again.entries()].map((e) => e.chunk).sort()).toEqual([0, 3]);
  });

  it("replaces a key's entry on change and drops it on delete, leaving the original as it was", () => {
    const index = indexOf([
      ['shopee:item:1.2', 0],
      ['shopee:item:3.4', 0],
    ]);
    const changed = index.withChanges(
      ['shopee:item:1.2', 'shopee:item:3.4'],
      [{ key: 'shopee:item:1.2', chunk: 7 }],
    );
    expect(changed.chunksFor('shopee:item:1.2')).toEqual([7]);
    expect(changed.has('shopee:item:3.4')).toBe(false);
    expect(index.chunksFor('shopee:item:1.2')).toEqual([0]);
  });

  it('fingerprints are stable and spread (no collision among 100,000 similar keys)', () => {
    expect(fingerprint('shopee:item:1.2')).toEqual(fingerprint('shopee:item:1.2'));
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const fp = fingerprint(`shopee:item:${i}.${i + 1}`);
      seen.add(`${fp.hi}:${fp.lo16}`);
    }
    expect(seen.size).toBe(100_000);
  });
});
