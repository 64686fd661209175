/**
 * The feed in the database (table feed_files), for instances sharing PostgreSQL: a publish writes
 * every file of its sequence, the signatures and the manifest in its own transaction, so any
 * instance serves the newest manifest and every file it names, or the previous feed whole. Each
 * file's ETag is computed once, when it is written.
 */
import { sql } from 'kysely';
import { type FeedManifest, FeedManifestSchema } from '../../../utils/feed-format/manifest';
import type { Db } from '../../db/schema';
import { sha256Hex } from '../../db/sha256';
import {
  type BuiltFeedFile,
  contentTypeOf,
  type FeedSequence,
  isFeedFileName,
  type PreviousFeed,
} from '../feed-sequence';
import type { FeedStore, ServedFeedFile } from './feed-store';

/** Hash-named signatures kept: enough for any client still holding a recent manifest. */
const KEEP_SIGNATURES = 10;
/**
 * Snapshots kept besides the current one: a client that read the previous manifest a moment
 * before a publish still finds the snapshot it names.
 */
const KEEP_OLDER_SNAPSHOTS = 2;

const decoder = new TextDecoder();

export class DatabaseFeed implements FeedStore {
  constructor(private readonly db: Db) {}

  within(trx: Db): FeedStore {
    return new DatabaseFeed(trx);
  }

  private async bytesOf(name: string): Promise<Uint8Array | null> {
    const row = await this.db
      .selectFrom('feed_files')
      .select('bytes')
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? new Uint8Array(row.bytes) : null;
  }

  async current(): Promise<FeedManifest | null> {
    const bytes = await this.bytesOf('manifest.json');
    return bytes ? FeedManifestSchema.parse(JSON.parse(decoder.decode(bytes))) : null;
  }

  async previous(): Promise<PreviousFeed | null> {
    const manifest = await this.current();
    if (!manifest) return null;
    const snapshot = await this.bytesOf(manifest.snapshot.url);
    if (!snapshot) throw new Error(`the feed's snapshot ${manifest.snapshot.url} is missing`);
    const names = manifest.deltas.map((delta) => delta.url);
    const held = new Set(
      names.length === 0
        ? []
        : (
            await this.db
              .selectFrom('feed_files')
              .select('name')
              .where('name', 'in', names)
              .execute()
          ).map((row) => row.name),
    );
    return { manifest, snapshot, deltas: manifest.deltas.filter((delta) => held.has(delta.url)) };
  }

  async write(feed: FeedSequence): Promise<void> {
    const at = new Date().toISOString();
    const row = (file: BuiltFeedFile) => ({
      name: file.name,
      sequence: feed.sequence,
      bytes: file.bytes,
      etag: `"${sha256Hex(file.bytes).slice(0, 32)}"`,
      content_type: contentTypeOf(file.name),
      created_at: at,
    });
    // One row at a time: a snapshot of a million records is tens of megabytes on its own.
    for (const file of [...feed.data, feed.hashedSignature, feed.signature, feed.manifestFile]) {
      await this.db
        .insertInto('feed_files')
        .values(row(file))
        .onConflict((conflict) =>
          conflict.column('name').doUpdateSet((update) => ({
            sequence: update.ref('excluded.sequence'),
            bytes: update.ref('excluded.bytes'),
            etag: update.ref('excluded.etag'),
            content_type: update.ref('excluded.content_type'),
            created_at: update.ref('excluded.created_at'),
          })),
        )
        .execute();
    }
    await this.prune(feed);
  }

  /** Removes files no manifest a client may still hold names. */
  private async prune(feed: FeedSequence): Promise<void> {
    const kept = feed.manifest.deltas.map((delta) => delta.url);
    await this.db
      .deleteFrom('feed_files')
      .where('name', 'like', 'delta-%')
      .$if(kept.length > 0, (query) => query.where('name', 'not in', kept))
      .execute();
    await this.db
      .deleteFrom('feed_files')
      .where('name', 'like', 'snapshot-%')
      .where('sequence', '<', feed.sequence - KEEP_OLDER_SNAPSHOTS)
      .execute();
    await this.db
      .deleteFrom('feed_files')
      .where(sql<boolean>`name like 'manifest.%.sig' and name <> 'manifest.json.sig'`)
      .where('sequence', '<=', feed.sequence - KEEP_SIGNATURES)
      .execute();
  }

  async serve(name: string): Promise<ServedFeedFile | null> {
    if (!isFeedFileName(name)) return null;
    // The manifest and its signature change at every publish: read with their ETag in one query, so
    // the two always match. Other files never change once written; their bytes wait for a miss.
    if (name.startsWith('manifest.json')) {
      const row = await this.db
        .selectFrom('feed_files')
        .select(['etag', 'content_type', 'bytes'])
        .where('name', '=', name)
        .executeTakeFirst();
      if (!row) return null;
      const bytes = new Uint8Array(row.bytes);
      return { etag: row.etag, contentType: row.content_type, bytes: async () => bytes };
    }
    const row = await this.db
      .selectFrom('feed_files')
      .select(['etag', 'content_type'])
      .where('name', '=', name)
      .executeTakeFirst();
    if (!row) return null;
    return { etag: row.etag, contentType: row.content_type, bytes: () => this.bytesOf(name) };
  }

  /** A publish is one transaction: a crash leaves nothing to sweep. */
  async sweep(): Promise<number> {
    return 0;
  }
}
