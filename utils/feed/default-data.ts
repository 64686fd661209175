/**
 * The data the extension ships with (public/feed/), so it warns offline from the very first run.
 * Its manifest describes the snapshot (hash, size, count); the snapshot is checked against it and
 * every record against its schema before anything is stored.
 */
import * as z from 'zod/mini';
import type { Database } from '../db/database';
import { readDataInfo, replaceAllFlags } from '../db/flags';
import { type DataInfo, type FlagRecord, FlagRecordSchema } from '../protocol/records';
import { sha256Hex } from './hash';
import { FeedFormatError, parseNdjson } from './ndjson';

export const DEFAULT_MANIFEST_PATH = '/feed/default-manifest.json';

export const DefaultManifestSchema = z.object({
  format: z.literal(1),
  sequence: z.int().check(z.gte(0)),
  publisher: z.string().check(z.minLength(1)),
  publishedAt: z.iso.datetime({ offset: true }),
  snapshot: z.object({
    path: z.string().check(z.regex(/^\/feed\/[a-z0-9.-]+$/)),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    bytes: z.int().check(z.gte(0)),
    count: z.int().check(z.gte(0)),
  }),
});
export type DefaultManifest = z.infer<typeof DefaultManifestSchema>;

/** Reads a file shipped in the extension package by its path. */
export type PackageReader = (path: string) => Promise<ArrayBuffer>;

export interface DefaultData {
  manifest: DefaultManifest;
  records: FlagRecord[];
}

export async function readDefaultManifest(read: PackageReader): Promise<DefaultManifest> {
  const bytes = await read(DEFAULT_MANIFEST_PATH);
  return DefaultManifestSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
}

export async function readDefaultData(
  read: PackageReader,
  manifest?: DefaultManifest,
): Promise<DefaultData> {
  manifest ??= await readDefaultManifest(read);
  const snapshot = await read(manifest.snapshot.path);
  if (snapshot.byteLength !== manifest.snapshot.bytes) {
    throw new FeedFormatError(
      `default snapshot is ${snapshot.byteLength} bytes, manifest says ${manifest.snapshot.bytes}`,
    );
  }
  if ((await sha256Hex(snapshot)) !== manifest.snapshot.sha256) {
    throw new FeedFormatError('default snapshot does not match its sha256');
  }
  const records = parseNdjson(new TextDecoder().decode(snapshot), FlagRecordSchema);
  if (records.length !== manifest.snapshot.count) {
    throw new FeedFormatError(
      `default snapshot has ${records.length} records, manifest says ${manifest.snapshot.count}`,
    );
  }
  return { manifest, records };
}

/**
 * Loads the shipped data unless the database already holds the same or newer data. Returns whether
 * it wrote anything. A failure leaves the database as it was.
 */
export async function ensureDefaultData(
  db: Database,
  read: PackageReader,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  const current = await readDataInfo(db);
  const shipped = await readDefaultManifest(read);
  if (current && (current.source === 'feed' || current.sequence >= shipped.sequence)) return false;
  const { manifest, records } = await readDefaultData(read, shipped);
  const info: DataInfo = {
    source: 'default',
    sequence: manifest.sequence,
    publisher: manifest.publisher,
    publishedAt: manifest.publishedAt,
    importedAt: now().toISOString(),
    recordCount: records.length,
  };
  await replaceAllFlags(db, records, info);
  return true;
}
