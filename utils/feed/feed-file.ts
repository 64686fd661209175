/**
 * Checking and reading one feed file (snapshot or delta), whether downloaded or shipped in the
 * package: its size and sha256 against the manifest, gzip within bounds, every line against its
 * schema. Every failure is a SyncError naming the file.
 */
import type { Database } from '../db/database';
import { type LoadedData, type PackedChunk, packLines, type StoredLine } from '../db/flag-store';
import { SnapshotWriter } from '../db/snapshot-writer';
import type { DataInfo } from '../protocol/records';
import { FlagRecordSchema } from '../protocol/records';
import { decompress, SizeLimitError } from './gzip';
import { findPartOffsets } from './gzip-parts';
import { sha256Hex } from './hash';
import { type FeedFile, MAX_RECORDS_PER_BLOCK, RECORDS_PER_BLOCK } from './manifest';
import { FeedFormatError, forEachLine, parseLine } from './ndjson';
import { SyncError } from './sync-error';

/** Decompressed output allowed per record: generous for any real record, fatal for a gzip bomb. */
const MAX_BYTES_PER_RECORD = 16 * 1024;
/** Snapshot blocks inflated ahead of the one being checked. */
const INFLATE_AHEAD = 4;

/** Checks downloaded or packaged bytes against the manifest's size and sha256. */
export async function checkFile(
  bytes: Uint8Array<ArrayBuffer>,
  file: FeedFile,
  url: string = file.url,
): Promise<Uint8Array<ArrayBuffer>> {
  if (bytes.byteLength !== file.bytes) {
    throw new SyncError(
      'hash_mismatch',
      `${url} is ${bytes.byteLength} bytes, manifest says ${file.bytes}`,
    );
  }
  if ((await sha256Hex(bytes)) !== file.sha256) {
    throw new SyncError('hash_mismatch', `${url} does not match the sha256 in the manifest`);
  }
  return bytes;
}

export async function inflate(bytes: Uint8Array<ArrayBuffer>, file: FeedFile): Promise<Uint8Array> {
  try {
    return await decompress(bytes, file.count * MAX_BYTES_PER_RECORD + 1024 * 1024, 'gzip');
  } catch (error) {
    const reason =
      error instanceof SizeLimitError ? 'expands beyond its record count' : 'is not valid gzip';
    throw new SyncError('bad_gzip', `${file.url} ${reason}`);
  }
}

/** Every line of a snapshot checked against the record schema, kept as received for storage. */
export function parseRecordLines(text: Uint8Array, file: FeedFile): StoredLine[] {
  return parseAll(text, file, (line, n) => ({
    key: parseLine(line, n, FlagRecordSchema).key,
    line,
  }));
}

/** The number of chunks a snapshot is stored in. */
export const chunkCountOf = (file: FeedFile): number =>
  file.blocks?.length ?? Math.ceil(file.count / RECORDS_PER_BLOCK);

/**
 * Checks a snapshot and hands it on chunk by chunk, in order: when it comes in gzip blocks, every
 * block is inflated and every record in it checked, and the block is handed on as it is (one stored
 * chunk); otherwise the whole file is inflated, checked and packed again.
 */
