/**
 * Checking one snapshot block (one gzip member of at most MAX_RECORDS_PER_BLOCK lines): inflated
 * within bounds, every line through the record schema, and where its flushed parts are. A pure
 * function of the block's bytes, with plain-data results, so it runs the same in the background and
 * in a check worker (entrypoints/check-worker.ts) when blocks are checked in parallel.
 */

import { decompress } from '../feed-format/gzip';
import { type ChunkParts, findPartOffsets } from '../feed-format/gzip-parts';
import { MAX_RECORDS_PER_BLOCK } from '../feed-format/manifest';
import { checkLine } from '../feed-format/ndjson';
import { FlagRecordSchema } from '../protocol/records';

/** Decompressed output allowed per record: generous for any real record, fatal for a gzip bomb. */
export const MAX_BYTES_PER_RECORD = 16 * 1024;

export type BlockCheck =
  | {
      ok: true;
      keys: string[];
      /** Lines in the block, blank ones included: the next block's first line follows them. */
      lines: number;
      parts?: ChunkParts;
    }
  /** `line` counts from the block's first line. */
  | { ok: false; problem: 'gzip' | 'too_many' }
  | { ok: false; problem: 'record'; line: number; detail: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function checkBlock(
  block: Uint8Array<ArrayBuffer>,
  partRecords?: number,
): Promise<BlockCheck> {
  let text: string;
  try {
    text = decoder.decode(
      await decompress(block, MAX_RECORDS_PER_BLOCK * MAX_BYTES_PER_RECORD, 'gzip'),
    );
  } catch {
    return { ok: false, problem: 'gzip' };
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop(); // the newline ending the last line starts no new one
  const keys: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.length === 0 || line === '\r') continue;
    const checked = checkLine(line, FlagRecordSchema);
    if (!checked.ok) return { ok: false, problem: 'record', line: i + 1, detail: checked.problem };
    keys.push(checked.value.key);
    if (keys.length > MAX_RECORDS_PER_BLOCK) return { ok: false, problem: 'too_many' };
  }
  const parts = partRecords ? partsOf(block, keys, partRecords) : undefined;
  return parts
    ? { ok: true, keys, lines: lines.length, parts }
    : { ok: true, keys, lines: lines.length };
}

/**
 * Where a block's flushed parts are and the first key of each. The keys' order is checked when the
 * snapshot is committed (snapshot-writer.ts), which refuses the whole snapshot if they are not
 * sorted.
 */
function partsOf(
  data: Uint8Array,
  keys: readonly string[],
  partRecords: number,
): ChunkParts | undefined {
  const offsets = findPartOffsets(data, Math.ceil(keys.length / partRecords));
  if (!offsets) return undefined;
  const firstKeys: string[] = [];
  for (let at = 0; at < keys.length; at += partRecords) firstKeys.push(keys[at] as string);
  return { offsets, firstKeys };
}
