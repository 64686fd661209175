import { decompress } from '../feed/gzip';
import type { PackedIndex } from '../lookup/packed-index';
import { type FlagRecord, FlagRecordSchema } from '../protocol/records';
import { BytePattern } from './byte-search';
import type { Database } from './database';

/** A decompressed chunk may not exceed this (a block of at most 4096 records of a few KB each). */
const MAX_CHUNK_BYTES = 64 * 1024 * 1024;
const NEWLINE = 0x0a;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Reads full records by key through the index, confirming each against the stored record: a
 * fingerprint match without the key in its chunk is no hit. Decompressed chunks stay UTF-8 bytes
 * (only the line holding a key is decoded) and the last few are cached, since the records a page
 * needs cluster in few chunks.
 */
export class RecordReader {
  private readonly cache = new Map<number, Uint8Array>();

  constructor(
    private readonly db: Database,
    private readonly index: PackedIndex,
    private readonly cacheSize = 16,
  ) {}

  async get(keys: Iterable<string>): Promise<Map<string, FlagRecord>> {
    const wanted = new Map<number, string[]>();
    for (const key of new Set(keys)) {
      for (const chunk of this.index.chunksFor(key)) {
        const list = wanted.get(chunk);
        if (list) list.push(key);
        else wanted.set(chunk, [key]);
      }
    }
    const found = new Map<string, FlagRecord>();
    if (wanted.size === 0) return found;
    const contents = await this.chunkBytes([...wanted.keys()]);
    // Newest chunk first: an upserted record beats the dead copy left in an older chunk.
    for (const [chunk, chunkKeys] of [...wanted].sort((a, b) => b[0] - a[0])) {
      const bytes = contents.get(chunk);
      if (bytes === undefined) continue;
      for (const key of chunkKeys) {
        const record = findRecord(bytes, key);
        if (record && !found.has(key)) found.set(key, record);
      }
    }
    return found;
  }

  private async chunkBytes(ids: number[]): Promise<Map<number, Uint8Array>> {
    const out = new Map<number, Uint8Array>();
    const missing: number[] = [];
    for (const id of ids) {
      const cached = this.cache.get(id);
      if (cached !== undefined) out.set(id, cached);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const tx = this.db.transaction('chunks', 'readonly');
      const rows = await Promise.all(missing.map((id) => tx.objectStore('chunks').get(id)));
      // Inflated side by side: the streams overlap instead of waiting for each other.
      const inflated = await Promise.all(
        rows.map((row) => (row ? decompress(toBytes(row.data), MAX_CHUNK_BYTES, 'gzip') : null)),
      );
      for (const [i, row] of rows.entries()) {
        const bytes = inflated[i];
        if (!row || bytes == null) continue;
        this.cache.set(row.id, bytes);
        out.set(row.id, bytes);
        if (this.cache.size > this.cacheSize) {
          this.cache.delete(this.cache.keys().next().value as number);
        }
      }
    }
    return out;
  }
}

function toBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer
    ? (data as Uint8Array<ArrayBuffer>)
    : new Uint8Array(data);
}

/**
 * The record for `key` in a chunk, checked like any stored data, or null. Lines are stored as the
 * publisher wrote them, so the key is looked for wherever it sits in a line; a quote inside a JSON
 * string is escaped, so `"key":"…"` can only be a property, and the parsed key must match.
 */
function findRecord(bytes: Uint8Array, key: string): FlagRecord | null {
  const needle = new BytePattern(encoder.encode(`"key":${JSON.stringify(key)}`));
  for (let at = needle.indexIn(bytes); at !== -1; at = needle.indexIn(bytes, at + 1)) {
    const start = bytes.lastIndexOf(NEWLINE, at) + 1;
    const newline = bytes.indexOf(NEWLINE, at);
    try {
      const line = decoder.decode(bytes.subarray(start, newline === -1 ? bytes.length : newline));
      const parsed = FlagRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success && parsed.data.key === key) return parsed.data;
    } catch {
      // not a record line: keep looking
    }
  }
  return null;
}
