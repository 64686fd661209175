import {
  createDataService,
  type DataService,
} from '../../entrypoints/background/data/data-service';
import { buildDefaultFeed, type DefaultFeed } from '../../scripts/default-feed';
import { openDatabase } from '../../utils/db/database';
import type { PackageReader } from '../../utils/feed/default-data';
import { isShownToShoppers } from '../../utils/lookup/shown';
import type { FlagRecord } from '../../utils/protocol/records';

let feed: Promise<DefaultFeed> | null = null;

/** The shipped data exactly as the build writes it to public/feed (built in memory, once). */
export function shippedFeed(): Promise<DefaultFeed> {
  feed ??= buildDefaultFeed();
  return feed;
}

const asBuffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Reads files of the extension package as the built extension serves them. */
export const readShipped: PackageReader = async (file) => {
  const { manifestBytes, snapshotBytes } = await shippedFeed();
  if (file === '/feed/manifest.json') return asBuffer(manifestBytes);
  if (file === '/feed/snapshot.ndjson.gz') return asBuffer(snapshotBytes);
  throw new Error(`${file}: not in the package`);
};

/** Records shown to shoppers for these keys, straight from the shipped records (no database). */
export async function shippedLookup(keys: readonly string[], now: Date): Promise<FlagRecord[]> {
  const byKey = new Map((await shippedFeed()).records.map((record) => [record.key, record]));
  return [...new Set(keys)]
    .map((key) => byKey.get(key))
    .filter((record): record is FlagRecord => !!record && isShownToShoppers(record, now));
}

/** A data service over a fresh (fake) IndexedDB holding the shipped data. */
export function shippedService(
  overrides: Partial<Parameters<typeof createDataService>[0]> = {},
): DataService {
  return createDataService({
    openDb: () => openDatabase(),
    readPackageFile: readShipped,
    fetch: async () => {
      throw new Error('no network in unit tests');
    },
    now: () => new Date('2026-11-28T12:00:00Z'),
    feed: { url: null, publicKeys: [] },
    ...overrides,
  });
}
