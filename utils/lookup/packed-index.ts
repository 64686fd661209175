/**
 * The membership index: for every record, its key's 48-bit fingerprint and the number of the stored
 * chunk that holds the record, packed into 6 bytes and sorted, so a million keys take about 6 MB and
 * are stored and loaded as one ArrayBuffer (uBlock Origin's "selfie": a cold service worker reads one
 * value instead of a million).
 *
 *   fingerprint = hi (32 bits) : lo16 (16 bits)
 *   directory[b]     first entry whose hi >>> 16 is b (65,537 offsets, 256 KB)
 *   low[i]           hi & 0xffff     ┐
 *   fp[i]            lo16            ├ one entry, sorted by (hi, lo16)
 *   chunk[i]         chunk number    ┘
 *
 * A lookup reads the directory for the key's top 16 bits and binary-searches the few entries of
 * that bucket (about 15 at a million keys), all in one small stretch of memory.
 *
 * A fingerprint is the identity of a key inside the index: a delta that upserts or deletes a key
 * replaces every entry with its fingerprint. Two different keys share one with probability about
 * n / 2^48 per key (4·10⁻⁹ at a million records); the cost of that is a missed warning, never a
 * wrong one, because lookups confirm every hit against the full record.
 */
import { type Fingerprint, fingerprint } from './fingerprint';

export const MAX_CHUNKS = 0x10000;
const BUCKETS = 0x10000;
const MAGIC = 0x53484958; // "SHIX"
const VERSION = 2;
const HEADER_BYTES = 16; // magic, version, count, reserved

export interface IndexEntry {
  hi: number;
  lo16: number;
  chunk: number;
}

export class PackedIndex {
  private readonly scratch: Fingerprint = { hi: 0, lo16: 0 };

  private constructor(
    private readonly directory: Uint32Array,
    private readonly low: Uint16Array,
    private readonly fp: Uint16Array,
    private readonly chunk: Uint16Array,
  ) {}

  static empty(): PackedIndex {
    return PackedIndex.fromUnsorted(new Uint32Array(0), new Uint32Array(0));
  }

