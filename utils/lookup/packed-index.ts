/**
 * The membership index: for every record, its key's 48-bit fingerprint and the number of the stored
 * chunk that holds the record, packed into 8 bytes and sorted, so a million keys take 8 MB and are
 * stored and loaded as one ArrayBuffer (uBlock Origin's "selfie": a cold service worker reads one
 * value instead of a million).
 *
 *   entry i:  hi[i] = fingerprint high 32 bits
 *             lo[i] = fingerprint low 16 bits << 16 | chunk number (16 bits)
 *   sorted by (hi, lo); a lookup is one binary search on hi and a short scan.
 *
 * A fingerprint is the identity of a key inside the index: a delta that upserts or deletes a key
 * replaces every entry with its fingerprint. Two different keys share one with probability about
 * n / 2^48 per key (4·10⁻⁹ at a million records); the cost of that is a missed warning, never a
 * wrong one, because lookups confirm every hit against the full record.
 */
import { type Fingerprint, fingerprint } from './fingerprint';

export const MAX_CHUNKS = 0x10000;
const HEADER_WORDS = 4; // magic, version, count, reserved
const MAGIC = 0x53484958; // "SHIX"
const VERSION = 1;

export class PackedIndex {
  private readonly scratch: Fingerprint = { hi: 0, lo16: 0 };

  private constructor(
    /** Fingerprint high bits, sorted. */
    readonly hi: Uint32Array,
    /** Fingerprint low bits and chunk number, sorted within equal `hi`. */
    readonly lo: Uint32Array,
  ) {}

  static empty(): PackedIndex {
    return new PackedIndex(new Uint32Array(0), new Uint32Array(0));
  }

  /** Sorts the given entries (the arrays are taken over, not copied). */
  static fromUnsorted(hi: Uint32Array, lo: Uint32Array): PackedIndex {
    const [sortedHi, sortedLo] = radixSortPairs(hi, lo);
    return new PackedIndex(sortedHi, sortedLo);
  }

  get size(): number {
    return this.hi.length;
  }

  get bytes(): number {
    return this.hi.byteLength + this.lo.byteLength;
  }

  /** First position whose hi is ≥ target. */
  private lowerBound(target: number): number {
    const hi = this.hi;
    let low = 0;
    let high = hi.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((hi[mid] as number) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  has(key: string): boolean {
    const fp = fingerprint(key, this.scratch);
    const hi = this.hi;
    const lo = this.lo;
    for (let i = this.lowerBound(fp.hi); i < hi.length && hi[i] === fp.hi; i++) {
      if ((lo[i] as number) >>> 16 === fp.lo16) return true;
    }
    return false;
  }

  /** Chunk numbers that may hold the key (usually none, almost always at most one). */
  chunksFor(key: string): number[] {
    const fp = fingerprint(key, this.scratch);
    const out: number[] = [];
    const hi = this.hi;
    const lo = this.lo;
    for (let i = this.lowerBound(fp.hi); i < hi.length && hi[i] === fp.hi; i++) {
      const entry = lo[i] as number;
      if (entry >>> 16 === fp.lo16) out.push(entry & 0xffff);
    }
    return out;
  }

  /**
   * A new index without the entries of `removeKeys`' fingerprints and with `add` appended (each a
   * key and its chunk). This index is left as it was.
   */
  withChanges(
    removeKeys: Iterable<string>,
    add: ReadonlyArray<{ key: string; chunk: number }>,
  ): PackedIndex {
    const removed = new Set<number>(); // positions to drop
    for (const key of removeKeys) {
      const fp = fingerprint(key, this.scratch);
      for (let i = this.lowerBound(fp.hi); i < this.hi.length && this.hi[i] === fp.hi; i++) {
        if ((this.lo[i] as number) >>> 16 === fp.lo16) removed.add(i);
      }
    }
    const size = this.size - removed.size + add.length;
    const hi = new Uint32Array(size);
    const lo = new Uint32Array(size);
    let at = 0;
    for (let i = 0; i < this.size; i++) {
      if (removed.has(i)) continue;
      hi[at] = this.hi[i] as number;
      lo[at] = this.lo[i] as number;
      at++;
    }
    for (const { key, chunk } of add) {
      const fp = fingerprint(key, this.scratch);
      hi[at] = fp.hi;
      lo[at] = ((fp.lo16 << 16) | chunk) >>> 0;
      at++;
    }
    return PackedIndex.fromUnsorted(hi, lo);
  }

  /** One ArrayBuffer: a 16-byte header, then hi, then lo. */
  toBuffer(): ArrayBuffer {
    const n = this.size;
    const words = new Uint32Array(HEADER_WORDS + 2 * n);
    words.set([MAGIC, VERSION, n, 0]);
    words.set(this.hi, HEADER_WORDS);
    words.set(this.lo, HEADER_WORDS + n);
    return words.buffer;
  }

  /** Reads a buffer made by toBuffer; anything else throws (the caller then rebuilds the index). */
  static fromBuffer(buffer: ArrayBuffer): PackedIndex {
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < HEADER_WORDS * 4) {
      throw new Error('index blob is missing or too short');
    }
    const header = new Uint32Array(buffer, 0, HEADER_WORDS);
    const n = header[2] as number;
    if (header[0] !== MAGIC || header[1] !== VERSION)
      throw new Error('index blob has a bad header');
    if (buffer.byteLength !== (HEADER_WORDS + 2 * n) * 4) {
      throw new Error('index blob length does not match its count');
    }
    return new PackedIndex(
      new Uint32Array(buffer, HEADER_WORDS * 4, n),
      new Uint32Array(buffer, (HEADER_WORDS + n) * 4, n),
    );
  }
}

/**
 * LSD radix sort of (hi, lo) pairs by hi then lo, 16 bits a pass: four linear passes, which beats a
 * comparison sort by an order of magnitude at a million entries.
 */
function radixSortPairs(hi: Uint32Array, lo: Uint32Array): [Uint32Array, Uint32Array] {
  // (the four passes alternate between the input arrays and one scratch pair)
  const n = hi.length;
  let srcHi: Uint32Array = hi;
  let srcLo: Uint32Array = lo;
  let dstHi: Uint32Array = new Uint32Array(n);
  let dstLo: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(0x10000);
  // passes: lo low 16, lo high 16, hi low 16, hi high 16
  for (let pass = 0; pass < 4; pass++) {
    const useHi = pass >= 2;
    const shift = pass % 2 === 0 ? 0 : 16;
    const keys = useHi ? srcHi : srcLo;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const bucket = ((keys[i] as number) >>> shift) & 0xffff;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    let sum = 0;
    for (let b = 0; b < 0x10000; b++) {
      const c = counts[b] as number;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const bucket = ((keys[i] as number) >>> shift) & 0xffff;
      const to = counts[bucket] as number;
      counts[bucket] = to + 1;
      dstHi[to] = srcHi[i] as number;
      dstLo[to] = srcLo[i] as number;
    }
    [srcHi, dstHi] = [dstHi, srcHi];
    [srcLo, dstLo] = [dstLo, srcLo];
  }
  return [srcHi, srcLo];
}
