/**
 * The feed's manifest (DESIGN.md §5): what the publisher signs. It names the snapshot and the deltas
 * by URL (relative to the manifest, or absolute), their sha256, their size in bytes as downloaded
 * (gzip) and how many records they hold.
 */
import * as z from 'zod/mini';
import { FlagRecordSchema, KeySchema } from '../protocol/records';

export const FEED_FORMAT = 1;
/** Longest the client waits between syncs, and the shortest interval a server may ask for. */
export const MIN_SYNC_MINUTES = 60;

const Sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const FileUrlSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(2000), z.regex(/^(https?:\/\/|[a-z0-9])[^\s]*$/i));

/** Most records one gzip block of a snapshot may hold (a block becomes one stored chunk). */
export const MAX_RECORDS_PER_BLOCK = 4096;
/**
 * Records our publisher puts in a block, and the client in a chunk it packs itself: large enough
 * that applying a snapshot inflates few streams, small enough that a lookup hit inflates little.
 */
export const RECORDS_PER_BLOCK = 512;
/**
 * Records our publisher puts in each flushed part of a block (gzip-parts.ts): a lookup hit inflates
 * one part, about 64 lines, instead of the block's 512.
 */
export const RECORDS_PER_PART = 64;

export const FeedFileSchema = z
  .object({
    url: FileUrlSchema,
    sha256: Sha256Schema,
    /** Size of the gzip file: the client stops reading at this many bytes. */
    bytes: z.int().check(z.gt(0), z.lte(2 ** 31)),
    count: z.int().check(z.gte(0)),
    /**
     * Snapshots only, optional: the byte offsets where the file's gzip members start. A gzip file
     * may be a series of members (RFC 1952), so the file stays plain gzip NDJSON for any tool, and a
     * client can check and store each block as it is, without compressing anything again.
     */
    blocks: z.optional(
      z.array(z.int().check(z.gte(0))).check(z.minLength(1), z.maxLength(100_000)),
    ),
    /**
     * With blocks, optional: each block's deflate stream is full-flushed after every this many
     * records (gzip-parts.ts), so a client may later inflate one part of a stored block alone.
     */
    partRecords: z.optional(z.int().check(z.gte(1), z.lte(MAX_RECORDS_PER_BLOCK))),
  })
  .check(
    z.refine(
      (file) =>
        file.blocks === undefined ||
        (file.blocks[0] === 0 &&
          file.blocks.every((at, i, all) => i === 0 || at > (all[i - 1] as number)) &&
          (file.blocks.at(-1) as number) < file.bytes),
      { message: 'blocks must start at 0 and increase within the file' },
    ),
    z.refine((file) => file.partRecords === undefined || file.blocks !== undefined, {
      message: 'partRecords needs blocks',
    }),
  );
export type FeedFile = z.infer<typeof FeedFileSchema>;

export const DeltaFileSchema = z.object({
  url: FileUrlSchema,
  sha256: Sha256Schema,
  bytes: z.int().check(z.gt(0), z.lte(2 ** 31)),
  count: z.int().check(z.gte(0)),
  from: z.int().check(z.gte(0)),
  to: z.int().check(z.gte(1)),
});
export type DeltaFile = z.infer<typeof DeltaFileSchema>;

/**
 * Which feed a manifest belongs to: the id of the key that signs it (signature.ts keyIdOf) and the
 * publisher's name for the feed. A client never applies one feed's deltas over another's data.
 */
export const FeedIdentitySchema = z.object({
  keyId: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  name: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{0,63}$/)),
});
export type FeedIdentity = z.infer<typeof FeedIdentitySchema>;

/** The identity as one string, as the client stores it beside the data: `<keyId>/<name>`. */
export const feedIdOf = (identity: FeedIdentity) => `${identity.keyId}/${identity.name}`;

export const FeedManifestSchema = z
  .object({
    format: z.literal(FEED_FORMAT),
    /** Optional for manifests from before it existed; ours always carry it. */
    feed: z.optional(FeedIdentitySchema),
    sequence: z.int().check(z.gte(1)),
    publisher: z.string().check(z.minLength(1), z.maxLength(200)),
    publishedAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    /** The server may ask clients to sync less often than the default. */
    minSyncMinutes: z.optional(z.int().check(z.gte(MIN_SYNC_MINUTES), z.lte(7 * 24 * 60))),
    /**
     * The publisher says this feed stands in for the data the extension ships, however few records
     * it holds. Without it a client refuses a feed far smaller than its shipped data and keeps what
     * it has (utils/feed/shipped-share.ts, MIN_SHIPPED_SHARE). Signed like the rest of the manifest.
     */
    replacesShipped: z.optional(z.boolean()),
    snapshot: FeedFileSchema,
    deltas: z.array(DeltaFileSchema).check(z.maxLength(200)),
  })
  .check(
    z.refine((m) => m.deltas.every((d) => d.from < d.to && d.to <= m.sequence), {
      message: 'every delta must go forward and end at or before the manifest sequence',
    }),
  );
export type FeedManifest = z.infer<typeof FeedManifestSchema>;

/** One line of a delta file. */
export const DeltaOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), record: FlagRecordSchema }),
  z.object({ op: z.literal('delete'), key: KeySchema }),
]);
export type DeltaOp = z.infer<typeof DeltaOpSchema>;

/**
 * The deltas that lead from `from` to the manifest's sequence, in order, or null when there is no
 * unbroken chain (then the snapshot is used).
 */
export function deltaChain(manifest: FeedManifest, from: number): DeltaFile[] | null {
  const chain: DeltaFile[] = [];
  let at = from;
  while (at < manifest.sequence) {
    const next = manifest.deltas.find((d) => d.from === at);
    if (!next) return null;
    chain.push(next);
    at = next.to;
  }
  return at === manifest.sequence ? chain : null;
}
