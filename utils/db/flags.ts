/**
 * Reading and replacing the flag data. A replacement happens in one transaction over flags and meta:
 * either the new records and their description are both stored, or nothing changes.
 */
import {
  type DataInfo,
  DataInfoSchema,
  type FlagRecord,
  FlagRecordSchema,
} from '../protocol/records';
import type { Database } from './database';

const DATA_INFO = 'data';

export async function replaceAllFlags(
  db: Database,
  records: readonly FlagRecord[],
  info: DataInfo,
): Promise<void> {
  const checkedInfo = DataInfoSchema.parse(info); // before the transaction: a refusal writes nothing
  const tx = db.transaction(['flags', 'meta'], 'readwrite');
  // Requests are queued without awaiting each one; a failing request aborts the whole transaction.
  const requests: Promise<unknown>[] = [];
  try {
    const flags = tx.objectStore('flags');
    requests.push(flags.clear());
    for (const record of records) requests.push(flags.put(record));
    requests.push(tx.objectStore('meta').put(checkedInfo, DATA_INFO));
  } catch (error) {
    tx.done.catch(() => undefined); // the abort below is the outcome we report
    tx.abort(); // a synchronous throw (e.g. DataError on a missing key) would otherwise auto-commit
    throw error;
  } finally {
    for (const request of requests) request.catch(() => undefined); // reported through tx.done
  }
  await tx.done;
}

export async function readDataInfo(db: Database): Promise<DataInfo | null> {
  const parsed = DataInfoSchema.safeParse(await db.get('meta', DATA_INFO));
  return parsed.success ? parsed.data : null;
}

/** All stored records that still pass their schema; stored data is checked like any other input. */
export async function readAllFlags(
  db: Database,
): Promise<{ records: FlagRecord[]; invalid: number }> {
  const records: FlagRecord[] = [];
  let invalid = 0;
  for (const raw of await db.getAll('flags')) {
    const parsed = FlagRecordSchema.safeParse(raw);
    if (parsed.success) records.push(parsed.data);
    else invalid++;
  }
  return { records, invalid };
}
