/**
 * The data the extension ships with (public/feed/), built from the sources kept in server/data/:
 * the ChongLuaDao scam-domain list, the authorities' decisions and the reserved demo records. Same
 * format as a published feed, unsigned: it travels inside the extension package, whose integrity the
 * browser checks. Deterministic: the same sources always give the same bytes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNdjson } from '../../utils/feed-format/ndjson';
import { type FlagRecord, FlagRecordSchema } from '../../utils/protocol/records';
import { chongLuaDaoRecords, parseDomainList } from '../sources/chongluadao';
import { officialRecords } from '../sources/official-records';
import { buildBlockedSnapshot, buildManifest, sortRecords } from './publish';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');
/** When the official-records dataset was added here; dates the few notices with no full date. */
export const OFFICIAL_RECORDS_ADDED = '2026-11-28';
export const DEFAULT_SNAPSHOT_FILE = 'snapshot.ndjson.gz';
export const DEFAULT_PUBLISHER = 'Soi Hàng (ChongLuaDao.vn, cơ quan nhà nước, dữ liệu mẫu)';

export async function defaultRecords(): Promise<FlagRecord[]> {
  const [domains, official, demo] = await Promise.all([
    readFile(path.join(DATA, 'chongluadao/vn-badsite-filter-domains.txt'), 'utf8'),
    readFile(path.join(DATA, 'official-records/records.ndjson'), 'utf8'),
    readFile(path.join(DATA, 'demo-records.ndjson'), 'utf8'),
  ]);
  const records = [
    ...chongLuaDaoRecords(parseDomainList(domains)),
    ...officialRecords(official, OFFICIAL_RECORDS_ADDED),
    ...parseNdjson(demo, FlagRecordSchema),
  ];
  // An authority's decision on a domain outranks the community list's entry for it.
  const byKey = new Map<string, FlagRecord>();
  for (const record of records) {
    const held = byKey.get(record.key);
    if (!held || held.authority === 'ChongLuaDao.vn')
      byKey.set(record.key, FlagRecordSchema.parse(record));
  }
  return sortRecords([...byKey.values()]);
}

export interface DefaultFeed {
  manifestBytes: Uint8Array<ArrayBuffer>;
  snapshotBytes: Uint8Array<ArrayBuffer>;
  records: FlagRecord[];
}

export async function buildDefaultFeed(): Promise<DefaultFeed> {
  const records = await defaultRecords();
  const snapshot = await buildBlockedSnapshot(DEFAULT_SNAPSHOT_FILE, records);
  const newest =
    records
      .map((r) => r.updated)
      .sort()
      .at(-1) ?? '2026-01-01';
  const publishedAt = new Date(`${newest.slice(0, 10)}T00:00:00Z`);
  const { bytes } = buildManifest({
    sequence: 1,
    publisher: DEFAULT_PUBLISHER,
    publishedAt: publishedAt.toISOString(),
    // The shipped data is never "expired": it is what the package holds, shown with its date.
    expiresAt: new Date(publishedAt.getTime() + 100 * 365 * 86_400_000).toISOString(),
    snapshot: snapshot.ref,
    deltas: [],
  });
  return { manifestBytes: bytes, snapshotBytes: snapshot.bytes, records };
}

/** Writes public/feed/manifest.json and the snapshot; called by the build (wxt.config.ts). */
export async function writeDefaultFeed(publicDir: string): Promise<void> {
  const feed = await buildDefaultFeed();
  const dir = path.join(publicDir, 'feed');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, DEFAULT_SNAPSHOT_FILE), feed.snapshotBytes);
  await writeFile(path.join(dir, 'manifest.json'), feed.manifestBytes);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public');
  await writeDefaultFeed(publicDir);
  console.log(`wrote ${path.join(publicDir, 'feed')}`);
}
