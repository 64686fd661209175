/**
 * The data the extension ships with (public/feed/, built by scripts/default-feed.ts), so it
 * warns offline from the very first run. Same format as the published feed; it is not signed, since
 * it comes inside the package. Its size, hash and every record are still checked before storing.
 */
import type { Database } from '../db/database';
import { type LoadedData, loadData } from '../db/flag-store';
import { storeSnapshot } from '../db/snapshot-writer';
import { type FeedManifest, FeedManifestSchema } from '../feed-format/manifest';
import { FeedFormatError } from '../feed-format/ndjson';
import { checkedSnapshot, checkFile } from './feed-file';

const DEFAULT_MANIFEST_PATH = '/feed/manifest.json';

/** Reads a file shipped in the extension package by its path. */
export type PackageReader = (path: string) => Promise<ArrayBuffer>;

export async function readDefaultManifest(read: PackageReader): Promise<FeedManifest> {
  const bytes = await read(DEFAULT_MANIFEST_PATH);
  const parsed = FeedManifestSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  if (!parsed.success) throw new FeedFormatError(`default manifest: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Loads the shipped data unless the database holds feed data or this very snapshot already.
 * Returns what the database holds afterwards. A failure leaves the database as it was.
 */
export async function ensureDefaultData(
  db: Database,
  read: PackageReader,
  now: () => Date = () => new Date(),
  current?: LoadedData,
): Promise<LoadedData> {
  const held = current ?? (await loadData(db));
  const manifest = await readDefaultManifest(read);
  if (held.info?.source === 'feed' || held.info?.digest === manifest.snapshot.sha256) return held;
  const bytes = await readShippedSnapshot(read, manifest);
  return storeSnapshot(
    db,
    held,
    checkedSnapshot(bytes, manifest.snapshot),
    shippedInfo(manifest, now),
  );
}

/** The shipped snapshot's bytes, checked against the shipped manifest's size and sha256. */
export async function readShippedSnapshot(
  read: PackageReader,
  manifest: FeedManifest,
): Promise<Uint8Array<ArrayBuffer>> {
  const path = `/feed/${manifest.snapshot.url}`;
  return checkFile(new Uint8Array(await read(path)), manifest.snapshot, path);
}

/** How the shipped data describes itself (its record counts come with the records). */
export function shippedInfo(manifest: FeedManifest, now: () => Date) {
  return {
    source: 'default' as const,
    sequence: manifest.sequence,
    publisher: manifest.publisher,
    publishedAt: manifest.publishedAt,
    importedAt: now().toISOString(),
    digest: manifest.snapshot.sha256,
  };
}
