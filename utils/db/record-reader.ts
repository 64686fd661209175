/**
 * Reads full flag records by key from the stored chunks, through the packed index, confirming each
 * fingerprint hit against the record itself.
 */
import { decompress } from '../feed-format/gzip';
import { partFor, partStream } from '../feed-format/gzip-parts';
import type { PackedIndex } from '../lookup/packed-index';
import { type FlagRecord, FlagRecordSchema } from '../protocol/records';
import { BytePattern } from './byte-search';
import type { Database, StoredChunk } from './database';

/** A decompressed chunk may not exceed this (a block of at most 4096 records of a few KB each). */
const MAX_CHUNK_BYTES = 64 * 1024 * 1024;
const NEWLINE = 0x0a;
const WHOLE = -1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A small map that forgets its oldest entry past `size`. */
class Recent<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as K);
  }
}

/**
 * Reads full records by key through the index, confirming each against the stored record: a
 * fingerprint match without the key in its chunk is no hit. A chunk flushed in parts
 * (utils/feed-format/gzip-parts.ts) has only the part that can hold the key inflated; a key not found
 * there is looked for in the whole chunk, so parts can only save work. Inflated text stays UTF-8
 * bytes (only the line holding a key is decoded), and the last few rows and inflated parts are
 * kept, since the records a page needs cluster in few chunks.
 */
export class RecordReader {
  private readonly rows: Recent<number, StoredChunk>;
  private readonly inflated: Recent<string, Uint8Array>;

  constructor(
    private readonly db: Database,
    private readonly index: PackedIndex,
    cacheSize = 16,
  ) {
    this.rows = new Recent(cacheSize);
    this.inflated = new Recent(cacheSize);
  }

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
    const rows = await this.readRows([...wanted.keys()]);
    // Each key in the part that can hold it, then, for any not found there, in its whole chunk.
    const first = await this.search(rows, wanted, (row, key) =>
      row.parts ? partFor(row.parts.firstKeys, key) : WHOLE,
    );
    const retry = new Map<number, string[]>();
    for (const [chunk, chunkKeys] of wanted) {
      const row = rows.get(chunk);
      const left = chunkKeys.filter((key) => !first.get(chunk)?.has(key));
      if (row?.parts && left.length > 0) retry.set(chunk, left);
    }
    const second = retry.size > 0 ? await this.search(rows, retry, () => WHOLE) : new Map();
    // Newest chunk first: an upserted record beats the dead copy left in an older chunk.
    for (const chunk of [...wanted.keys()].sort((a, b) => b - a)) {
      for (const results of [first.get(chunk), second.get(chunk)]) {
        for (const [key, record] of results ?? []) if (!found.has(key)) found.set(key, record);
      }
    }
    return found;
  }

  /** The records of `wanted` keys found in the text `pick` chooses for each (a part or WHOLE). */
  private async search(
    rows: Map<number, StoredChunk>,
    wanted: Map<number, string[]>,
    pick: (row: StoredChunk, key: string) => number,
  ): Promise<Map<number, Map<string, FlagRecord>>> {
    const jobs: Array<{ chunk: number; part: number; keys: string[] }> = [];
    for (const [chunk, chunkKeys] of wanted) {
      const row = rows.get(chunk);
      if (!row) continue;
      const byPart = new Map<number, string[]>();
      for (const key of chunkKeys) {
        const part = pick(row, key);
        const list = byPart.get(part);
        if (list) list.push(key);
        else byPart.set(part, [key]);
      }
      for (const [part, partKeys] of byPart) jobs.push({ chunk, part, keys: partKeys });
    }
    const out = new Map<number, Map<string, FlagRecord>>();
    // One after the other: in Chromium, three small streams inflating side by side take twice as
    // long as the same three in turn (their steps interleave as separate tasks).
    for (const job of jobs) {
      const bytes = await this.text(rows.get(job.chunk) as StoredChunk, job.part);
      const records = out.get(job.chunk) ?? new Map<string, FlagRecord>();
      out.set(job.chunk, records);
      if (job.keys.length >= READ_EVERY_LINE_FROM) {
        for (const [key, record] of recordsIn(bytes, new Set(job.keys))) records.set(key, record);
      } else {
        for (const key of job.keys) {
          const record = findRecord(bytes, key);
          if (record) records.set(key, record);
        }
      }
    }
    return out;
  }

  private async readRows(ids: number[]): Promise<Map<number, StoredChunk>> {
    const out = new Map<number, StoredChunk>();
    const missing: number[] = [];
    for (const id of ids) {
      const cached = this.rows.get(id);
      if (cached !== undefined) out.set(id, cached);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const tx = this.db.transaction('chunks', 'readonly');
      const rows = await Promise.all(missing.map((id) => tx.objectStore('chunks').get(id)));
      for (const row of rows) {
        if (!row) continue;
        this.rows.set(row.id, row);
        out.set(row.id, row);
      }
    }
    return out;
  }

  /** A row's text: one part of it, or all of it. */
  private async text(row: StoredChunk, part: number): Promise<Uint8Array> {
    const name = `${row.id}/${part}`;
    const cached = this.inflated.get(name);
    if (cached) return cached;
    const bytes =
      part === WHOLE || !row.parts
        ? await decompress(toBytes(row.data), MAX_CHUNK_BYTES, 'gzip')
        : await decompress(
            partStream(row.data, row.parts.offsets, part),
            MAX_CHUNK_BYTES,
            'deflate-raw',
          ).catch(() => new Uint8Array(0)); // a part that does not inflate: the whole chunk is read
    this.inflated.set(name, bytes);
    return bytes;
  }
}

function toBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer
    ? (data as Uint8Array<ArrayBuffer>)
    : new Uint8Array(data);
}

/**
 * Keys asked of one text from which every line is read once instead of searching for each key (a
 * block list reads thousands of domain records; a page's lookup a handful).
 */
const READ_EVERY_LINE_FROM = 16;

/** The records of the wanted keys among a text's lines, each checked like any stored data. */
function recordsIn(bytes: Uint8Array, wanted: ReadonlySet<string>): Map<string, FlagRecord> {
  const found = new Map<string, FlagRecord>();
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    try {
      const value: unknown = JSON.parse(decoder.decode(bytes.subarray(start, end)));
      const key = (value as { key?: unknown } | null)?.key;
      if (typeof key === 'string' && wanted.has(key) && !found.has(key)) {
        const parsed = FlagRecordSchema.safeParse(value);
        if (parsed.success) found.set(key, parsed.data);
      }
    } catch {
      // not a record line
    }
    start = end + 1;
  }
  return found;
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
