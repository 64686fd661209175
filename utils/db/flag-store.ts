/**
 * The flag data as stored: records packed into compressed chunks, one packed fingerprint index, the
 * names lists the page-level checks need, and the data's description. Every change (a snapshot or a
 * delta) is prepared in memory first, then written in one transaction over chunks and meta: either
 * all of it lands or none of it does, and a worker stopped half-way leaves the previous data.
 *
 *   records ──512 a chunk──▶ JSON lines ──gzip──▶ chunks store (one row each)
 *   (a snapshot published in gzip blocks is stored block by block as it arrived)
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

/** Records per chunk the client packs itself (delta upserts, plain snapshots). */
export const RECORDS_PER_CHUNK = 512;
/** A decompressed chunk may not exceed this (a block of at most 4096 records of a few KB each). */
const MAX_CHUNK_TEXT = 64 * 1024 * 1024;

const META = {
  data: 'data',
  index: 'index',
  products: 'products',
  domains: 'domains',
  nextChunk: 'nextChunk',
} as const;

/** Keys the page-level checks need in full: product names (title matching) and scam domains. */
export interface NameLists {
  products: string[];
  /** Read only when needed (scam checks, rules): null until then, so a cold start skips it. */
  domains: string[] | null;
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
  return { id, data: await compress(encoder.encode(text), 'gzip'), count: entries.length };
}

function emptyCounts(): Record<KeyKind, number> {
  return { seller: 0, item: 0, domain: 0, phone: 0, bank: 0, product: 0 };
}

export async function loadData(db: Database): Promise<LoadedData> {
  const tx = db.transaction('meta', 'readonly');
  const meta = tx.objectStore('meta');
  const [rawInfo, rawIndex, rawProducts, rawNext] = await Promise.all([
    meta.get(META.data),
    meta.get(META.index),
    meta.get(META.products),
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
  return {
    info: info.data,
    index: PackedIndex.fromBuffer(rawIndex as ArrayBuffer),
    names: { products: stringsOf(rawProducts), domains: null },
    nextChunk: typeof rawNext === 'number' ? rawNext : 0,
  };
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The listed domains (for the block rule and the warning page). */
export async function readDomains(db: Database): Promise<string[]> {
  return stringsOf(await db.get('meta', META.domains));
}

/** Counts and names of a full key set, for the data's description. */
function describe(keys: Iterable<string>) {
  const counts = emptyCounts();
  const products: string[] = [];
  const domains: string[] = [];
  for (const key of keys) {
    const kind = kindOfKey(key);
    counts[kind]++;
    if (kind === 'product') products.push(key);
    else if (kind === 'domain') domains.push(key.slice('domain:'.length));
  }
  return { counts, names: { products, domains } satisfies NameLists };
}

/** Records already packed: the compressed bytes of one chunk and the keys of its lines, in order. */
export interface PackedChunk {
  data: Uint8Array;
  keys: readonly string[];
}

/** Packs validated records into chunks of RECORDS_PER_CHUNK. */
export async function packLines(records: readonly StoredLine[]): Promise<PackedChunk[]> {
  const chunks: PackedChunk[] = [];
  for (let at = 0; at < records.length; at += RECORDS_PER_CHUNK) {
    const slice = records.slice(at, at + RECORDS_PER_CHUNK);
    const { data } = await packChunk(0, slice);
    chunks.push({ data, keys: slice.map((entry) => entry.key) });
  }
  return chunks;
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
  return writeSnapshotChunks(db, await packLines(records), info);
}

/**
 * Replaces everything with these chunks, stored as they are: a feed whose snapshot comes in
 * independent gzip blocks is stored without compressing anything again.
 */
export async function writeSnapshotChunks(
  db: Database,
  packed: readonly PackedChunk[],
  info: Omit<DataInfo, 'recordCount' | 'counts'>,
): Promise<LoadedData> {
  if (packed.length > MAX_CHUNKS) throw new Error(`${packed.length} chunks do not fit the index`);
  let total = 0;
  for (const chunk of packed) total += chunk.keys.length;
  const hi = new Uint32Array(total);
  const lo = new Uint32Array(total);
  const chunks: StoredChunk[] = [];
  const fp = { hi: 0, lo16: 0 };
  let at = 0;
  let previous = '';
  for (let c = 0; c < packed.length; c++) {
    const { data, keys } = packed[c] as PackedChunk;
    chunks.push({ id: c, data, count: keys.length });
    for (const key of keys) {
      if (at > 0 && !(previous < key)) {
        throw new FeedFormatError(`record ${at + 1}: keys are not sorted and unique`);
      }
      previous = key;
      fingerprint(key, fp);
      hi[at] = fp.hi;
      lo[at] = ((fp.lo16 << 16) | c) >>> 0;
      at++;
    }
  }
  const index = PackedIndex.fromUnsorted(hi, lo);
  const { counts, names } = describe(packed.flatMap((chunk) => chunk.keys));
  const fullInfo = DataInfoSchema.parse({ ...info, recordCount: total, counts });
  const loaded: LoadedData = { info: fullInfo, index, names, nextChunk: packed.length };

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
  const domains = new Set(current.names.domains ?? (await readDomains(db)));
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

function writeMeta(
  meta: { put(value: unknown, key: string): Promise<unknown> },
  loaded: LoadedData,
): Promise<unknown>[] {
  return [
    meta.put(loaded.index.toBuffer(), META.index),
    meta.put(loaded.names.products, META.products),
    meta.put(loaded.names.domains ?? [], META.domains),
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
      // Inflated side by side: the streams overlap instead of waiting for each other.
      const texts = await Promise.all(
        rows.map(async (row) =>
          row ? decoder.decode(await decompress(toBytes(row.data), MAX_CHUNK_TEXT, 'gzip')) : null,
        ),
      );
      for (const [i, row] of rows.entries()) {
        const text = texts[i];
        if (!row || text == null) continue;
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
