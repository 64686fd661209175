/**
 * Gzip parts: a snapshot block whose deflate stream the publisher full-flushed after every few
 * records (server/publish/gzip-parts-writer.ts), so a lookup inflates only the part that can hold its key instead
 * of the whole block. A full flush ends in an empty stored block (`00 00 ff ff`) and starts the next
 * part byte-aligned with an empty window: from there, the part's bytes plus an empty final block are
 * a complete raw deflate stream.
 *
 * The flush marks are found by scanning. The same four bytes could occur by chance inside coded
 * data, so a block is split only when exactly the expected number of marks is found and the last
 * one closes the stream; otherwise it has no parts and is inflated whole. Lookups confirm
 * every record they read, so parts can only save work, never change an answer.
 */
import { concatBytes } from './gzip';

/** The header our publisher writes: deflate, no flags, no time, unknown OS. */
export const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff);
/** BFINAL=1, fixed Huffman codes, end of block: the shortest final block (10 bits). */
export const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);
const TRAILER_BYTES = 8;

/** A block's parts as the client keeps them beside the block. */
export interface ChunkParts {
  /** Byte offsets in the block: where each part starts, then where the last one ends. */
  offsets: Uint32Array<ArrayBuffer>;
  /** Each part's first key; the keys of a block are sorted. */
  firstKeys: string[];
}
const FLAGS_AT = 3;

/**
 * Where each of `partCount` parts starts in `member` (one gzip member), plus where the last ends:
 * `partCount + 1` offsets, or null when the member is not split that way.
 */
export function findPartOffsets(
  member: Uint8Array,
  partCount: number,
): Uint32Array<ArrayBuffer> | null {
  const length = member.byteLength;
  if (partCount < 1 || length < GZIP_HEADER.byteLength + FINAL_EMPTY_BLOCK.byteLength + 8) {
    return null;
  }
  if (member[0] !== 0x1f || member[1] !== 0x8b || member[2] !== 0x08 || member[FLAGS_AT] !== 0) {
    return null;
  }
  const end = length - TRAILER_BYTES - FINAL_EMPTY_BLOCK.byteLength;
  if (member[end] !== FINAL_EMPTY_BLOCK[0] || member[end + 1] !== FINAL_EMPTY_BLOCK[1]) return null;
  const offsets = new Uint32Array(partCount + 1);
  offsets[0] = GZIP_HEADER.byteLength;
  let found = 0;
  for (let at = member.indexOf(0xff, GZIP_HEADER.byteLength + 3); at !== -1 && at < end; ) {
    if (member[at - 1] === 0xff && member[at - 2] === 0x00 && member[at - 3] === 0x00) {
      if (++found > partCount) return null;
      offsets[found] = at + 1;
    }
    at = member.indexOf(0xff, at + 1);
  }
  return found === partCount && offsets[partCount] === end ? offsets : null;
}

/** Part `p` of a member as a complete raw deflate stream. */
export function partStream(
  member: Uint8Array,
  offsets: Uint32Array,
  p: number,
): Uint8Array<ArrayBuffer> {
  return concatBytes([member.subarray(offsets[p], offsets[p + 1]), FINAL_EMPTY_BLOCK]);
}

/** The part whose first key is the greatest at or below `key` (parts hold sorted keys). */
export function partFor(firstKeys: readonly string[], key: string): number {
  let low = 0;
  let high = firstKeys.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((firstKeys[mid] as string) <= key) low = mid;
    else high = mid - 1;
  }
  return low;
}
