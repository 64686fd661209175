/**
 * Community reports change nothing a shopper sees or the browser blocks until an accountable person
 * decides, on the release build against the registry process: a burst of reports under made-up
 * installs for a Shopee seller, and reports naming a bank's domain (refused at intake), then a
 * publish and a sync, leave the grid without a badge and the bank unblocked; once an inspector
 * publishes the seller's case as unverified reports, the badge shows it in its own words.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';
import { blockedDomains } from './block-probes';
import type { ChromeGlobal } from './chrome-global';
import {
  badgedItems,
  eventually,
  type Harness,
  launch,
  openExtensionPage,
  openPage,
  syncNow,
  useFeed,
} from './harness';
import { badgeButton, badges, popoverOf, SHOPEE_GRID } from './warning-probes';

const SELLER = 'shopee:seller:0000000009';
const SELLER_CARDS = [
  '0000000009.0000000301',
  '0000000009.0000000302',
  '0000000009.0000000303',
  '0000000009.0000000304',
];
const BURST = 40;
const BANK = 'vietcombank.com.vn';

describe('a burst of community reports and the shopper (release build)', () => {
  let registry: RegistryProcess;
  let harness: Harness;

  /** The extension's badged cards on the grid, once its content script has read every card. */
  async function gridBadges(): Promise<string[]> {
    const { page } = await openPage(harness, SHOPEE_GRID);
    await eventually(
      () =>
        harness.worker.evaluate(async (url) => {
          const all = (await (globalThis as ChromeGlobal).chrome?.storage.session.get(null)) ?? {};
          const status = Object.values(all).find((entry) => entry.url === url);
          return (status?.checked ?? 0) > 0 ? true : undefined;
        }, page.url()),
      'the grid read',
    );
    const seen = await badgedItems(page);
    await page.close();
    return seen;
  }

  beforeAll(async () => {
    registry = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '100000' });
    harness = await launch([{ url: SHOPEE_GRID, file: 'shopee/search-grid.html' }], {
      passThrough: (url) => url.startsWith(registry.url),
    });
    const api = client(registry);
    for (let i = 0; i < BURST; i++) {
      const item = SELLER_CARDS[i % SELLER_CARDS.length] ?? '';
      const sent = report(
        { clientId: randomUUID() },
        {
          itemKey: `shopee:item:${item}`,
          sellerKey: SELLER,
          url: `https://shopee.vn/Sua-bot-i.${item}`,
        },
      );
      expect((await api.post('/v1/reports', sent)).status).toBe(201);
    }
    // A bank's domain as a "listing", or as the listing's address: refused, whatever the count.
    for (let i = 0; i < 10; i++) {
      const asKey = await api.post('/v1/reports', report({}, { itemKey: `domain:${BANK}` }));
      expect(asKey.body.error.code).toBe('item_key_kind');
      const asUrl = await api.post('/v1/reports', report({}, { url: `https://${BANK}/` }));
      expect(asUrl.body.error.code).toBe('url_domain');
    }
    const published = registry.cli('publish');
    expect(published.status, published.stderr).toBe(0);
  });

  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('after the burst, a publish and a sync: no badge on the seller’s cards, the bank not blocked', async () => {
    const options = await openExtensionPage(harness, 'options.html');
    await useFeed(options, `${registry.url}/v1/feed/manifest.json`, 'the sync from the registry');
    await options.close();
    const badged = await gridBadges();
    for (const card of SELLER_CARDS) expect(badged).not.toContain(card);
    const blocked = await blockedDomains(harness);
    expect(blocked.length).toBeGreaterThan(16_000); // the shipped scam list still blocks
    // The bank and its subdomains (the list's own "vay-vietcombank.com.vn" imitations stay blocked).
    expect(blocked.filter((domain) => domain === BANK || domain.endsWith(`.${BANK}`))).toEqual([]);
    expect(blocked).toContain('vay-vietcombank.com.vn');
  });

  it('once an inspector publishes the case as unverified reports, the badge says so in its words', async () => {
    const inspector = registry.token('Thanh tra viên e2e', 'inspector');
    const decided = await client(registry, inspector).post('/v1/review/decisions', {
      key: SELLER,
      status: 'reported',
      reasons: ['community_reports'],
      summary: {
        vi: `Có ${BURST} phản ánh chưa xác minh về người bán này; chưa có kết luận.`,
        en: `${BURST} unverified reports about this seller; nothing has been found yet.`,
      },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBeLessThan(300);
    expect(registry.cli('publish').status).toBe(0);
    const options = await openExtensionPage(harness, 'options.html');
    expect(await syncNow(options)).toBe('updated');
    await options.close();

    const { page } = await openPage(harness, SHOPEE_GRID);
    const card = SELLER_CARDS[0] ?? '';
    const index = await eventually(async () => {
      const at = (await badgedItems(page)).indexOf(card);
      return at >= 0 ? at : undefined;
    }, `the badge of card ${card}`);
    const found = badges(page).nth(index);
    await badgeButton(found).click();
    await popoverOf(found).waitFor();
    const text = (await popoverOf(found).textContent()) ?? '';
    expect(text).toContain(`Người bán này có ${BURST} phản ánh chưa xác minh`);
    await page.close();
  });
});
