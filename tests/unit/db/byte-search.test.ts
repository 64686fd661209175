import { describe, expect, it } from 'vitest';
import { random } from '../../../scripts/seeded-random';
import { BytePattern } from '../../../utils/db/byte-search';

const bytes = (text: string) => new TextEncoder().encode(text);

function naiveIndex(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let at = from; at + needle.length <= haystack.length; at++) {
    for (let i = 0; i < needle.length; i++) if (haystack[at + i] !== needle[i]) continue outer;
    return at;
  }
  return -1;
}

describe('BytePattern', () => {
  it('finds a key property in NDJSON lines, Vietnamese text around it', () => {
    const text = '{"key":"shopee:seller:1","summary":"Cửa hàng"}\n{"key":"shopee:seller:12"}';
    const pattern = new BytePattern(bytes('"key":"shopee:seller:12"'));
    const at = pattern.indexIn(bytes(text));
    expect(at).toBe(bytes(text.slice(0, text.indexOf('{"key":"shopee:seller:12"') + 1)).length);
  });

  it('agrees with a naive search on random text, from every start', () => {
    const unit = random(7);
    const next = () => Math.floor(unit() * 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const haystack = Uint8Array.from({ length: 300 }, () => 97 + (next() % 3));
      const needle = Uint8Array.from({ length: 1 + (next() % 5) }, () => 97 + (next() % 3));
      const pattern = new BytePattern(needle);
      for (const from of [0, 1, 17, 150, 299]) {
        expect(pattern.indexIn(haystack, from)).toBe(naiveIndex(haystack, needle, from));
      }
    }
  });

  it('finds nothing in a haystack shorter than the pattern', () => {
    expect(new BytePattern(bytes('abcdef')).indexIn(bytes('abc'))).toBe(-1);
  });
});
