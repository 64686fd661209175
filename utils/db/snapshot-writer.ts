/**
 * Writing a snapshot while it is still being checked. Each checked chunk is put at once, a few per
 * small transaction, under chunk numbers the current data does not use, so the browser stores them
 * on its own thread while the worker checks the next ones. The switch is one final transaction:
 * the new index and description, and the deletion of every chunk outside the new range.
 *
 * Until that transaction the current data is whole: its meta and its chunks are untouched. A
 * refused snapshot deletes what it staged (`discard`); chunks left by a worker stopped half-way are
 * referenced by nothing, are overwritten by the next write to their numbers and removed by the next
 * snapshot. When no free range is left, nothing is staged and everything is written at the switch.
 */
import { FeedFormatError } from '../feed-format/ndjson';
import { fingerprint } from '../lookup/fingerprint';
import { MAX_CHUNKS, PackedIndex } from '../lookup/packed-index';
import { type DataInfo, DataInfoSchema } from '../protocol/records';
import type { Database, StoredChunk } from './database';
import { describe, type LoadedData, type PackedChunk, settle, writeMeta } from './flag-store';

/** A snapshot as its checker hands it over: how many chunks at most, and the chunks in key order. */
export interface SnapshotSource {
  chunkCount: number;
  fill(add: (chunk: PackedChunk) => void): Promise<void> | void;
}

/**
 * Stores the snapshot `source` hands over beside the data `current` describes, then switches to it
 * in one transaction; if filling or the switch fails, what was staged is deleted and the error goes
 * on, so a refused snapshot leaves the current data exactly as it was.
 */
export async function storeSnapshot(
  db: Database,
  current: Pick<LoadedData, 'nextChunk'>,
  source: SnapshotSource,
  info: Omit<DataInfo, 'recordCount' | 'counts'>,
): Promise<LoadedData> {
  const writer = await SnapshotWriter.open(db, current, source.chunkCount);
  try {
    await source.fill((chunk) => writer.add(chunk));
    return await writer.commit(info);
  } catch (error) {
    await writer.discard();
    throw error;
  }
}

/** Chunks per staging transaction: fewer transactions, still small enough to overlap the checks. */
const CHUNKS_PER_TRANSACTION = 8;

export class SnapshotWriter {
  private readonly keys: Array<readonly string[]> = [];
  /** Chunks waiting for a staging transaction, or for the switch when nothing can be staged. */
  private pending: StoredChunk[] = [];
  private readonly staged: Promise<void>[] = [];

  private constructor(
    private readonly db: Database,
    /** First chunk number of the new data; null: no free range, write everything at the switch. */
    private readonly start: number | null,
    private readonly capacity: number,
  ) {}

  /** A writer for a snapshot of at most `chunkCount` chunks, beside the data `current` describes. */
  static async open(
    db: Database,
    current: Pick<LoadedData, 'nextChunk'>,
    chunkCount: number,
  ): Promise<SnapshotWriter> {
    if (chunkCount > MAX_CHUNKS) throw new Error(`${chunkCount} chunks do not fit the index`);
    if (current.nextChunk + chunkCount <= MAX_CHUNKS) {
      return new SnapshotWriter(db, current.nextChunk, chunkCount);
    }
    const lowest = await db.transaction('chunks').store.openKeyCursor();
    const lowestLive = lowest ? lowest.key : MAX_CHUNKS;
    return new SnapshotWriter(db, chunkCount <= lowestLive ? 0 : null, chunkCount);
  }

  /** Takes the next checked chunk (in key order); staged at once when a range is free. */
  add(chunk: PackedChunk): void {
    if (this.keys.length >= this.capacity) {
      throw new FeedFormatError(`more than the ${this.capacity} chunks the snapshot declared`);
    }
    this.pending.push({
      id: (this.start ?? 0) + this.keys.length,
      data: chunk.data,
      count: chunk.keys.length,
      ...(chunk.parts ? { parts: chunk.parts } : {}),
    });
    this.keys.push(chunk.keys);
    if (this.start !== null && this.pending.length >= CHUNKS_PER_TRANSACTION) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const tx = this.db.transaction('chunks', 'readwrite');
    for (const chunk of this.pending) tx.store.put(chunk).catch(() => undefined);
    this.pending = [];
    const done = tx.done;
    done.catch(() => undefined); // awaited in commit()
    this.staged.push(done);
  }

  /** Builds the index and switches to the new data in one transaction. */
  async commit(info: Omit<DataInfo, 'recordCount' | 'counts'>): Promise<LoadedData> {
    if (this.start !== null) this.flush();
    const start = this.start ?? 0;
    let total = 0;
    for (const keys of this.keys) total += keys.length;
    const hi = new Uint32Array(total);
    const lo = new Uint32Array(total);
    const fp = { hi: 0, lo16: 0 };
    let at = 0;
    let previous = '';
    for (let c = 0; c < this.keys.length; c++) {
      for (const key of this.keys[c] as readonly string[]) {
        if (at > 0 && !(previous < key)) {
          throw new FeedFormatError(`record ${at + 1}: keys are not sorted and unique`);
        }
        previous = key;
        fingerprint(key, fp);
        hi[at] = fp.hi;
        lo[at] = ((fp.lo16 << 16) | (start + c)) >>> 0;
        at++;
      }
    }
    const index = PackedIndex.fromUnsorted(hi, lo);
    const { counts, names } = describe(this.keys.flat());
    const fullInfo = DataInfoSchema.parse({ ...info, recordCount: total, counts });
    const end = start + this.keys.length;
    const loaded: LoadedData = { info: fullInfo, index, names, nextChunk: end };
    await Promise.all(this.staged);

    const tx = this.db.transaction(['chunks', 'meta'], 'readwrite');
    tx.done.catch(() => undefined); // awaited in settle(); an abort must not surface unhandled
    const chunks = tx.objectStore('chunks');
    await settle(tx, [
      ...(start > 0 ? [chunks.delete(IDBKeyRange.upperBound(start, true))] : []),
      chunks.delete(IDBKeyRange.lowerBound(end)),
      ...this.pending.map((chunk) => chunks.put(chunk)),
      ...writeMeta(tx.objectStore('meta'), loaded),
    ]);
    return loaded;
  }

  /** Removes what was staged; the current data was never touched. */
  async discard(): Promise<void> {
    this.pending = [];
    if (this.start === null || this.keys.length === 0) return;
    await Promise.allSettled(this.staged);
    await this.db.delete(
      'chunks',
      IDBKeyRange.bound(this.start, this.start + this.keys.length, false, true),
    );
  }
}
