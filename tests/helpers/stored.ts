import type { Database } from '../../utils/db/database';
import {
  type LoadedData,
  loadData,
  type PackedChunk,
  packLines,
  type StoredLine,
} from '../../utils/db/flag-store';
import { storeSnapshot } from '../../utils/db/snapshot-writer';
import type { DataInfo, FlagRecord } from '../../utils/protocol/records';

/** Records as the store keeps them: key and JSON line. */
export function toStoredLines(records: readonly FlagRecord[]): StoredLine[] {
  return records.map((record) => ({ key: record.key, line: JSON.stringify(record) }));
}

/** Stores records (sorted by key) as a snapshot, packed the way the client packs a plain one. */
export async function writeSnapshot(
  db: Database,
  records: readonly StoredLine[],
  info: Omit<DataInfo, 'recordCount' | 'counts'>,
): Promise<LoadedData> {
  return writeSnapshotChunks(db, await loadData(db), await packLines(records), info);
}

/** Replaces everything with these chunks (stored as they are), in one step. */
export function writeSnapshotChunks(
  db: Database,
  current: Pick<LoadedData, 'nextChunk'>,
  packed: readonly PackedChunk[],
  info: Omit<DataInfo, 'recordCount' | 'counts'>,
): Promise<LoadedData> {
  return storeSnapshot(
    db,
    current,
    { chunkCount: packed.length, fill: (add) => packed.forEach(add) },
    info,
  );
}
