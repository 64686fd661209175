/**
 * A feed far smaller than the shipped data never replaces it unless its signed manifest says it
 * does (`replacesShipped`): a new registry's empty first feed, or a truncated one, leaves the data,
 * the block list and every warning as they were, and the status says why.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SHIPPED_SHARE } from '../../../utils/feed/shipped-share';
import type { FlagRecord } from '../../../utils/protocol/records';
import { feedService } from '../../helpers/feed-service';
import { MemoryFeed } from '../../helpers/memory-feed';
import { record } from '../../helpers/records';
import { shippedFeed } from '../../helpers/shipped-data';

/** A scam domain of the shipped ChongLuaDao list. */
const SHIPPED_SCAM = 'https://login.0000a.net/';

async function shipped(): Promise<FlagRecord[]> {
  return (await shippedFeed()).records;
}

// Each test stores the shipped snapshot (17,000 records) in a fresh database first.
describe('a feed far smaller than the shipped data', { timeout: 30_000 }, () => {
  it('is refused unless it says so: the shipped data, its block list and warnings stay', async () => {
    const feed = new MemoryFeed({ replacesShipped: false });
    await feed.publish([]); // a new registry's first feed
    const { data, onBlockListChanged } = feedService(feed);
    const before = await data.status();
    const count = (await shipped()).length;
    expect(before.data).toMatchObject({ source: 'default', recordCount: count });
    const blocked = onBlockListChanged.mock.calls.length;

    const after = await data.syncNow();
    expect(after.sync).toMatchObject({
      result: 'failed',
      errorCode: 'too_few_records',
      tooFew: { offered: 0, shipped: count },
    });
    expect(after.sync?.message).toContain(`the feed holds 0 records, far fewer than the ${count}`);
    expect(after.data).toEqual(before.data);
    expect(onBlockListChanged.mock.calls.length).toBe(blocked);
    expect(await data.scamInfo(SHIPPED_SCAM)).toMatchObject({ domain: '0000a.net' });

    // A few records are no better than none.
    await feed.publish([record('shopee:item:1.2'), record('domain:chi-co-trong-feed.vn')]);
    expect((await data.syncNow()).sync).toMatchObject({
      errorCode: 'too_few_records',
      tooFew: { offered: 2 },
    });
    expect((await data.status()).data).toEqual(before.data);
    expect((await data.scamInfo('https://chi-co-trong-feed.vn/')).domain).toBeNull();
  });

  it('replaces the shipped data when its publisher says it stands in for it', async () => {
    const feed = new MemoryFeed({ replacesShipped: true });
    await feed.publish([record('domain:lazada-001.com', { blocking: true })]);
    const { data, onBlockListChanged } = feedService(feed);
    expect((await data.syncNow()).data).toMatchObject({ source: 'feed', recordCount: 1 });
    expect(onBlockListChanged).toHaveBeenLastCalledWith({
      domains: ['lazada-001.com'],
      until: null,
    });
    expect((await data.scamInfo(SHIPPED_SCAM)).domain).toBeNull();
  });

  it('takes a feed that holds at least the set share of the shipped records', async () => {
    const records = await shipped();
    const enough = records.slice(0, Math.ceil(records.length * MIN_SHIPPED_SHARE));
    const feed = new MemoryFeed({ replacesShipped: false });
    await feed.publish(enough);
    const { data } = feedService(feed);
    expect((await data.syncNow()).data).toMatchObject({
      source: 'feed',
      recordCount: enough.length,
    });
    // The same feed shrinking by its deltas is refused too: its data stays.
    await feed.publish(enough.slice(0, 10));
    const refused = await data.syncNow();
    expect(refused.sync).toMatchObject({
      errorCode: 'too_few_records',
      tooFew: { offered: 10, shipped: records.length },
    });
    expect(refused.data).toMatchObject({ sequence: 1, recordCount: enough.length });
  });

  it('checks the field as part of the signed manifest', async () => {
    const feed = new MemoryFeed({ replacesShipped: false });
    await feed.publish([record('shopee:item:1.2')], { replacesShipped: 'yes' });
    const { data } = feedService(feed);
    expect((await data.syncNow()).sync).toMatchObject({ errorCode: 'invalid_manifest' });
    expect((await data.status()).data).toMatchObject({ source: 'default' });
  });
});
