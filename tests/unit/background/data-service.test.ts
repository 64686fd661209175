import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SYNC_MINUTES } from '../../../utils/protocol/limits';
import { feedService as service } from '../../helpers/feed-service';
import { MANIFEST, MemoryFeed, publicKey } from '../../helpers/memory-feed';
import { record } from '../../helpers/records';
import { shippedService } from '../../helpers/shipped-data';

describe('background data service', () => {
  it('starts on the shipped data, syncs, and follows the domain list with the block rule', async () => {
    const feed = new MemoryFeed();
    await feed.publish([
      record('shopee:item:1.2'),
      record('domain:lazada-001.com', { blocking: true }),
    ]);
    const { data, onBlockListChanged } = service(feed);
    expect((await data.status()).data).toMatchObject({ source: 'default' });
    expect(onBlockListChanged.mock.calls[0]?.[0].domains.length).toBeGreaterThan(16_000); // shipped
    const synced = await data.syncNow();
    expect(synced).toMatchObject({
      data: { source: 'feed', sequence: 1, recordCount: 2 },
      sync: { result: 'updated', via: 'snapshot', intervalMinutes: DEFAULT_SYNC_MINUTES },
      stale: false,
    });
    expect(onBlockListChanged).toHaveBeenLastCalledWith({
      domains: ['lazada-001.com'],
      until: null,
    });
    expect(await data.scamInfo('https://www.lazada-001.com/')).toMatchObject({
      domain: 'lazada-001.com',
    });
    expect((await data.lookup({ keys: ['shopee:item:1.2'] })).hits).toHaveLength(1);
  });

  it('syncs less often when the server asks, never more often than every 6 hours', async () => {
    const feed = new MemoryFeed();
    await feed.publish([record('shopee:item:1.2')], { minSyncMinutes: 720 });
    const { data } = service(feed);
    await data.syncNow();
    expect(await data.syncInterval()).toBe(720);
    await feed.publish([record('shopee:item:1.2')], { minSyncMinutes: 60 });
    await data.syncNow();
    expect(await data.syncInterval()).toBe(DEFAULT_SYNC_MINUTES);
  });

  it('keeps its data and says why when a sync fails, and marks data stale past its expiry', async () => {
    const feed = new MemoryFeed();
    await feed.publish([record('shopee:item:1.2')]);
    const later = new Date('2026-12-20T00:00:00Z'); // after the feed's 7-day expiry
    const { data } = service(feed, new Date('2026-11-28T12:00:00Z'));
    await data.syncNow();
    feed.setSignature('AAAA');
    const failed = await data.syncNow();
    expect(failed).toMatchObject({
      data: { source: 'feed', sequence: 1 },
      sync: { result: 'failed', errorCode: 'bad_signature' },
      stale: false,
    });
    expect(failed.sync?.lastSuccessAt).toBeDefined();
    const { data: afterwards } = service(feed, later);
    expect(await afterwards.status()).toMatchObject({ stale: true, data: { sequence: 1 } });
  });

  it('runs one sync at a time: a second request gets the same outcome', async () => {
    const feed = new MemoryFeed();
    await feed.publish([record('shopee:item:1.2')]);
    const fetch = vi.fn(feed.fetch);
    const data = shippedService({ fetch, feed: { url: MANIFEST, publicKeys: [publicKey] } });
    const [a, b] = await Promise.all([data.syncNow(), data.syncNow()]);
    expect(a).toBe(b);
    expect(fetch.mock.calls.filter(([url]) => String(url) === MANIFEST)).toHaveLength(1);
  });

  it('is due a sync when a feed is set up and the last one is an interval old', async () => {
    const feed = new MemoryFeed();
    await feed.publish([record('shopee:item:1.2')]);
    const { data, clock } = service(feed);
    expect(await data.syncDue()).toBe(true); // never synced
    await data.syncNow();
    expect(await data.syncDue()).toBe(false);
    clock.now = new Date(clock.now.getTime() + DEFAULT_SYNC_MINUTES * 60_000);
    expect(await data.syncDue()).toBe(true);
    expect(await shippedService().syncDue()).toBe(false); // no feed in this build
  });
});
