/**
 * A 48-bit fingerprint of a key: 32 high bits and 16 low bits, from two independent
 * multiply-xorshift lanes (the structure of the public-domain cyrb53 hash) fed two UTF-16 code units
 * per step, which halves the dependent multiplications on the hot path. Integer math only, no
 * allocation. The index stores fingerprints, not keys, and every hit is confirmed against the
 * stored record, so a collision can cost a read but never show a wrong warning.
 */
export interface Fingerprint {
  hi: number;
  lo16: number;
}

/** Writes the fingerprint into `out` (reused by hot loops) and returns it. */
export function fingerprint(key: string, out: Fingerprint = { hi: 0, lo16: 0 }): Fingerprint {
  // The constants are cyrb53's, written as signed 32-bit integers so V8 keeps them small.
  let h1 = -559038737 ^ key.length;
  let h2 = 1103547991 ^ key.length;
  const even = key.length & ~1;
  for (let i = 0; i < even; i += 2) {
    const pair = key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16);
    h1 = Math.imul(h1 ^ pair, -1640531535);
    h2 = Math.imul(h2 ^ pair, 1597334677);
  }
  if (even !== key.length) {
    const last = key.charCodeAt(even);
    h1 = Math.imul(h1 ^ last, -1640531535);
    h2 = Math.imul(h2 ^ last, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), -2048144789);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), -1028477387);
  h2 = Math.imul(h2 ^ (h2 >>> 16), -2048144789);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), -1028477387);
  out.hi = h1 >>> 0;
  out.lo16 = h2 & 0xffff;
  return out;
}
