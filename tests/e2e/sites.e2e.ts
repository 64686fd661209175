/**
 * Every other site, driven by our fixtures' expectations: each grid and product page is served at
 * its real address; the demo-flagged listings get their badge or banner, no other does, and SPA
 * navigation from the grid to the product page is followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgedLinks,
  eventually,
  fixturesOf,
  type Harness,
  launchOnFixtures,
  openPage,
} from './harness';
import { badges, banner } from './warning-probes';

const SITES = ['lazada', 'tiki', 'sendo', 'facebook', 'tiktok'];

/** The numeric id at the end of a key: `lazada:item:0000000501` → `0000000501`. */
const idOf = (key: string) => key.split(':')[2]?.split('.').pop() ?? key;

describe('Soi Hàng on Lazada, Tiki, Sendo, Facebook and TikTok Shop in Chromium', () => {
  let harness: Harness;
  const all = SITES.flatMap(fixturesOf);

  beforeAll(async () => {
    harness = await launchOnFixtures(SITES);
  });
  afterAll(async () => harness?.close());

  const open = (url: string) => openPage(harness, url);

  describe.each(SITES)('%s', (site) => {
    const fixtures = fixturesOf(site);
    const grid = fixtures.find((f) => f.expected.pageKind === 'grid');
    const product = fixtures.find((f) => f.expected.pageKind === 'product');

    it('badges exactly the flagged cards of a grid, then follows SPA navigation to the product', async () => {
      if (!grid || !product) throw new Error(`${site} needs a grid and a product fixture`);
      const { page, errors } = await open(grid.expected.url);
      const flaggedIds = grid.expected.flagged.map(idOf).sort();
      const links = await eventually(async () => {
        const found = await badgedLinks(page);
        return found.length === flaggedIds.length ? found : undefined;
      }, `${flaggedIds.length} badges on ${site}`);
      const badgedIds = links.map(
        (href) => flaggedIds.find((id) => href.includes(id)) ?? `unexpected ${href}`,
      );
      expect(badgedIds.sort()).toEqual(flaggedIds);
      // Placed inside their cards, styled by the shared sheet.
      const inside = await badges(page).evaluateRoots((roots) =>
        roots.every((root) => {
          const card = root.host.parentElement?.getBoundingClientRect();
          const badge = root.querySelector('.badge')?.getBoundingClientRect();
          return (
            !!card &&
            !!badge &&
            badge.left >= card.left &&
            badge.top >= card.top &&
            badge.right <= card.right + 1
          );
        }),
      );
      expect(inside).toBe(true);

      await page.click('#open-product');
      expect(page.url()).toBe(product.expected.url);
      await banner(page).waitFor({ timeout: 15_000 });
      expect(errors).toEqual([]);
      await page.close();
    });

    it('shows the banner on a flagged product page, right before its title', async () => {
      if (!product) throw new Error(`${site} needs a product fixture`);
      const { page, errors } = await open(product.expected.url);
      const shown = banner(page);
      await shown.waitFor({ timeout: 15_000 });
      expect(await shown.textContent()).toContain('Nguồn: Soi Hàng — dữ liệu minh hoạ');
      const before = await page.evaluate(() =>
        document.querySelector('soi-hang-banner')?.nextElementSibling?.textContent?.trim(),
      );
      const title = product.expected.listings.find((l) => l.kind === 'product') as
        | { title?: string }
        | undefined;
      expect(before).toBe(title?.title);
      expect(await page.locator('soi-hang-banner').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  const blockedPages = all.filter((f) => f.expected.pageKind === 'blocked');
  it.each(blockedPages.map((f) => [f.file, f] as const))(
    'adds nothing to a login wall or captcha: %s',
    async (_file, blocked) => {
      const { page, errors } = await open(blocked.expected.url);
      await page.waitForTimeout(400);
      expect(await page.locator('soi-hang-badge, soi-hang-banner').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('sent nothing anywhere: every request was a page the tests opened', () => {
    const opened = new Set(all.map((f) => f.expected.url));
    expect(harness.requests.filter((url) => !opened.has(url))).toEqual([]);
  });
});
