/**
 * Finding a short byte string in a large buffer (Boyer–Moore–Horspool): a stored chunk is searched
 * as UTF-8 bytes, so only the line that holds a key is ever decoded to a string.
 */
export class BytePattern {
  private readonly skip = new Uint32Array(256);

  constructor(readonly bytes: Uint8Array) {
    const last = bytes.length - 1;
    this.skip.fill(bytes.length);
    for (let i = 0; i < last; i++) this.skip[bytes[i] as number] = last - i;
  }

  /** The first position at or after `from` where the pattern starts, or -1. */
  indexIn(haystack: Uint8Array, from = 0): number {
    const { bytes, skip } = this;
    const last = bytes.length - 1;
    if (last < 0) return from <= haystack.length ? from : -1;
    for (let at = from; at + last < haystack.length; ) {
      const end = haystack[at + last] as number;
      if (end === bytes[last]) {
        let i = last - 1;
        while (i >= 0 && haystack[at + i] === bytes[i]) i--;
        if (i < 0) return at;
      }
      at += skip[end] as number;
    }
    return -1;
  }
}
