/**
 * The in-memory index the background answers lookups from. Built from the database once per service
 * worker start and rebuilt after the data changes; a lookup is a batch of keys in, the records that
 * should be shown to a shopper out (never cleared ones, never expired ones).
 */
import type { Database } from '../db/database';
import { readAllFlags, readDataInfo } from '../db/flags';
import type { DataInfo, FlagRecord } from '../protocol/records';

export class LookupIndex {
  private constructor(
    private readonly byKey: ReadonlyMap<string, FlagRecord>,
    readonly data: DataInfo | null,
  ) {}

  static fromRecords(records: Iterable<FlagRecord>, data: DataInfo | null): LookupIndex {
    const byKey = new Map<string, FlagRecord>();
    for (const record of records) byKey.set(record.key, record);
    return new LookupIndex(byKey, data);
  }

  static async load(db: Database): Promise<LookupIndex> {
    const [{ records }, data] = await Promise.all([readAllFlags(db), readDataInfo(db)]);
    return LookupIndex.fromRecords(records, data);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The records to show for these keys, each at most once. */
  lookup(keys: readonly string[], now: Date = new Date()): FlagRecord[] {
    const hits: FlagRecord[] = [];
    for (const key of new Set(keys)) {
      const record = this.byKey.get(key);
      if (record && isShownToShoppers(record, now)) hits.push(record);
    }
    return hits;
  }
}

export function isShownToShoppers(record: FlagRecord, now: Date): boolean {
  if (record.status === 'cleared') return false;
  return record.expires === undefined || new Date(record.expires).getTime() > now.getTime();
}
