/** A data service on the shipped data syncing from a memory feed, with a clock the test moves. */
import { vi } from 'vitest';
import type { BlockList } from '../../entrypoints/background/scam-sites/block-list';
import { MANIFEST, type MemoryFeed, publicKey } from './memory-feed';
import { shippedService } from './shipped-data';

export function feedService(feed: MemoryFeed, now = new Date('2026-11-28T12:00:00Z')) {
  const onBlockListChanged = vi.fn(async (_blocked: BlockList) => undefined);
  const clock = { now };
  const data = shippedService({
    fetch: feed.fetch,
    feed: { url: MANIFEST, publicKeys: [publicKey] },
    now: () => clock.now,
    onBlockListChanged,
  });
  return { data, onBlockListChanged, clock };
}
