import { describe, expect, it, vi } from 'vitest';
import { type BlockList, DEFAULT_SYNC_MINUTES } from '../../../entrypoints/background/data-service';
import { openDatabase } from '../../../utils/db/database';
import { MANIFEST, MemoryFeed, publicKey } from '../../helpers/memory-feed';
import { record } from '../../helpers/records';
import { shippedService } from '../../helpers/shipped-data';

function service(feed: MemoryFeed, now = new Date('2026-11-28T12:00:00Z')) {
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

describe('background data service', () => {
  it('starts on the shipped data, syncs, and follows the domain list with the block rule', async () => {
    const feed = new MemoryFeed();
    await feed.publish([record('shopee:item:1.2'), record('domain:lazada-001.com')]);
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
    feed.files.set(`${MANIFEST}.sig`, new TextEncoder().encode('AAAA'));
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

  it('blocks exactly the listed sites shoppers are warned about: never a cleared or expired one', async () => {
    const feed = new MemoryFeed();
    await feed.publish([
      record('domain:confirmed-scam.com'),
      record('domain:suspected-scam.com', { status: 'suspected' }),
      record('domain:cleared-scam.com', { status: 'cleared' }),
      record('domain:expired-scam.com', { expires: '2026-11-01' }),
      // A cleared subdomain of a listed site: blocked by its parent's record, whose page it shows.
      record('domain:parent-scam.com'),
      record('domain:shop.parent-scam.com', { status: 'cleared' }),
    ]);
    const { data, onBlockListChanged } = service(feed);
    await data.syncNow();
    const blocked = onBlockListChanged.mock.lastCall?.[0];
    expect(blocked?.domains.sort()).toEqual([
      'confirmed-scam.com',
      'parent-scam.com',
      'suspected-scam.com',
    ]);
    for (const site of ['cleared-scam.com', 'expired-scam.com']) {
      expect(await data.scamInfo(`https://${site}/`)).toEqual({ domain: null, record: null });
    }
    // Every blocked site has its warning page: the record that blocked it, source and date.
    for (const site of blocked?.domains ?? []) {
      expect((await data.scamInfo(`https://www.${site}/x`)).record?.key).toBe(`domain:${site}`);
    }
    expect((await data.scamInfo('https://shop.parent-scam.com/')).domain).toBe('parent-scam.com');
  });

  it('stops blocking a site when its record expires while the browser runs', async () => {
    const feed = new MemoryFeed();
    await feed.publish([
      record('domain:short-lived-scam.com', { expires: '2026-11-29' }),
      record('domain:lasting-scam.com'),
    ]);
    const { data, onBlockListChanged, clock } = service(feed);
    await data.syncNow();
    expect(onBlockListChanged).toHaveBeenLastCalledWith({
      domains: ['lasting-scam.com', 'short-lived-scam.com'],
      until: Date.parse('2026-11-29'),
    });
    const calls = onBlockListChanged.mock.calls.length;
    await data.refreshBlockList(); // nothing expired yet: nothing to apply
    expect(onBlockListChanged).toHaveBeenCalledTimes(calls);
    clock.now = new Date('2026-11-29T00:00:01Z');
    await data.refreshBlockList();
    expect(onBlockListChanged).toHaveBeenLastCalledWith({
      domains: ['lasting-scam.com'],
      until: null,
    });
    expect((await data.scamInfo('https://short-lived-scam.com/')).domain).toBeNull();
  });

  it('never blocks what the feed may not block, counts it, and syncs the rest', async () => {
    const feed = new MemoryFeed();
    const guarded = [
      'com.vn', // a public suffix (ICANN section)
      'github.io', // a public suffix (private section)
      'gov.vn',
      'dichvucong.gov.vn', // government
      'shopee.vn',
      'm.lazada.co.th', // a marketplace, a regional sibling's subdomain
      'facebook.com',
      '203.0.113.45', // an IP address
      'zalo.me', // the protected list
    ];
    await feed.publish([
      ...guarded.map((domain) => record(`domain:${domain}`)),
      record('domain:real-scam.vn'),
      record('shopee:item:1.2'),
    ]);
    const { data, onBlockListChanged } = service(feed);
    const synced = await data.syncNow();
    expect(synced.sync).toMatchObject({ result: 'updated', guarded: guarded.length });
    expect(synced.guarded).toBe(guarded.length);
    expect(onBlockListChanged).toHaveBeenLastCalledWith({ domains: ['real-scam.vn'], until: null });
    for (const domain of guarded) {
      expect((await data.scamInfo(`https://${domain}/`)).domain).toBeNull();
    }
    expect((await data.lookup({ keys: ['shopee:item:1.2'] })).hits).toHaveLength(1);
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

  describe('feeds never mix', () => {
    /** Two feeds, each signed by the test key, under their own names and addresses. */
    async function twoFeeds() {
      const first = new MemoryFeed();
      await first.publish([record('shopee:item:1.1'), record('shopee:item:1.2')]);
      const other = new MemoryFeed({ base: 'https://mirror.example/other/', name: 'other-feed' });
      await other.publish([record('lazada:item:501')]);
      await other.publish([record('lazada:item:501'), record('lazada:item:502')]);
      const fetched: string[] = [];
      let gate: Promise<void> = Promise.resolve();
      const fetch: typeof globalThis.fetch = async (input, init) => {
        const url = String(input);
        fetched.push(url);
        if (url.startsWith(first.base)) await gate;
        return (url.startsWith(other.base) ? other : first).fetch(input, init);
      };
      const data = shippedService({
        fetch,
        feed: { url: first.manifestUrl, publicKeys: [publicKey] },
      });
      const hold = () => {
        let release: () => void = () => undefined;
        gate = new Promise((resolve) => {
          release = resolve;
        });
        return release;
      };
      return { first, other, data, fetched, hold };
    }

    it('another feed starts from its own snapshot, never its deltas over the old data', async () => {
      const { other, data, fetched } = await twoFeeds();
      expect((await data.syncNow()).data).toMatchObject({ sequence: 1, recordCount: 2 });
      await data.setFeedUrl(other.manifestUrl);
      const switched = await data.syncNow();
      // The other feed is at sequence 2 with a delta from 1: it must not apply over the first's 1.
      expect(switched.sync).toMatchObject({ result: 'updated', via: 'snapshot' });
      expect(switched.data).toMatchObject({ sequence: 2, recordCount: 2 });
      expect(switched.data?.feedId).toMatch(/^[0-9a-f]{16}\/other-feed$/);
      expect(fetched).not.toContain(`${other.base}delta-2.ndjson.gz`);
      expect((await data.lookup({ keys: ['shopee:item:1.1', 'shopee:item:1.2'] })).hits).toEqual(
        [],
      );
      const hits = await data.lookup({ keys: ['lazada:item:501', 'lazada:item:502'] });
      expect(hits.hits.map((hit) => hit.key).sort()).toEqual([
        'lazada:item:501',
        'lazada:item:502',
      ]);
    });

    it('"Cập nhật ngay" after a change of address starts a fresh sync instead of joining the old one', async () => {
      const { first, other, data, fetched, hold } = await twoFeeds();
      await data.ready();
      const release = hold();
      const old = data.syncNow();
      await vi.waitFor(() => expect(fetched).toContain(first.manifestUrl)); // held there
      await data.setFeedUrl(other.manifestUrl);
      const fresh = data.syncNow();
      expect(fresh).not.toBe(old);
      expect(data.syncNow()).toBe(fresh); // the same address again: joins the fresh one
      release();
      await old;
      const status = await fresh;
      expect(status.data).toMatchObject({
        sequence: 2,
        feedId: expect.stringMatching(/other-feed$/),
      });
      expect(status.sync).toMatchObject({ result: 'updated', via: 'snapshot' });
      // The first feed's answer, which came in after the change, left no ETag behind.
      const db = await openDatabase();
      expect(await db.get('meta', 'etag')).toBe('"other-feed-2"');
    });

    it("keeps no ETag of the old feed's when the new address fails", async () => {
      const { first, data, fetched, hold } = await twoFeeds();
      await data.ready();
      const release = hold();
      const old = data.syncNow();
      await vi.waitFor(() => expect(fetched).toContain(first.manifestUrl));
      await data.setFeedUrl('https://nowhere.example/manifest.json');
      const fresh = data.syncNow();
      release();
      await old;
      expect((await fresh).sync).toMatchObject({ result: 'failed', errorCode: 'network' });
      const db = await openDatabase();
      expect(await db.get('meta', 'etag')).toBeUndefined();
    });
  });

  describe('no storage, still a warning', () => {
    const shippedItem = 'shopee:item:0000000007.0000000101';

    it('answers from the shipped data in memory when IndexedDB cannot be opened, and says so', async () => {
      const openDb = vi.fn(async () => {
        throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
      });
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const data = shippedService({ openDb });
      for (let i = 0; i < 3; i++) {
        expect((await data.lookup({ keys: [shippedItem] })).hits.map((r) => r.key)).toEqual([
          shippedItem,
        ]);
      }
      expect(openDb).toHaveBeenCalledOnce(); // not retried on every message
      const status = await data.status();
      expect(status).toMatchObject({ inMemory: true, data: { source: 'default' } });
      expect(status.data?.recordCount).toBeGreaterThan(16_000);
      expect((await data.scamInfo('https://login.0000a.net/')).domain).toBe('0000a.net');
      expect(await data.syncDue()).toBe(false);
      warn.mockRestore();
    });

    it('does the same when the disk is full at the first import', async () => {
      const real = await openDatabase();
      const full = new Proxy(real, {
        get(target, name, receiver) {
          if (name !== 'transaction') return Reflect.get(target, name, receiver);
          return (stores: never, mode?: IDBTransactionMode) => {
            if (mode === 'readwrite')
              throw new DOMException('The disk is full', 'QuotaExceededError');
            return target.transaction(stores, mode);
          };
        },
      });
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const data = shippedService({ openDb: async () => full });
      expect((await data.lookup({ keys: [shippedItem] })).hits).toHaveLength(1);
      expect(await data.status()).toMatchObject({ inMemory: true });
      warn.mockRestore();
    });
  });
});
