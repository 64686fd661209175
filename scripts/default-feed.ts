/**
 * The data the extension ships with (public/feed/), built from the sources kept in server/data/:
 * the ChongLuaDao scam-domain list, the authorities' decisions and the reserved demo records. Same
 * format as a published feed, unsigned: it travels inside the extension package, whose integrity the
 * browser checks. Deterministic: the same sources always give the same bytes. A build tool (run by
 * wxt.config.ts before every build, and by `npm run feed:default`): it reads the server's sources and
 * feed builder in Node, and nothing of it reaches the extension bundle.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBlockedSnapshot, buildManifest, sortRecords } from '../server/publish/feed-builder';
import { mergeSources, readShippedSources, SHIPPED_DATA_DIR } from '../server/sources/shipped';
import { parseNdjson } from '../utils/feed-format/ndjson';
import { type FlagRecord, FlagRecordSchema } from '../utils/protocol/records';

export { OFFICIAL_RECORDS_ADDED } from '../server/sources/shipped';
export const DEFAULT_SNAPSHOT_FILE = 'snapshot.ndjson.gz';
export const DEFAULT_PUBLISHER = 'Soi Hàng (ChongLuaDao.vn, cơ quan nhà nước, dữ liệu mẫu)';

export async function defaultRecords(): Promise<FlagRecord[]> {
  const [{ chongLuaDao, official }, demo] = await Promise.all([
    readShippedSources(),
    readFile(path.join(SHIPPED_DATA_DIR, 'demo-records.ndjson'), 'utf8'),
  ]);
  return sortRecords(
    mergeSources([...chongLuaDao, ...official, ...parseNdjson(demo, FlagRecordSchema)]),
  );
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
  const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');
  await writeDefaultFeed(publicDir);
  console.log(`wrote ${path.join(publicDir, 'feed')}`);
}
