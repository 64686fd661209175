/**
 * Checking and reading one feed file (snapshot or delta), whether downloaded or shipped in the
 * package: its size and sha256 against the manifest, gzip within bounds, every line against its
 * schema. Every failure is a SyncError naming the file.
 */
import { type PackedChunk, packLines, type StoredLine } from '../db/flag-store';
import type { SnapshotSource } from '../db/snapshot-writer';
import { decompress, SizeLimitError } from '../feed-format/gzip';
import { sha256Hex } from '../feed-format/hash';
import { type FeedFile, MAX_RECORDS_PER_BLOCK, RECORDS_PER_BLOCK } from '../feed-format/manifest';
import { FeedFormatError, forEachLine, parseLine } from '../feed-format/ndjson';
import { FlagRecordSchema } from '../protocol/records';
import { type BlockCheck, checkBlock, MAX_BYTES_PER_RECORD } from './block-check';
import { SyncError } from './sync-error';

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

/** Checks blocks: in this thread (`checkBlock`) or in check workers (check-pool.ts). */
export interface BlockChecker {
  check(block: Uint8Array<ArrayBuffer>, partRecords?: number): Promise<BlockCheck>;
  /** Blocks worth having in flight at once. */
  readonly ahead: number;
}

/** In this thread: blocks are inflated a few ahead, so the streams work while lines are parsed. */
export const checkHere: BlockChecker = { check: checkBlock, ahead: 4 };

/**
 * Checks a snapshot and hands it on chunk by chunk, in order: when it comes in gzip blocks, every
 * block is inflated and every record in it checked (by `checker`, a few blocks ahead of the one
 * handed on), and the block is handed on as it is (one stored chunk); otherwise the whole file is
 * inflated, checked and packed again.
 */
export async function snapshotChunks(
  bytes: Uint8Array<ArrayBuffer>,
  file: FeedFile,
  onChunk: (chunk: PackedChunk) => void,
  checker: BlockChecker = checkHere,
): Promise<void> {
  if (!file.blocks) {
    for (const chunk of await packLines(parseRecordLines(await inflate(bytes, file), file))) {
      onChunk(chunk);
    }
    return;
  }
  const offsets = file.blocks;
  let count = 0;
  let linesBefore = 0;
  const blockAt = (b: number) => bytes.subarray(offsets[b], offsets[b + 1] ?? bytes.byteLength);
  const checking: Array<Promise<BlockCheck> | undefined> = [];
  const startChecking = (b: number) => {
    if (b >= offsets.length || checking[b]) return;
    const promise = checker.check(blockAt(b), file.partRecords);
    promise.catch(() => undefined); // awaited below, in order
    checking[b] = promise;
  };
  for (let b = 0; b < checker.ahead; b++) startChecking(b);
  for (let b = 0; b < offsets.length; b++) {
    startChecking(b + checker.ahead);
    const result = await (checking[b] as Promise<BlockCheck>);
    checking[b] = undefined;
    if (!result.ok) {
      if (result.problem === 'gzip') {
        throw new SyncError('bad_gzip', `${file.url}: block ${b + 1} is not valid gzip`);
      }
      throw new SyncError(
        'invalid_record',
        result.problem === 'record'
          ? `${file.url}: line ${linesBefore + result.line}: ${result.detail}`
          : `${file.url}: block ${b + 1} holds more than ${MAX_RECORDS_PER_BLOCK} records`,
      );
    }
    linesBefore += result.lines;
    count += result.keys.length;
    if (count > file.count) break;
    const data = blockAt(b).slice();
    onChunk(
      result.parts ? { data, keys: result.keys, parts: result.parts } : { data, keys: result.keys },
    );
  }
  if (count !== file.count) {
    throw new SyncError(
      'invalid_record',
      `${file.url} has ${count > file.count ? 'more than' : count} records, manifest says ${file.count}`,
    );
  }
}

/**
 * A snapshot as the database stores it (`storeSnapshot`): its chunks checked on the way, a few
 * blocks ahead of the one handed on, so the browser stores while the checker works.
 */
export function checkedSnapshot(
  bytes: Uint8Array<ArrayBuffer>,
  file: FeedFile,
  options: { timings?: { checked: number }; checker?: BlockChecker } = {},
): SnapshotSource {
  return {
    chunkCount: chunkCountOf(file),
    fill: async (add) => {
      await snapshotChunks(bytes, file, add, options.checker);
      if (options.timings) options.timings.checked = performance.now();
    },
  };
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
