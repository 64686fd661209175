/**
 * Publishes the next sequence of a feed directory (`npm run feed:build`, the tests): the snapshot, a
 * delta from the previous snapshot, the manifest listing both (plus the earlier deltas still on
 * disk) and its detached signatures. The directory can be served as static files by any web server
 * or CDN (with CORS open, since the extension fetches it from its own origin).
 */
import { buildFeedSequence, type FeedOptions } from './feed-sequence';
import { DirectoryFeed } from './stores/directory-feed';

export { DEFAULT_FEED_NAME, DEFAULT_PUBLISHER_NAME } from './feed-sequence';

export interface PublishOptions extends FeedOptions {
  dir: string;
}

export interface PublishResult {
  sequence: number;
  snapshot: string;
  delta: string | null;
  changes: number;
}

export async function publishFeed(options: PublishOptions): Promise<PublishResult> {
  const store = new DirectoryFeed(options.dir);
  const previous = await store.previous();
  const sequence = (previous?.manifest.sequence ?? 0) + 1;
  const feed = await buildFeedSequence(sequence, previous, options);
  await store.write(feed);
  return { sequence, snapshot: feed.snapshot, delta: feed.delta, changes: feed.changes };
}
