/**
 * Publishes a feed directory: the next sequence's snapshot, a delta from the previous snapshot, the
 * manifest listing both (plus the earlier deltas still on disk) and its detached signature. The
 * directory can be served as static files by any web server or CDN (with CORS open, since the
 * extension fetches it from its own origin).
 */
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type DeltaFile, FeedManifestSchema } from '../../utils/feed-format/manifest';
import { forEachLine } from '../../utils/feed-format/ndjson';
import { keyIdOf, publicKeyOf, signatureFileFor } from '../../utils/feed-format/signature';
import { type FlagRecord, FlagRecordSchema } from '../../utils/protocol/records';
import {
  buildBlockedSnapshot,
  buildFile,
  buildManifest,
  diffLines,
  signManifest,
  sortRecords,
} from './feed-builder';

export interface PublishOptions {
  dir: string;
  records: readonly FlagRecord[];
  privateKey: string;
  publisher: string;
  now?: Date;
  /** How long clients may use this data without a newer manifest. */
  expiresInDays?: number;
  /** Deltas kept in the manifest; older clients fall back to the snapshot. */
  keepDeltas?: number;
  minSyncMinutes?: number;
  /** The feed's name in its identity (manifest `feed`); one publisher key may sign several feeds. */
  feedName?: string;
  /**
   * The manifest says the feed stands in for the extension's shipped data (`replacesShipped`), so
   * a client takes it even when it holds far fewer records than the shipped snapshot.
   */
  replacesShipped?: boolean;
}

/** The name a feed has when its publisher gives none. */
export const DEFAULT_FEED_NAME = 'soi-hang';
/** The publisher a manifest names when none is configured (the registry's and feed:build's). */
export const DEFAULT_PUBLISHER_NAME = 'Soi Hàng registry';

export interface PublishResult {
  sequence: number;
  snapshot: string;
  delta: string | null;
  changes: number;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/** Hash-named signatures kept: enough for any client still holding a recent manifest. */
const KEEP_SIGNATURES = 10;
const HASHED_SIGNATURE = /^manifest\.[0-9a-f]{64}\.sig$/;

async function pruneSignatures(dir: string, keep: number): Promise<void> {
  const names = (await readdir(dir)).filter((name) => HASHED_SIGNATURE.test(name));
  if (names.length <= keep) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, time: (await stat(path.join(dir, name))).mtimeMs })),
  );
  dated.sort((a, b) => b.time - a.time);
  for (const old of dated.slice(keep)) await rm(path.join(dir, old.name), { force: true });
}

export async function publishFeed(options: PublishOptions): Promise<PublishResult> {
  const { dir } = options;
  const now = options.now ?? new Date();
  await mkdir(dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const previous = (await exists(manifestPath))
    ? FeedManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')))
    : null;
  const sequence = (previous?.sequence ?? 0) + 1;
  const records = sortRecords(options.records.map((record) => FlagRecordSchema.parse(record)));

  const lines = records.map((record) => JSON.stringify(record));
  const snapshot = await buildBlockedSnapshot(`snapshot-${sequence}.ndjson.gz`, records, lines);
  await writeAtomic(path.join(dir, snapshot.ref.url), snapshot.bytes);

  const deltas: DeltaFile[] = [];
  let deltaName: string | null = null;
  let changes = records.length;
  if (previous) {
    const oldBytes = new Uint8Array(await readFile(path.join(dir, previous.snapshot.url)));
    // Line by line: a snapshot of a million records never becomes one giant string.
    const oldLines: string[] = [];
    forEachLine(gunzipSync(oldBytes), (line) => oldLines.push(line));
    const ops = diffLines(oldLines, records, lines);
    changes = ops.length;
    const delta = await buildFile(`delta-${previous.sequence}-${sequence}.ndjson.gz`, ops);
    await writeAtomic(path.join(dir, delta.ref.url), delta.bytes);
    deltaName = delta.ref.url;
    const kept = [];
    for (const old of previous.deltas) if (await exists(path.join(dir, old.url))) kept.push(old);
    deltas.push(...kept.slice(-(Math.max(1, options.keepDeltas ?? 30) - 1)));
    deltas.push({ ...delta.ref, from: previous.sequence, to: sequence });
  }

  const { bytes } = buildManifest({
    sequence,
    publisher: options.publisher,
    publishedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (options.expiresInDays ?? 7) * 86_400_000).toISOString(),
    snapshot: snapshot.ref,
    deltas,
    ...(options.minSyncMinutes ? { minSyncMinutes: options.minSyncMinutes } : {}),
    ...(options.replacesShipped ? { replacesShipped: true } : {}),
    feed: {
      keyId: await keyIdOf(await publicKeyOf(options.privateKey)),
      name: options.feedName ?? DEFAULT_FEED_NAME,
    },
  });
  // Signatures first, manifest last: a client never sees a new manifest without its signature, and
  // the one named by the manifest's hash stays right for a client that fetched the older manifest.
  const signature = await signManifest(bytes, options.privateKey);
  await writeAtomic(path.join(dir, await signatureFileFor(bytes)), signature);
  await writeAtomic(`${manifestPath}.sig`, signature);
  await writeAtomic(manifestPath, bytes);
  await pruneSignatures(dir, KEEP_SIGNATURES);
  return { sequence, snapshot: snapshot.ref.url, delta: deltaName, changes };
}
