/**
 * Where a published feed lives and is served from. The directory store (the SQLite default) keeps
 * files a static host can serve too; the database store (PostgreSQL) keeps them in the shared
 * database, so every instance serves every sequence. Both compute a file's ETag once, not per
 * request.
 */
import type { FeedManifest } from '../../../utils/feed-format/manifest';
import type { Db } from '../../db/schema';
import type { FeedSequence, PreviousFeed } from '../feed-sequence';

export interface ServedFeedFile {
  etag: string;
  contentType: string;
  /** Read only when the client's ETag does not match. */
  bytes(): Promise<Uint8Array | null>;
}

export interface FeedStore {
  /** The manifest clients are served now, or null before the first publish. */
  current(): Promise<FeedManifest | null>;
  /** The current feed as the next sequence builds on it (its snapshot's bytes, its deltas kept). */
  previous(): Promise<PreviousFeed | null>;
  /**
   * Writes a built sequence so clients see it whole or not at all (data files and signatures first,
   * the manifest last); files of older sequences no client needs any more are removed.
   */
  write(feed: FeedSequence): Promise<void>;
  serve(name: string): Promise<ServedFeedFile | null>;
  /** The same store working inside a transaction (the database store; the directory ignores it). */
  within(trx: Db): FeedStore;
  /**
   * Removes what a crash in the middle of a write left (temporary files, unpublished files) once
   * older than `olderThanMs`.
   */
  sweep(olderThanMs?: number): Promise<number>;
}
