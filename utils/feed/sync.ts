/**
 * One feed sync (DESIGN.md §5): fetch the manifest (with its ETag) and its detached signature, verify
 * against the pinned keys, refuse rollbacks, expired manifests, hash or size mismatches and invalid
 * records, then apply the delta chain from the current sequence when there is one, else the
 * snapshot. Anything wrong throws a SyncError before the database is touched, so the old data stays.
 */
import type { Database } from '../db/database';
import {
  DeltaNotApplicableError,
  type LoadedData,
  type StoredOp,
  writeDelta,
} from '../db/flag-store';
import { storeSnapshot } from '../db/snapshot-writer';
import { readLimited, SizeLimitError } from '../feed-format/gzip';
import {
  DeltaOpSchema,
  deltaChain,
  type FeedFile,
  type FeedManifest,
  FeedManifestSchema,
  feedIdOf,
} from '../feed-format/manifest';
import { FeedFormatError, parseLine } from '../feed-format/ndjson';
import { keyIdOf, signatureFileFor, verifyingKey } from '../feed-format/signature';
import { errorMessage } from '../protocol/error-message';
import type { DataInfo } from '../protocol/records';
import type { CheckerHandle } from './check-pool';
import { checkedSnapshot, checkFile, inflate, parseAll } from './feed-file';
import { checkShippedShare } from './shipped-share';
import { SyncError } from './sync-error';

const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

export interface FeedSource {
  manifestUrl: string;
  publicKeys: readonly string[];
}

export interface SyncInput {
  db: Database;
  source: FeedSource;
  current: LoadedData;
  /** The ETag of the last manifest applied or found unchanged. */
  etag: string | null;
  fetch: typeof fetch;
  now: Date;
  /**
   * Check workers for a snapshot of many blocks (check-pool.ts); null or absent: checked in this
   * thread. Closed once the snapshot is stored or refused.
   */
  openCheckers?(): Promise<CheckerHandle | null>;
  /**
   * The data the extension ships (its snapshot's record count): a feed holding fewer than
   * MIN_SHIPPED_SHARE of it is refused unless its manifest says `replacesShipped`. Absent: no check.
   */
  shipped?: { count: number };
}

/** Snapshots with fewer blocks are checked in this thread: starting workers would cost more. */
export const PARALLEL_MIN_BLOCKS = 32;

export type SyncResult =
  | { status: 'unchanged'; etag: string | null; manifest: FeedManifest | null }
  | {
      status: 'updated';
      via: 'snapshot' | 'delta';
      etag: string | null;
      manifest: FeedManifest;
      loaded: LoadedData;
      /** Time spent downloading, and applying (verify, parse, store). */
      downloadMs: number;
      /** Everything after the download: parse and check, then store. */
      applyMs: number;
      parseMs: number;
      storeMs: number;
      /** Check workers that shared a snapshot's blocks (absent: none). */
      checkers?: number;
    };

async function get(fetchFn: typeof fetch, url: string, init?: RequestInit): Promise<Response> {
  try {
    // credentials omitted: the feed is public, and no cookie of the shopper's should go with it
    return await fetchFn(url, {
      ...init,
      credentials: 'omit',
      cache: 'no-cache',
      redirect: 'follow',
    });
  } catch (error) {
    throw new SyncError('network', `${url}: ${errorMessage(error)}`);
  }
}

async function readBody(response: Response, maxBytes: number, what: string) {
  if (!response.body) return new Uint8Array(0) as Uint8Array<ArrayBuffer>;
  try {
    return await readLimited(response.body, maxBytes);
  } catch (error) {
    if (error instanceof SizeLimitError) {
      throw new SyncError('oversized', `${what} is larger than the ${maxBytes} bytes it may have`);
    }
    throw new SyncError('network', `${what}: ${errorMessage(error)}`);
  }
}

/** Downloads a snapshot or delta file and checks its size and hash against the signed manifest. */
async function download(input: SyncInput, file: FeedFile): Promise<Uint8Array<ArrayBuffer>> {
  const url = new URL(file.url, input.source.manifestUrl).href;
  const response = await get(input.fetch, url);
  if (!response.ok) throw new SyncError('network', `${url}: HTTP ${response.status}`);
  return checkFile(await readBody(response, file.bytes, url), file, url);
}

