/** One feed's data never mixes with another's, and a change of address starts afresh. */
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../utils/db/database';
import { MemoryFeed, publicKey } from '../../helpers/memory-feed';
import { record } from '../../helpers/records';
import { shippedService } from '../../helpers/shipped-data';

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
    expect((await data.lookup({ keys: ['shopee:item:1.1', 'shopee:item:1.2'] })).hits).toEqual([]);
    const hits = await data.lookup({ keys: ['lazada:item:501', 'lazada:item:502'] });
    expect(hits.hits.map((hit) => hit.key).sort()).toEqual(['lazada:item:501', 'lazada:item:502']);
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
