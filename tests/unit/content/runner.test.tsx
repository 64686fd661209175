import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TitleToMatch } from '../../../utils/content/lookup-batch';
import { readAddressName } from '../../../utils/protocol/address-name';
import { shopeeAdapter } from '../../../utils/sites/shopee';
import { record } from '../../helpers/records';
import { badgedCards, loadGrid, now, setup } from '../../helpers/runner';
import { shippedLookup } from '../../helpers/shipped-data';

describe('content runner', () => {
  let stop: (() => void) | undefined;
  beforeEach(loadGrid);
  afterEach(() => stop?.());

  it('checks every card once, in one lookup, and badges exactly the flagged ones', async () => {
    const { runner, frame, statuses, lookups } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(lookups).toHaveLength(1);
    expect(new Set(lookups[0])).toEqual(new Set(lookups[0])); // unique keys
    expect(lookups[0]?.length).toBe(new Set(lookups[0]).size);
    expect(badgedCards().sort()).toEqual([
      '0000000007.0000000101',
      '0000000007.0000000102',
      '0000000042.0000000201',
    ]);
    expect(statuses.at(-1)).toMatchObject({
      platform: 'shopee',
      pageKind: 'grid',
      checked: 7,
      flagged: 3,
      unreadable: 1,
      errors: 0,
      muted: 0,
      paused: false,
    });
    expect(statuses.at(-1)?.listings).toHaveLength(3);
  });

  it('sends the card titles and badges a card whose title names a flagged product', async () => {
    const sent: TitleToMatch[][] = [];
    const product = record('product:ao thun mau f', {
      status: 'suspected',
      scope: { batches: ['L1'] },
    });
    const { runner, frame } = setup({
      lookup: async (keys, titles) => {
        sent.push(titles);
        const match = titles.find((t) =>
          /Áo thun mẫu F/.test((t.fromAddress ? readAddressName(t.title) : t.title) ?? ''),
        );
        return {
          hits: await shippedLookup(keys, now).then((hits) => (match ? [...hits, product] : hits)),
          data: null,
          ...(match ? { products: [{ itemKey: match.itemKey, productKey: product.key }] } : {}),
        };
      },
    });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(sent[0]?.length).toBeGreaterThan(0);
    expect(sent[0]?.every((t) => t.title.length > 0 && t.title.length <= 500)).toBe(true);
    // Names in card addresses go as the address writes them, for the background to decode.
    const named = sent[0]?.find((t) => t.itemKey === 'shopee:item:0000000009.0000000301');
    expect(named).toEqual({
      itemKey: 'shopee:item:0000000009.0000000301',
      title: '%C3%81o-thun-m%E1%BA%ABu-F',
      fromAddress: true,
      // For the signals: its price, and an unmarked card's seller as not official.
      official: false,
      price: 120_000,
    });
    expect(badgedCards()).toContain('0000000009.0000000301');
  });

  it('badges a card the background found a replica phrase in, as a heuristic signal', async () => {
    const { runner, frame, statuses } = setup({
      lookup: async (keys) => ({
        hits: await shippedLookup(keys, now),
        data: null,
        signals: [
          {
            itemKey: 'shopee:item:0000000009.0000000302',
            evidence: [{ signal: 'replicaWords', text: 'rep 1 1' }],
          },
          // A card with a record of its own keeps the record's warning.
          {
            itemKey: 'shopee:item:0000000007.0000000101',
            evidence: [{ signal: 'replicaWords', text: 'replica' }],
          },
        ],
      }),
    });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(badgedCards()).toHaveLength(4); // the three with records, and this one
    const listed = statuses.at(-1)?.listings ?? [];
    expect(listed.find((l) => l.title === 'Bình giữ nhiệt mẫu G')).toMatchObject({
      status: 'heuristic',
      subject: 'item',
    });
    expect(listed.filter((l) => l.status === 'heuristic')).toHaveLength(1);
  });

  it("badges a card whose own text gives a flagged phone number, as the contact's warning", async () => {
    const phone = record('phone:+84900000081', { status: 'reported', reportCount: 4 });
    const { runner, frame, statuses } = setup({
      lookup: async () => ({
        hits: [phone],
        data: null,
        contacts: [{ itemKey: 'shopee:item:0000000009.0000000302', contactKey: phone.key }],
      }),
    });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(badgedCards()).toHaveLength(1);
    expect(statuses.at(-1)?.flagged).toBe(1);
    expect(statuses.at(-1)?.listings.find((l) => l.title === 'Bình giữ nhiệt mẫu G')).toMatchObject(
      { status: 'reported', subject: 'contact' },
    );
  });

  it('checks only the new cards when the page adds more, and ignores its own UI', async () => {
    const { runner, frame, statuses, lookups } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(frame.pending()).toBe(0); // mounting three badges did not schedule another scan

    const grid = document.getElementById('grid');
    const template = document.getElementById('page-2') as HTMLTemplateElement;
    grid?.append(template.content.cloneNode(true));
    await frame.flush(); // MutationObserver → one scheduled scan
    await frame.flush();
    expect(lookups).toHaveLength(2);
    expect(lookups[1]).toEqual(
      expect.arrayContaining(['shopee:item:0000000042.0000000202', 'shopee:seller:0000000042']),
    );
    expect(lookups[1]).not.toContain('shopee:item:0000000007.0000000101');
    expect(statuses.at(-1)).toMatchObject({ checked: 10, flagged: 4 });
  });

  it('re-checks a card element the page reuses for another item', async () => {
    const { runner, frame, statuses } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    const link = document.querySelector('li a[href*="0000000101"]');
    link?.setAttribute('href', '/Khac-i.0000000009.0000000999'); // the page re-renders the card
    await frame.flush();
    await frame.flush();
    expect(badgedCards()).not.toContain('0000000007.0000000101');
    expect(statuses.at(-1)).toMatchObject({ checked: 8 });
  });

  it('forgets everything on in-page navigation and reads the new page', async () => {
    const { runner, frame, statuses } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    // What the fixture's own script does in a browser (happy-dom runs no page scripts here).
    history.pushState({}, '', '/search?keyword=sua+bot&page=1');
    const template = document.getElementById('page-2') as HTMLTemplateElement;
    document.getElementById('grid')?.replaceChildren(template.content.cloneNode(true));
    runner.reset();
    await frame.flush();
    await frame.flush();
    expect(badgedCards()).toEqual(['0000000042.0000000202']);
    expect(statuses.at(-1)).toMatchObject({ checked: 3, flagged: 1, unreadable: 0 });
  });

  it('catches and counts adapter errors; nothing reaches the page', async () => {
    const { runner, frame, statuses } = setup({
      adapter: {
        ...shopeeAdapter,
        extract: () => {
          throw new Error('selector exploded');
        },
      },
    });
    stop = runner.stop;
    runner.start();
    await expect(frame.flush()).resolves.toBeUndefined();
    expect(statuses.at(-1)).toMatchObject({ errors: 1, checked: 0 });
    expect(document.querySelector('soi-hang-badge')).toBeNull();
  });

  it('counts a failed lookup and does not retry it in a loop', async () => {
    const lookup = vi.fn(() => Promise.reject(new Error('Extension context invalidated')));
    const { runner, frame, statuses } = setup({ lookup });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    await frame.flush();
    expect(lookup).toHaveBeenCalledOnce();
    expect(statuses.at(-1)).toMatchObject({ checked: 7, flagged: 0, errors: 1 });
  });

  // 600 cards in happy-dom: seconds on a busy two-core machine, more than the default 5 s allows.
  it('splits a very large page into lookups of bounded size', async () => {
    const grid = document.getElementById('grid');
    const card = grid?.querySelector('li[data-sqe="item"]');
    for (let i = 0; i < 600; i++) {
      const copy = card?.cloneNode(true) as Element;
      copy
        .querySelector('a')
        ?.setAttribute('href', `/x-i.0000000009.${String(5000 + i).padStart(10, '0')}`);
      grid?.append(copy);
    }
    const { runner, frame, statuses, lookups } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(lookups.length).toBeGreaterThan(1);
    for (const keys of lookups) expect(keys.length).toBeLessThanOrEqual(500);
    expect(statuses.at(-1)).toMatchObject({ checked: 607 });
  }, 20_000);

  it('removes its UI when stopped', async () => {
    const { runner, frame } = setup();
    runner.start();
    await frame.flush();
    expect(document.querySelectorAll('soi-hang-badge')).toHaveLength(3);
    runner.stop();
    expect(document.querySelectorAll('soi-hang-badge')).toHaveLength(0);
  });
});
