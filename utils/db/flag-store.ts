/**
 * The flag data as stored: records packed into compressed chunks, one packed fingerprint index, the
 * names lists the page-level checks need, and the data's description. Every change (a snapshot or a
 * delta) is prepared in memory first, then written in one transaction over chunks and meta: either
 * all of it lands or none of it does, and a worker stopped half-way leaves the previous data.
 *
 *   records ──sort into chunks of 256──▶ JSON lines ──deflate-raw──▶ chunks store (one row each)
 *      └── (fingerprint, chunk) per key ──▶ PackedIndex ──▶ meta "index" (one ArrayBuffer)
 */

import { compress, decompress } from '../feed/gzip';
import { FeedFormatError } from '../feed/ndjson';
import { type KeyKind, kindOfKey } from '../keys';
import { fingerprint } from '../lookup/fingerprint';
import { MAX_CHUNKS, PackedIndex } from '../lookup/packed-index';
import {
  type DataInfo,
  DataInfoSchema,
  type FlagRecord,
  FlagRecordSchema,
} from '../protocol/records';
import type { Database, StoredChunk } from './database';

export const RECORDS_PER_CHUNK = 256;
/** A decompressed chunk may not exceed this (256 records of at most a few KB each). */
const MAX_CHUNK_TEXT = 8 * 1024 * 1024;

const META = { data: 'data', index: 'index', names: 'names', nextChunk: 'nextChunk' } as const;

/** Keys the page-level checks need in full: product names (title matching) and scam domains. */
export interface NameLists {
  products: string[];
  domains: string[];
}

/** What a loaded database holds, ready to answer lookups. */
export interface LoadedData {
  info: DataInfo | null;
  index: PackedIndex;
  names: NameLists;
  nextChunk: number;
}

/** A validated record as it is stored: its key and its JSON line (as received, or serialised). */
export interface StoredLine {
  key: string;
  line: string;
}

/** Lines for records already in memory (deltas, tests, the publisher's own data). */
export function toStoredLines(records: readonly FlagRecord[]): StoredLine[] {
  return records.map((record) => ({ key: record.key, line: JSON.stringify(record) }));
}

/** A delta's operations, validated, in order. */
export type StoredOp = ({ op: 'upsert' } & StoredLine) | { op: 'delete'; key: string };

