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

import { compress } from '../feed-format/gzip';
import type { ChunkParts } from '../feed-format/gzip-parts';
import { RECORDS_PER_BLOCK } from '../feed-format/manifest';
import { MAX_CHUNKS, PackedIndex } from '../lookup/packed-index';
import { type KeyKind, kindOfKey } from '../protocol/keys';
import { type DataInfo, DataInfoSchema } from '../protocol/records';
import type { Database, StoredChunk } from './database';

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

/** A delta's operations, validated, in order. */
export type StoredOp = ({ op: 'upsert' } & StoredLine) | { op: 'delete'; key: string };

export class DeltaNotApplicableError extends Error {
  override readonly name = 'DeltaNotApplicableError';
}

const encoder = new TextEncoder();

/** The gzip bytes of validated lines: one stored chunk. */
async function packBytes(entries: readonly StoredLine[]): Promise<Uint8Array<ArrayBuffer>> {
  return compress(encoder.encode(entries.map((entry) => entry.line).join('\n')), 'gzip');
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
    index: PackedIndex.fromBuffer(await indexBytes(rawIndex)),
    names: { products: stringsOf(rawProducts), domains: null },
    nextChunk: typeof rawNext === 'number' ? rawNext : 0,
  };
}

/**
 * The index blob's bytes. It is stored as a Blob: a cold worker in Chromium reads a 6 MB Blob value
 * in about two thirds of the time the same bytes take as an ArrayBuffer value. Data written before
 * holds an ArrayBuffer, which is read as it is.
 */
async function indexBytes(stored: unknown): Promise<ArrayBuffer> {
  if (stored instanceof Blob) return stored.arrayBuffer();
  if (stored instanceof ArrayBuffer) return stored;
  throw new Error('the index blob is missing');
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The listed domains (for the block rule and the warning page). */
export async function readDomains(db: Database): Promise<string[]> {
  return stringsOf(await db.get('meta', META.domains));
}

/** Counts and names of a full key set, for the data's description. */
export function describe(keys: Iterable<string>) {
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
  parts?: ChunkParts;
}

/** Packs validated records into chunks of RECORDS_PER_BLOCK. */
export async function packLines(records: readonly StoredLine[]): Promise<PackedChunk[]> {
  const chunks: PackedChunk[] = [];
  for (let at = 0; at < records.length; at += RECORDS_PER_BLOCK) {
    const slice = records.slice(at, at + RECORDS_PER_BLOCK);
    chunks.push({ data: await packBytes(slice), keys: slice.map((entry) => entry.key) });
  }
  return chunks;
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
  const chunkCount = Math.ceil(upserts.length / RECORDS_PER_BLOCK);
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
    const slice = upserts.slice(c * RECORDS_PER_BLOCK, (c + 1) * RECORDS_PER_BLOCK);
    chunks.push({ id: firstChunk + c, data: await packBytes(slice), count: slice.length });
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

export function writeMeta(
  meta: { put(value: unknown, key: string): Promise<unknown> },
  loaded: LoadedData,
): Promise<unknown>[] {
  return [
    meta.put(new Blob([loaded.index.toBuffer()]), META.index),
    meta.put(loaded.names.products, META.products),
    meta.put(loaded.names.domains ?? [], META.domains),
    meta.put(loaded.nextChunk, META.nextChunk),
    meta.put(loaded.info, META.data),
  ];
}

/** Waits for the transaction; on any failure it is aborted, so nothing of it is kept. */
export async function settle(
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
