/**
 * The scam sites blocked: exactly those with a warning page, only from sources trusted to block,
 * never what a feed may not block.
 */
import { describe, expect, it } from 'vitest';
import { feedService as service } from '../../helpers/feed-service';
import { MemoryFeed } from '../../helpers/memory-feed';
import { record } from '../../helpers/records';

describe('the block list', () => {
  it('blocks exactly the listed sites shoppers are warned about: never a cleared or expired one', async () => {
    const feed = new MemoryFeed();
    const trusted = { blocking: true } as const;
    await feed.publish([
      record('domain:confirmed-scam.com', trusted),
      // A curated list's entry (ChongLuaDao's are `reported`) blocks because its source is trusted.
      record('domain:listed-scam.com', { status: 'reported', ...trusted }),
      record('domain:cleared-scam.com', { status: 'cleared', ...trusted }),
      record('domain:expired-scam.com', { expires: '2026-11-01', ...trusted }),
      // A cleared subdomain of a listed site: blocked by its parent's record, whose page it shows.
      record('domain:parent-scam.com', trusted),
      record('domain:shop.parent-scam.com', { status: 'cleared' }),
    ]);
    const { data, onBlockListChanged } = service(feed);
    await data.syncNow();
    const blocked = onBlockListChanged.mock.lastCall?.[0];
    expect(blocked?.domains.sort()).toEqual([
      'confirmed-scam.com',
      'listed-scam.com',
      'parent-scam.com',
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

  it('never blocks a domain on a record its source is not trusted to block with, whatever it says', async () => {
    const feed = new MemoryFeed();
    await feed.publish([
      // Community reports, an inspector's suspicion, even a confirmation without the mark.
      record('domain:vietcombank-khuyenmai.com', { status: 'reported', reportCount: 500 }),
      record('domain:suspected-scam.com', { status: 'suspected' }),
      record('domain:unmarked-scam.com'),
      record('domain:marked-scam.com', { blocking: true }),
    ]);
    const { data, onBlockListChanged } = service(feed);
    await data.syncNow();
    expect(onBlockListChanged).toHaveBeenLastCalledWith({
      domains: ['marked-scam.com'],
      until: null,
    });
    for (const site of ['vietcombank-khuyenmai.com', 'suspected-scam.com', 'unmarked-scam.com']) {
      expect(await data.scamInfo(`https://${site}/`)).toEqual({ domain: null, record: null });
    }
  });

  it('stops blocking a site when its record expires while the browser runs', async () => {
    const feed = new MemoryFeed();
    await feed.publish([
      record('domain:short-lived-scam.com', { expires: '2026-11-29', blocking: true }),
      record('domain:lasting-scam.com', { blocking: true }),
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
      ...guarded.map((domain) => record(`domain:${domain}`, { blocking: true })),
      record('domain:real-scam.vn', { blocking: true }),
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
});
