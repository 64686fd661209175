/**
 * One feed sequence as files, built in memory from the records and what the feed held before: the
 * snapshot, the delta from the previous snapshot, the manifest and its two signature files. Where
 * the files go (a directory, the database) is the feed store's job (stores/).
 */
import { gunzipSync } from 'node:zlib';
import type { DeltaFile, FeedManifest } from '../../utils/feed-format/manifest';
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

/** The name a feed has when its publisher gives none. */
export const DEFAULT_FEED_NAME = 'soi-hang';
/** The publisher a manifest names when none is configured (the registry's and feed:build's). */
export const DEFAULT_PUBLISHER_NAME = 'Soi Hàng registry';

export interface FeedOptions {
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

/** What the feed held before this sequence, as its store read it. */
export interface PreviousFeed {
  manifest: FeedManifest;
  /** The previous snapshot's bytes (gzip NDJSON). */
  snapshot: Uint8Array;
  /** The previous manifest's deltas that the store still holds, oldest first. */
  deltas: DeltaFile[];
}

export interface BuiltFeedFile {
  name: string;
  bytes: Uint8Array;
}

export interface FeedSequence {
  sequence: number;
  manifest: FeedManifest;
  /** Snapshot and delta: immutable once written. */
  data: BuiltFeedFile[];
  /** `manifest.<sha256>.sig`: immutable too, for clients holding this manifest. */
  hashedSignature: BuiltFeedFile;
  /** `manifest.json.sig` and `manifest.json`: replaced by every publish, the manifest last. */
  signature: BuiltFeedFile;
  manifestFile: BuiltFeedFile;
  snapshot: string;
  delta: string | null;
  changes: number;
}

const encoder = new TextEncoder();

export async function buildFeedSequence(
  sequence: number,
  previous: PreviousFeed | null,
  options: FeedOptions,
): Promise<FeedSequence> {
  const now = options.now ?? new Date();
  const records = sortRecords(options.records.map((record) => FlagRecordSchema.parse(record)));
  const lines = records.map((record) => JSON.stringify(record));
  const snapshot = await buildBlockedSnapshot(`snapshot-${sequence}.ndjson.gz`, records, lines);
  const data: BuiltFeedFile[] = [{ name: snapshot.ref.url, bytes: snapshot.bytes }];

  const deltas: DeltaFile[] = [];
  let deltaName: string | null = null;
  let changes = records.length;
  if (previous) {
    // Line by line: a snapshot of a million records never becomes one giant string.
    const oldLines: string[] = [];
    forEachLine(gunzipSync(previous.snapshot), (line) => oldLines.push(line));
    const ops = diffLines(oldLines, records, lines);
    changes = ops.length;
    const from = previous.manifest.sequence;
    const delta = await buildFile(`delta-${from}-${sequence}.ndjson.gz`, ops);
    data.push({ name: delta.ref.url, bytes: delta.bytes });
    deltaName = delta.ref.url;
    deltas.push(...previous.deltas.slice(-(Math.max(1, options.keepDeltas ?? 30) - 1)));
    deltas.push({ ...delta.ref, from, to: sequence });
  }

  const { manifest, bytes } = buildManifest({
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
  const signature = encoder.encode(await signManifest(bytes, options.privateKey));
  return {
    sequence,
    manifest,
    data,
    hashedSignature: { name: await signatureFileFor(bytes), bytes: signature },
    signature: { name: 'manifest.json.sig', bytes: signature },
    manifestFile: { name: 'manifest.json', bytes },
    snapshot: snapshot.ref.url,
    delta: deltaName,
    changes,
  };
}

/** How a feed file is served: the manifest and signatures are text, the rest gzip. */
export function contentTypeOf(name: string): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.sig')) return 'text/plain; charset=utf-8';
  return 'application/gzip';
}

/** Whether a name is one a feed may hold (never a path). */
export const isFeedFileName = (name: string) =>
  /^[a-z0-9][a-z0-9.-]{0,127}$/.test(name) && !name.includes('..');
