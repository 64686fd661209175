/**
 * The shipped data held in memory, for a browser whose IndexedDB is unavailable (disabled, a
 * private window that refuses it) or full: the shopper is still warned, from the same checked
 * records, only nothing is kept between worker starts and the feed cannot update it.
 */
import { describe } from '../db/flag-store';
import { decompress } from '../feed-format/gzip';
import { forEachLine, parseLine } from '../feed-format/ndjson';
import type { DataInfo, FlagRecord } from '../protocol/records';
import { FlagRecordSchema } from '../protocol/records';
import { MAX_BYTES_PER_RECORD } from './block-check';
import {
  type PackageReader,
  readDefaultManifest,
  readShippedSnapshot,
  shippedInfo,
} from './default-data';
import { checkedSnapshot } from './feed-file';

export interface MemoryData {
  info: DataInfo;
  /** Records by key, read as RecordReader reads them from the database. */
  reader: { get(keys: Iterable<string>): Promise<Map<string, FlagRecord>> };
  names: { products: string[]; domains: string[] };
}

/** Reads and checks the shipped snapshot, every record through its schema, into memory. */
export async function loadShippedIntoMemory(
  read: PackageReader,
  now: () => Date,
): Promise<MemoryData> {
  const manifest = await readDefaultManifest(read);
  const bytes = await readShippedSnapshot(read, manifest);
  const chunks: Uint8Array[] = [];
  await checkedSnapshot(bytes, manifest.snapshot).fill((chunk) => chunks.push(chunk.data));
  const records = new Map<string, FlagRecord>();
  for (const chunk of chunks) {
    const text = await decompress(
      chunk as Uint8Array<ArrayBuffer>,
      manifest.snapshot.count * MAX_BYTES_PER_RECORD,
      'gzip',
    );
    forEachLine(text, (line, n) => {
      const record = parseLine(line, n, FlagRecordSchema);
      records.set(record.key, record);
    });
  }
  const { counts, names } = describe(records.keys());
  return {
    info: { ...shippedInfo(manifest, now), recordCount: records.size, counts },
    reader: {
      get: async (keys) => {
        const found = new Map<string, FlagRecord>();
        for (const key of keys) {
          const record = records.get(key);
          if (record) found.set(key, record);
        }
        return found;
      },
    },
    names,
  };
}