export class DeltaNotApplicableError extends Error {
  override readonly name = 'DeltaNotApplicableError';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function packChunk(id: number, entries: readonly StoredLine[]): Promise<StoredChunk> {
  const text = entries.map((entry) => entry.line).join('\n');
  return { id, data: await compress(encoder.encode(text), 'deflate-raw'), count: entries.length };
}

function emptyCounts(): Record<KeyKind, number> {
  return { seller: 0, item: 0, domain: 0, phone: 0, bank: 0, product: 0 };
}

export async function loadData(db: Database): Promise<LoadedData> {
  const tx = db.transaction('meta', 'readonly');
  const meta = tx.objectStore('meta');
  const [rawInfo, rawIndex, rawNames, rawNext] = await Promise.all([
    meta.get(META.data),
    meta.get(META.index),
    meta.get(META.names),
    meta.get(META.nextChunk),
  ]);
  const info = DataInfoSchema.safeParse(rawInfo);
  if (!info.success) {
    return {
      info: null,
      index: PackedIndex.empty(),
      names: { products: [], domains: [] },
      nextChunk: 0,
    };
  }
  const names = rawNames as Partial<NameLists> | undefined;
  return {
    info: info.data,
    index: PackedIndex.fromBuffer(rawIndex as ArrayBuffer),
    names: {
      products: Array.isArray(names?.products) ? names.products : [],
      domains: Array.isArray(names?.domains) ? names.domains : [],
    },
    nextChunk: typeof rawNext === 'number' ? rawNext : 0,
  };
}

/** Counts and names of a full record set, for the data's description. */
function describe(records: readonly StoredLine[]) {
  const counts = emptyCounts();
  const names: NameLists = { products: [], domains: [] };
  for (const { key } of records) {
    const kind = kindOfKey(key);
    counts[kind]++;
    if (kind === 'product') names.products.push(key);
    else if (kind === 'domain') names.domains.push(key.slice('domain:'.length));
  }
  return { counts, names };
}

/**
 * Replaces everything with these records (already validated). They must be sorted by key with no
 * key twice (the publisher writes them so: similar keys then share a chunk and compress well).
 */
export async function writeSnapshot(
  db: Database,
  records: readonly StoredLine[],
  info: Omit<DataInfo, 'recordCount' | 'counts'>,
): Promise<LoadedData> {
  for (let i = 1; i < records.length; i++) {
    if (!((records[i - 1] as StoredLine).key < (records[i] as StoredLine).key)) {
      throw new FeedFormatError(`record ${i + 1}: keys are not sorted and unique`);
    }
  }
  const chunkCount = Math.ceil(records.length / RECORDS_PER_CHUNK);
  if (chunkCount > MAX_CHUNKS) throw new Error(`${records.length} records do not fit the index`);
  const hi = new Uint32Array(records.length);
  const lo = new Uint32Array(records.length);
  const chunks: StoredChunk[] = [];
  const fp = { hi: 0, lo16: 0 };
  for (let c = 0; c < chunkCount; c++) {
    const slice = records.slice(c * RECORDS_PER_CHUNK, (c + 1) * RECORDS_PER_CHUNK);
    chunks.push(await packChunk(c, slice));
    for (let i = 0; i < slice.length; i++) {
      fingerprint((slice[i] as StoredLine).key, fp);
      hi[c * RECORDS_PER_CHUNK + i] = fp.hi;
      lo[c * RECORDS_PER_CHUNK + i] = ((fp.lo16 << 16) | c) >>> 0;
    }
  }
  const index = PackedIndex.fromUnsorted(hi, lo);
  const { counts, names } = describe(records);
  const fullInfo = DataInfoSchema.parse({ ...info, recordCount: records.length, counts });
  const loaded: LoadedData = { info: fullInfo, index, names, nextChunk: chunkCount };

  const tx = db.transaction(['chunks', 'meta'], 'readwrite');
  tx.done.catch(() => undefined); // awaited in settle(); an abort must not surface unhandled
  const chunkStore = tx.objectStore('chunks');
  const meta = tx.objectStore('meta');
  await settle(tx, [
    chunkStore.clear(),
    ...chunks.map((chunk) => chunkStore.put(chunk)),
    ...writeMeta(meta, loaded),
  ]);
  return loaded;
}

/**
 * Applies a delta's operations (upserts and deletes, last one per key wins) on top of `current`.
 * Upserted records go to new chunks; the old copies stay as dead rows until the next snapshot.
 */
export async function writeDelta(
  db: Database,
  current: LoadedData,
  ops: readonly StoredOp[],
  info: Omit<DataInfo, 'recordCount' | 'counts'>,
): Promise<LoadedData> {
  if (!current.info) throw new DeltaNotApplicableError('there is no data to apply a delta to');
  const last = new Map<string, StoredLine | null>();
  for (const op of ops) last.set(op.key, op.op === 'upsert' ? op : null);
  const upserts = [...last.values()].filter((r): r is StoredLine => r !== null);
  upserts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const firstChunk = current.nextChunk;
  const chunkCount = Math.ceil(upserts.length / RECORDS_PER_CHUNK);
  if (firstChunk + chunkCount > MAX_CHUNKS) {
    throw new DeltaNotApplicableError('the chunk numbers are used up: a snapshot is needed');
  }

  const counts = { ...emptyCounts(), ...current.info.counts };
  const products = new Set(current.names.products);
  const domains = new Set(current.names.domains);
  for (const [key, record] of last) {
    const kind = kindOfKey(key);
    const existed = current.index.has(key);
    if (existed && !record) counts[kind]--;
    if (!existed && record) counts[kind]++;
    const set = kind === 'product' ? products : kind === 'domain' ? domains : null;
    const name = kind === 'domain' ? key.slice('domain:'.length) : key;
    if (set && record) set.add(name);
    else if (set) set.delete(name);
  }

  const chunks: StoredChunk[] = [];
  const added: Array<{ key: string; chunk: number }> = [];
  for (let c = 0; c < chunkCount; c++) {
    const slice = upserts.slice(c * RECORDS_PER_CHUNK, (c + 1) * RECORDS_PER_CHUNK);
    chunks.push(await packChunk(firstChunk + c, slice));
    for (const record of slice) added.push({ key: record.key, chunk: firstChunk + c });
  }
  const index = current.index.withChanges(last.keys(), added);
  const fullInfo = DataInfoSchema.parse({ ...info, recordCount: index.size, counts });
  const loaded: LoadedData = {
    info: fullInfo,
    index,
    names: { products: [...products], domains: [...domains] },
    nextChunk: firstChunk + chunkCount,
  };

  const tx = db.transaction(['chunks', 'meta'], 'readwrite');
  tx.done.catch(() => undefined); // awaited in settle(); an abort must not surface unhandled
  const chunkStore = tx.objectStore('chunks');
  await settle(tx, [
    ...chunks.map((chunk) => chunkStore.put(chunk)),
    ...writeMeta(tx.objectStore('meta'), loaded),
  ]);
  return loaded;
}

/** Replaces the data's description alone (e.g. the stale mark); the records are not touched. */
export async function writeInfo(db: Database, info: DataInfo): Promise<void> {
  await db.put('meta', DataInfoSchema.parse(info), META.data);
}

function writeMeta(
  meta: { put(value: unknown, key: string): Promise<unknown> },
  loaded: LoadedData,
): Promise<unknown>[] {
  return [
    meta.put(loaded.index.toBuffer(), META.index),
    meta.put(loaded.names, META.names),
    meta.put(loaded.nextChunk, META.nextChunk),
    meta.put(loaded.info, META.data),
  ];
}

/** Waits for the transaction; on any failure it is aborted, so nothing of it is kept. */
async function settle(
  tx: { done: Promise<void>; abort(): void },
  requests: Promise<unknown>[],
): Promise<void> {
  for (const request of requests) request.catch(() => undefined); // reported through tx.done
  try {
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw error;
  }
}

/**
 * Reads full records by key through the index, confirming each against the stored record: a
 * fingerprint match without the key in its chunk is no hit. Decompressed chunks are kept in a small
 * cache, since the records a page needs cluster in few chunks.
 */
export class RecordReader {
  private readonly cache = new Map<number, string>();

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
    const texts = await this.chunkTexts([...wanted.keys()]);
    // Newest chunk first: an upserted record beats the dead copy left in an older chunk.
    for (const [chunk, chunkKeys] of [...wanted].sort((a, b) => b[0] - a[0])) {
      const text = texts.get(chunk);
      if (text === undefined) continue;
      for (const key of chunkKeys) {
        const record = findRecord(text, key);
        if (record && !found.has(key)) found.set(key, record);
      }
    }
    return found;
  }