  /**
   * Builds the index from entries in any order: `hi[i]` the fingerprint's high 32 bits, `lo[i]` its
   * low 16 bits shifted left by 16, or'ed with the chunk number.
   */
  static fromUnsorted(hi: Uint32Array, lo: Uint32Array): PackedIndex {
    const n = hi.length;
    const order = sortedOrder(hi, lo);
    const directory = new Uint32Array(BUCKETS + 1);
    const low = new Uint16Array(n);
    const fp = new Uint16Array(n);
    const chunk = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const from = order[i] as number;
      const h = hi[from] as number;
      const l = lo[from] as number;
      const bucket = (h >>> 16) + 1;
      directory[bucket] = (directory[bucket] as number) + 1;
      low[i] = h & 0xffff;
      fp[i] = l >>> 16;
      chunk[i] = l & 0xffff;
    }
    for (let b = 1; b <= BUCKETS; b++) {
      directory[b] = (directory[b] as number) + (directory[b - 1] as number);
    }
    return new PackedIndex(directory, low, fp, chunk);
  }

  get size(): number {
    return this.low.length;
  }

  /** Memory held by the index's arrays. */
  get bytes(): number {
    return this.directory.byteLength + 3 * this.low.byteLength;
  }

  /** The first position of the key's fingerprint in its bucket, or -1 (hot path: no allocation). */
  private find(key: string): number {
    const { hi, lo16 } = fingerprint(key, this.scratch);
    const bucket = hi >>> 16;
    const target = hi & 0xffff;
    const low = this.low;
    const stop = this.directory[bucket + 1] as number;
    let start = this.directory[bucket] as number;
    let end = stop;
    while (start < end) {
      const mid = (start + end) >>> 1;
      if ((low[mid] as number) < target) start = mid + 1;
      else end = mid;
    }
    for (let i = start; i < stop && low[i] === target; i++) {
      if (this.fp[i] === lo16) return i;
    }
    return -1;
  }

  has(key: string): boolean {
    return this.find(key) !== -1;
  }

  /** Chunk numbers that may hold the key (usually none, almost always at most one). */
  chunksFor(key: string): number[] {
    const first = this.find(key);
    if (first === -1) return [];
    // Entries with the same fingerprint sit side by side, after `first`, in the same bucket.
    const out: number[] = [];
    const low = this.low[first];
    const fp = this.fp[first];
    const stop = this.directory[(this.scratch.hi >>> 16) + 1] as number;
    for (let i = first; i < stop && this.low[i] === low; i++) {
      if (this.fp[i] === fp) out.push(this.chunk[i] as number);
    }
    return out;
  }

  /** Every entry, in index order. */
  *entries(): Generator<IndexEntry> {
    for (let b = 0; b < BUCKETS; b++) {
      const end = this.directory[b + 1] as number;
      for (let i = this.directory[b] as number; i < end; i++) {
        yield {
          hi: ((b << 16) | (this.low[i] as number)) >>> 0,
          lo16: this.fp[i] as number,
          chunk: this.chunk[i] as number,
        };
      }
    }
  }

  /**
   * A new index without the entries of `removeKeys`' fingerprints and with `add` appended (each a
   * key and its chunk). This index is left as it was.
   */
  withChanges(
    removeKeys: Iterable<string>,
    add: ReadonlyArray<{ key: string; chunk: number }>,
  ): PackedIndex {
    // Positions to drop, found by the same search a lookup does: no pass over every entry.
    const drop = new Uint8Array(this.size);
    for (const key of removeKeys) {
      const first = this.find(key);
      if (first === -1) continue;
      const stop = this.directory[(this.scratch.hi >>> 16) + 1] as number;
      for (let i = first; i < stop && this.low[i] === this.low[first]; i++) {
        if (this.fp[i] === this.fp[first]) drop[i] = 1;
      }
    }
    const hi = new Uint32Array(this.size + add.length);
    const lo = new Uint32Array(this.size + add.length);
    let at = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const end = this.directory[bucket + 1] as number;
      for (let i = this.directory[bucket] as number; i < end; i++) {
        if (drop[i]) continue;
        hi[at] = ((bucket << 16) | (this.low[i] as number)) >>> 0;
        lo[at] = (((this.fp[i] as number) << 16) | (this.chunk[i] as number)) >>> 0;
        at++;
      }
    }
    const fp: Fingerprint = { hi: 0, lo16: 0 };
    for (const { key, chunk } of add) {
      fingerprint(key, fp);
      hi[at] = fp.hi;
      lo[at] = ((fp.lo16 << 16) | chunk) >>> 0;
      at++;
    }
    return PackedIndex.fromUnsorted(hi.subarray(0, at), lo.subarray(0, at));
  }

  /** One ArrayBuffer: a 16-byte header, the directory, then the three entry columns. */
  toBuffer(): ArrayBuffer {
    const n = this.size;
    const buffer = new ArrayBuffer(HEADER_BYTES + this.bytes);
    new Uint32Array(buffer, 0, 4).set([MAGIC, VERSION, n, 0]);
    new Uint32Array(buffer, HEADER_BYTES, BUCKETS + 1).set(this.directory);
    const columns = HEADER_BYTES + this.directory.byteLength;
    new Uint16Array(buffer, columns, n).set(this.low);
    new Uint16Array(buffer, columns + 2 * n, n).set(this.fp);
    new Uint16Array(buffer, columns + 4 * n, n).set(this.chunk);
    return buffer;
  }

  /** Reads a buffer made by toBuffer; anything else throws (the caller then reloads the data). */
  static fromBuffer(buffer: ArrayBuffer): PackedIndex {
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < HEADER_BYTES) {
      throw new Error('index blob is missing or too short');
    }
    const [magic, version, n = 0] = new Uint32Array(buffer, 0, 4);
    if (magic !== MAGIC || version !== VERSION) throw new Error('index blob has a bad header');
    const columns = HEADER_BYTES + (BUCKETS + 1) * 4;
    if (buffer.byteLength !== columns + 6 * n) {
      throw new Error('index blob length does not match its count');
    }
    const directory = new Uint32Array(buffer, HEADER_BYTES, BUCKETS + 1);
    if (directory[BUCKETS] !== n) throw new Error('index blob directory does not match its count');
    return new PackedIndex(
      directory,
      new Uint16Array(buffer, columns, n),
      new Uint16Array(buffer, columns + 2 * n, n),
      new Uint16Array(buffer, columns + 4 * n, n),
    );
  }
}

/**
 * The positions of the entries sorted by (hi, lo16), ties in their original order: one counting
 * pass scatters them into their 65,536 directory buckets (the top 16 bits of hi), then each bucket,
 * a dozen entries at a million keys, is sorted by the remaining 32 bits with an insertion sort.
 * Linear in practice, and a third of the time of a three-pass radix sort at a million entries.
 */
function sortedOrder(hi: Uint32Array, lo: Uint32Array): Uint32Array {
  const n = hi.length;
  const next = new Uint32Array(BUCKETS);
  const starts = new Uint32Array(BUCKETS + 1);
  for (let i = 0; i < n; i++) {
    const b = ((hi[i] as number) >>> 16) + 1;
    starts[b] = (starts[b] as number) + 1;
  }
  for (let b = 1; b <= BUCKETS; b++) starts[b] = (starts[b] as number) + (starts[b - 1] as number);
  next.set(starts.subarray(0, BUCKETS));
  const order = new Uint32Array(n);
  const rest = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = hi[i] as number;
    const at = next[h >>> 16] as number;
    next[h >>> 16] = at + 1;
    order[at] = i;
    rest[at] = (((h & 0xffff) << 16) | ((lo[i] as number) >>> 16)) >>> 0;
  }
  for (let b = 0; b < BUCKETS; b++) {
    const end = starts[b + 1] as number;
    for (let i = (starts[b] as number) + 1; i < end; i++) {
      const key = rest[i] as number;
      const position = order[i] as number;
      let j = i - 1;
      while (j >= (starts[b] as number) && (rest[j] as number) > key) {
        rest[j + 1] = rest[j] as number;
        order[j + 1] = order[j] as number;
        j--;
      }
      rest[j + 1] = key;
      order[j + 1] = position;
    }
  }
  return order;
}
