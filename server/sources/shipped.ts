/**
 * The real sources the extension ships (server/data/): the ChongLuaDao scam-domain list and the
 * authorities' decisions, as flag records. The extension's shipped snapshot is built from them (with
 * the reserved demo records, scripts/default-feed.ts), and a registry with an empty database imports them on
 * its first start, so its first feed never holds less than what every extension already ships.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FlagRecord, FlagRecordSchema } from '../../utils/protocol/records';
import { chongLuaDaoRecords, parseDomainList } from './chongluadao';
import { officialRecords } from './official-records';

export const SHIPPED_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../data',
);
/** When the official-records dataset was added here; dates the few notices with no full date. */
export const OFFICIAL_RECORDS_ADDED = '2026-11-28';

/**
 * One record a key, checked: an authority's decision on a domain outranks the community list's
 * entry for it; otherwise the first one given stays.
 */
export function mergeSources(records: readonly FlagRecord[]): FlagRecord[] {
  const byKey = new Map<string, FlagRecord>();
  for (const record of records) {
    const held = byKey.get(record.key);
    if (!held || held.authority === 'ChongLuaDao.vn')
      byKey.set(record.key, FlagRecordSchema.parse(record));
  }
  return [...byKey.values()];
}

export interface ShippedSources {
  chongLuaDao: FlagRecord[];
  official: FlagRecord[];
}

/** The two real sources, each as records (not yet merged). */
export async function readShippedSources(dir = SHIPPED_DATA_DIR): Promise<ShippedSources> {
  const [domains, official] = await Promise.all([
    readFile(path.join(dir, 'chongluadao/vn-badsite-filter-domains.txt'), 'utf8'),
    readFile(path.join(dir, 'official-records/records.ndjson'), 'utf8'),
  ]);
  return {
    chongLuaDao: chongLuaDaoRecords(parseDomainList(domains)),
    official: officialRecords(official, OFFICIAL_RECORDS_ADDED),
  };
}