/** Fetches and verifies the signed manifest; null when the server says it has not changed. */
export async function fetchManifest(
  input: SyncInput,
): Promise<{ manifest: FeedManifest; etag: string | null } | null> {
  const { manifestUrl, publicKeys } = input.source;
  const headers: Record<string, string> = {};
  if (input.etag && input.current.info?.source === 'feed') headers['If-None-Match'] = input.etag;
  const response = await get(input.fetch, manifestUrl, { headers });
  if (response.status === 304) return null;
  if (!response.ok) throw new SyncError('network', `${manifestUrl}: HTTP ${response.status}`);
  const raw = await readBody(response, MAX_MANIFEST_BYTES, 'manifest');
  // The signature of exactly these bytes; a feed without one has only `manifest.json.sig` (object
  // stores answer a missing file with 403 as often as 404, so any refusal falls back).
  const pinned = await get(input.fetch, new URL(await signatureFileFor(raw), manifestUrl).href);
  const sigResponse = pinned.ok ? pinned : await get(input.fetch, `${manifestUrl}.sig`);
  if (!sigResponse.ok)
    throw new SyncError('bad_signature', `no signature (HTTP ${sigResponse.status})`);
  const signature = new TextDecoder().decode(await readBody(sigResponse, 1024, 'signature'));
  const signedBy = await verifyingKey(raw, signature, publicKeys);
  if (signedBy === null) {
    throw new SyncError(
      'bad_signature',
      'the manifest signature does not verify with any pinned key',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new SyncError('invalid_manifest', 'the manifest is not JSON');
  }
  const parsed = FeedManifestSchema.safeParse(json);
  if (!parsed.success) throw new SyncError('invalid_manifest', parsed.error.message);
  // A manifest that names its key must be signed by that key: its identity cannot be borrowed.
  const named = parsed.data.feed?.keyId;
  if (named !== undefined && named !== (await keyIdOf(signedBy))) {
    throw new SyncError('invalid_manifest', `the manifest names key ${named} but another signs it`);
  }
  return { manifest: parsed.data, etag: response.headers.get('ETag') };
}

export async function syncFeed(input: SyncInput): Promise<SyncResult> {
  const fetched = await fetchManifest(input);
  if (!fetched) return { status: 'unchanged', etag: input.etag, manifest: null };
  const { manifest, etag } = fetched;
  const current = input.current.info;
  // Data from this very feed: the same identity (or, for manifests without one, the same address).
  // Another feed's sequence numbers and deltas mean nothing here: it starts from its snapshot.
  const feedId = manifest.feed ? feedIdOf(manifest.feed) : undefined;
  const fromFeed =
    current?.source === 'feed' &&
    (feedId !== undefined && current.feedId !== undefined
      ? current.feedId === feedId
      : current.manifestUrl === input.source.manifestUrl);
  if (fromFeed && manifest.sequence < current.sequence) {
    throw new SyncError(
      'rollback',
      `the feed offers sequence ${manifest.sequence}, we hold ${current.sequence}`,
    );
  }
  if (Date.parse(manifest.expiresAt) <= input.now.getTime()) {
    throw new SyncError('expired', `the manifest expired at ${manifest.expiresAt}`);
  }
  if (fromFeed && manifest.sequence === current.sequence) {
    return { status: 'unchanged', etag, manifest };
  }
  // Before anything is downloaded: the snapshot's count is what the data would hold after this
  // sequence, by the snapshot or by the deltas alike (it is checked against the records).
  checkShippedShare(manifest, input.shipped);
  const info: Omit<DataInfo, 'recordCount' | 'counts'> = {
    source: 'feed',
    sequence: manifest.sequence,
    publisher: manifest.publisher,
    publishedAt: manifest.publishedAt,
    expiresAt: manifest.expiresAt,
    importedAt: input.now.toISOString(),
    manifestUrl: input.source.manifestUrl,
    ...(feedId ? { feedId } : {}),
  };
  const chain = fromFeed ? deltaChain(manifest, current.sequence) : null;
  const started = performance.now();
  if (chain && chain.length > 0) {
    try {
      return await applyChain(input, manifest, chain, info, etag, started);
    } catch (error) {
      if (!(error instanceof DeltaNotApplicableError)) throw error;
      // e.g. the chunk numbers are used up: the snapshot rewrites everything compactly
    }
  }
  const bytes = await download(input, manifest.snapshot);
  const downloaded = performance.now();
  // Chunks are stored while the next ones are checked: "parsed" is when the last one was checked.
  const timings = { checked: downloaded };
  const many = (manifest.snapshot.blocks?.length ?? 0) >= PARALLEL_MIN_BLOCKS;
  const checkers = many ? await input.openCheckers?.().catch(() => null) : null;
  try {
    const loaded = await store(() =>
      storeSnapshot(
        input.db,
        input.current,
        checkedSnapshot(bytes, manifest.snapshot, {
          timings,
          ...(checkers ? { checker: checkers.checker } : {}),
        }),
        info,
      ),
    );
    return {
      ...updated('snapshot', etag, manifest, loaded, [
        started,
        downloaded,
        timings.checked,
        performance.now(),
      ]),
      ...(checkers ? { checkers: checkers.count } : {}),
    };
  } finally {
    await checkers?.close().catch(() => undefined);
  }
}

/** The result of an applied update, with how long each step took. */
function updated(
  via: 'snapshot' | 'delta',
  etag: string | null,
  manifest: FeedManifest,
  loaded: LoadedData,
  [started, downloaded, parsed, stored]: [number, number, number, number],
): SyncResult {
  return {
    status: 'updated',
    via,
    etag,
    manifest,
    loaded,
    downloadMs: downloaded - started,
    applyMs: stored - downloaded,
    parseMs: parsed - downloaded,
    storeMs: stored - parsed,
  };
}

async function applyChain(
  input: SyncInput,
  manifest: FeedManifest,
  chain: FeedFile[],
  info: Omit<DataInfo, 'recordCount' | 'counts'>,
  etag: string | null,
  started: number,
): Promise<SyncResult> {
  const files = [];
  for (const file of chain) files.push(await download(input, file));
  const downloaded = performance.now();
  const ops: StoredOp[] = [];
  for (let i = 0; i < chain.length; i++) {
    const file = chain[i] as FeedFile;
    const text = await inflate(files[i] as Uint8Array<ArrayBuffer>, file);
    for (const op of parseAll(text, file, (line, n) => parseLine(line, n, DeltaOpSchema))) {
      ops.push(
        op.op === 'upsert'
          ? { op: 'upsert', key: op.record.key, line: JSON.stringify(op.record) }
          : op,
      );
    }
  }
  const parsed = performance.now();
  const loaded = await store(() => writeDelta(input.db, input.current, ops, info));
  return updated('delta', etag, manifest, loaded, [started, downloaded, parsed, performance.now()]);
}

async function store(write: () => Promise<LoadedData>): Promise<LoadedData> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof SyncError || error instanceof DeltaNotApplicableError) throw error;
    if (error instanceof FeedFormatError) throw new SyncError('invalid_record', error.message);
    throw new SyncError('storage', errorMessage(error));
  }
}