export async function snapshotChunks(
  bytes: Uint8Array<ArrayBuffer>,
  file: FeedFile,
  onChunk: (chunk: PackedChunk) => void,
): Promise<void> {
  if (!file.blocks) {
    for (const chunk of await packLines(parseRecordLines(await inflate(bytes, file), file))) {
      onChunk(chunk);
    }
    return;
  }
  const offsets = file.blocks;
  let count = 0;
  let lineNumber = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const blockAt = (b: number) => bytes.subarray(offsets[b], offsets[b + 1] ?? bytes.byteLength);
  // Blocks are inflated a few ahead of the one being checked: the streams do their work while
  // this loop parses, instead of one after the other.
  const inflating: Array<Promise<Uint8Array> | undefined> = [];
  const startInflating = (b: number) => {
    if (b >= offsets.length || inflating[b]) return;
    const promise = decompress(blockAt(b), MAX_RECORDS_PER_BLOCK * MAX_BYTES_PER_RECORD, 'gzip');
    promise.catch(() => undefined); // awaited below, in order
    inflating[b] = promise;
  };
  for (let b = 0; b < INFLATE_AHEAD; b++) startInflating(b);
  for (let b = 0; b < offsets.length; b++) {
    const block = blockAt(b);
    startInflating(b + INFLATE_AHEAD);
    let text: string;
    try {
      text = decoder.decode(await (inflating[b] as Promise<Uint8Array>));
    } catch {
      throw new SyncError('bad_gzip', `${file.url}: block ${b + 1} is not valid gzip`);
    }
    inflating[b] = undefined;
    const keys: string[] = [];
    try {
      for (const line of text.split('\n')) {
        lineNumber++;
        if (line.length > 0 && line !== '\r')
          keys.push(parseLine(line, lineNumber, FlagRecordSchema).key);
      }
    } catch (error) {
      if (error instanceof FeedFormatError) {
        throw new SyncError('invalid_record', `${file.url}: ${error.message}`);
      }
      throw error;
    }
    if (keys.length > MAX_RECORDS_PER_BLOCK) {
      throw new SyncError(
        'invalid_record',
        `${file.url}: block ${b + 1} holds more than ${MAX_RECORDS_PER_BLOCK} records`,
      );
    }
    count += keys.length;
    if (count > file.count) break;
    const data = block.slice();
    const parts = file.partRecords ? partsOf(data, keys, file.partRecords) : undefined;
    onChunk(parts ? { data, keys, parts } : { data, keys });
  }
  if (count !== file.count) {
    throw new SyncError(
      'invalid_record',
      `${file.url} has ${count > file.count ? 'more than' : count} records, manifest says ${file.count}`,
    );
  }
}

/**
 * Where a block's flushed parts are and the first key of each. The keys' order is checked when the
 * snapshot is committed (snapshot-writer.ts), which refuses the whole snapshot if they are not
 * sorted.
 */
function partsOf(data: Uint8Array, keys: readonly string[], partRecords: number) {
  const offsets = findPartOffsets(data, Math.ceil(keys.length / partRecords));
  if (!offsets) return undefined;
  const firstKeys: string[] = [];
  for (let at = 0; at < keys.length; at += partRecords) firstKeys.push(keys[at] as string);
  return { offsets, firstKeys };
}

/**
 * Checks a snapshot and stores it as it goes, beside the data `current` describes, then switches to
 * it in one transaction. A refused snapshot leaves the current data exactly as it was.
 */
export async function storeSnapshot(
  db: Database,
  current: Pick<LoadedData, 'nextChunk'>,
  bytes: Uint8Array<ArrayBuffer>,
  file: FeedFile,
  info: Omit<DataInfo, 'recordCount' | 'counts'>,
  timings?: { checked: number },
): Promise<LoadedData> {
  const writer = await SnapshotWriter.open(db, current, chunkCountOf(file));
  try {
    await snapshotChunks(bytes, file, (chunk) => writer.add(chunk));
    if (timings) timings.checked = performance.now();
    return await writer.commit(info);
  } catch (error) {
    await writer.discard();
    throw error;
  }
}

export function parseAll<T>(
  text: Uint8Array,
  file: FeedFile,
  parse: (line: string, n: number) => T,
): T[] {
  const out: T[] = [];
  try {
    forEachLine(text, (line, n) => out.push(parse(line, n)));
  } catch (error) {
    if (error instanceof FeedFormatError)
      throw new SyncError('invalid_record', `${file.url}: ${error.message}`);
    throw error;
  }
  if (out.length !== file.count) {
    throw new SyncError(
      'invalid_record',
      `${file.url} has ${out.length} lines, manifest says ${file.count}`,
    );
  }
  return out;
}
