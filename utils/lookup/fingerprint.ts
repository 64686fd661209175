/**
 * A 48-bit fingerprint of a key: 32 high bits and 16 low bits, from two multiply-xorshift lanes over
 * the key's UTF-16 code units (the structure of the public-domain cyrb53 hash). Fast in JavaScript:
 * no allocation, integer math only. The index stores fingerprints, not keys, and every hit is
 * confirmed against the stored record, so a collision can cost a read but never show a wrong warning.
 */
export interface Fingerprint {
  hi: number;
  lo16: number;
}

/** Writes the fingerprint into `out` (reused by hot loops) and returns it. */
export function fingerprint(key: string, out: Fingerprint = { hi: 0, lo16: 0 }): Fingerprint {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out.hi = h1 >>> 0;
  out.lo16 = h2 & 0xffff;
  return out;
}
