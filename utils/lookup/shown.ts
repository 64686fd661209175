/** Which records shoppers are told about at all (the lookup's and the block list's one rule). */
import type { FlagRecord } from '../protocol/records';

/** Whether shoppers are told about a record: never cleared ones, never expired ones. */
export function isShownToShoppers(record: FlagRecord, now: Date): boolean {
  if (record.status === 'cleared') return false;
  return record.expires === undefined || new Date(record.expires).getTime() > now.getTime();
}
