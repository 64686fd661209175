/**
 * Building a feed (DESIGN.md §5), shared by the publisher tool, the registry server and the tests:
 * sorted, gzip NDJSON snapshots, deltas between two record sets, and the signed manifest. Never
 * bundled into the extension.
 */

import { compress, concatBytes } from '../../utils/feed-format/gzip';
import { sha256Hex } from '../../utils/feed-format/hash';
import {
  type DeltaFile,
  type DeltaOp,
  FEED_FORMAT,
  type FeedFile,
  type FeedIdentity,
  type FeedManifest,
  FeedManifestSchema,
  RECORDS_PER_BLOCK,
  RECORDS_PER_PART,
} from '../../utils/feed-format/manifest';
import { sign } from '../../utils/feed-format/signature';
import type { FlagRecord } from '../../utils/protocol/records';
import { gzipInParts } from './gzip-parts-writer';

const encoder = new TextEncoder();

export function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Sorted by key; a key given twice is an error (the caller merges records first). */
export function sortRecords(records: readonly FlagRecord[]): FlagRecord[] {
  const sorted = [...records].sort(byKey);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i - 1]?.key === sorted[i]?.key)
      throw new Error(`key given twice: ${sorted[i]?.key}`);
  }
  return sorted;
}

const linesOf = (values: readonly unknown[]) =>
  encoder.encode(values.map((value) => `${JSON.stringify(value)}\n`).join(''));

export function gzipLines(values: readonly unknown[]): Promise<Uint8Array<ArrayBuffer>> {
  return compress(linesOf(values), 'gzip');
}

export interface BuiltFile {
  ref: FeedFile;
  bytes: Uint8Array<ArrayBuffer>;
}

export async function buildFile(url: string, values: readonly unknown[]): Promise<BuiltFile> {
  const bytes = await gzipLines(values);
  return {
    ref: { url, sha256: await sha256Hex(bytes), bytes: bytes.byteLength, count: values.length },
    bytes,
  };
}

/**
 * A snapshot as a series of gzip members of RECORDS_PER_BLOCK lines each, their offsets listed in
 * the manifest: still one valid gzip NDJSON file, and clients store each block without
 * recompressing it. Each member is flushed every RECORDS_PER_PART lines (gzip-parts.ts), so a
 * lookup inflates a part of a stored block instead of all of it.
 */
export async function buildBlockedSnapshot(
  url: string,
  records: readonly FlagRecord[],
  /** The records' lines (`JSON.stringify` of each), when the caller already has them. */
  serialised?: readonly string[],
): Promise<BuiltFile> {
  if (records.length === 0) return buildFile(url, []);
  const lines = serialised ?? records.map((record) => JSON.stringify(record));
  const members: Uint8Array[] = [];
  const blocks: number[] = [];
  let size = 0;
  for (let at = 0; at < lines.length; at += RECORDS_PER_BLOCK) {
    const block = lines.slice(at, at + RECORDS_PER_BLOCK);
    const parts: Uint8Array[] = [];
    for (let p = 0; p < block.length; p += RECORDS_PER_PART) {
      parts.push(encoder.encode(`${block.slice(p, p + RECORDS_PER_PART).join('\n')}\n`));
    }
    const member = gzipInParts(parts);
    blocks.push(size);
    members.push(member);
    size += member.byteLength;
  }
  const bytes = concatBytes(members);
  return {
    ref: {
      url,
      sha256: await sha256Hex(bytes),
      bytes: size,
      count: records.length,
      blocks,
      partRecords: RECORDS_PER_PART,
    },
    bytes,
  };
}

/**
 * The key of a snapshot line. Our lines begin with the key (records are written in schema order),
 * so a pattern finds it without parsing the line; any other line is parsed.
 */
const LEADING_KEY = /^\{"key":"([^"\\]*)"/;
export function keyOfLine(line: string): string {
  const match = LEADING_KEY.exec(line);
  if (match?.[1] !== undefined) return match[1];
  const key = (JSON.parse(line) as { key?: unknown }).key;
  if (typeof key !== 'string') throw new Error('a snapshot line without a key');
  return key;
}

/**
 * What changed between two snapshots given as their lines: upserts for the records whose line is
 * new or differs, deletes for keys no longer there. Comparing lines spares parsing the previous
 * snapshot (which this publisher wrote) record by record.
 */
export function diffLines(
  before: Iterable<string>,
  after: readonly FlagRecord[],
  afterLines: readonly string[],
): DeltaOp[] {
  const old = new Map<string, string>();
  for (const line of before) if (line) old.set(keyOfLine(line), line);
  const ops: DeltaOp[] = [];
  after.forEach((record, index) => {
    if (old.get(record.key) !== afterLines[index]) ops.push({ op: 'upsert', record });
    old.delete(record.key);
  });
  for (const key of old.keys()) ops.push({ op: 'delete', key });
  return ops;
}

/** What changed from `before` to `after`: upserts for new or changed records, deletes for gone ones. */
export function diffRecords(
  before: readonly FlagRecord[],
  after: readonly FlagRecord[],
): DeltaOp[] {
  const old = new Map(before.map((record) => [record.key, JSON.stringify(record)]));
  const ops: DeltaOp[] = [];
  const seen = new Set<string>();
  for (const record of after) {
    seen.add(record.key);
    if (old.get(record.key) !== JSON.stringify(record)) ops.push({ op: 'upsert', record });
  }
  for (const key of old.keys()) if (!seen.has(key)) ops.push({ op: 'delete', key });
  return ops;
}

export interface ManifestInput {
  sequence: number;
  publisher: string;
  publishedAt: string;
  expiresAt: string;
  snapshot: FeedFile;
  deltas: DeltaFile[];
  minSyncMinutes?: number;
  feed?: FeedIdentity;
  /** The feed stands in for the extension's shipped data, however few records it holds. */
  replacesShipped?: boolean;
}

export function buildManifest(input: ManifestInput): {
  manifest: FeedManifest;
  bytes: Uint8Array<ArrayBuffer>;
} {
  const manifest = FeedManifestSchema.parse({ format: FEED_FORMAT, ...input });
  return { manifest, bytes: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`) };
}

/** The detached signature file's content for these manifest bytes. */
export function signManifest(bytes: Uint8Array<ArrayBuffer>, privateKey: string): Promise<string> {
  return sign(bytes, privateKey);
}