  private async chunkTexts(ids: number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const missing: number[] = [];
    for (const id of ids) {
      const cached = this.cache.get(id);
      if (cached !== undefined) out.set(id, cached);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const tx = this.db.transaction('chunks', 'readonly');
      const rows = await Promise.all(missing.map((id) => tx.objectStore('chunks').get(id)));
      for (const row of rows) {
        if (!row) continue;
        const text = decoder.decode(
          await decompress(toBytes(row.data), MAX_CHUNK_TEXT, 'deflate-raw'),
        );
        this.cache.set(row.id, text);
        out.set(row.id, text);
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
 * The record for `key` in a chunk's text, checked like any stored data, or null. Lines are stored as
 * the publisher wrote them, so the key is looked for wherever it sits in a line; a quote inside a
 * JSON string is escaped, so `"key":"…"` can only be a property, and the parsed key must match.
 */
function findRecord(text: string, key: string): FlagRecord | null {
  const needle = `"key":${JSON.stringify(key)}`;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at);
    try {
      const parsed = FlagRecordSchema.safeParse(
        JSON.parse(text.slice(start, end === -1 ? undefined : end)),
      );
      if (parsed.success && parsed.data.key === key) return parsed.data;
    } catch {
      // not a record line: keep looking
    }
  }
  return null;
}
