/**
 * The page cannot read, fake or hide our warnings. On the release build a page's script gets null
 * for every one of our shadow roots; on the e2e build (roots open for the probes) a click the page
 * dispatches on "hide warnings for this seller" changes nothing, and a warning the page removes
 * comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, eventually, type Harness, launchOnFixtures, openPage } from './harness';
import { badgeCount, banner, SHOPEE_GRID, SHOPEE_PRODUCT } from './warning-probes';

describe('the release build: closed shadow roots', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchOnFixtures(['shopee'], { extensionDir: EXTENSION_DIR });
  });
  afterAll(async () => harness?.close());

  it("a page's script gets null for every one of our shadow roots", async () => {
    for (const url of [SHOPEE_GRID, SHOPEE_PRODUCT]) {
      const { page } = await openPage(harness, url);
      await eventually(
        async () =>
          (await page.locator('soi-hang-badge, soi-hang-banner').count()) > 0 ? true : undefined,
        `our warnings on ${url}`,
      );
      const roots = await page.evaluate(() =>
        [...document.querySelectorAll('soi-hang-badge, soi-hang-banner')].map(
          (host) => host.shadowRoot,
        ),
      );
      expect(roots.length).toBeGreaterThan(0);
      expect(roots.every((root) => root === null)).toBe(true);
      await page.close();
    }
  });
});

describe('the e2e build: what a page script does to our warnings', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchOnFixtures(['shopee']);
  });
  afterAll(async () => harness?.close());

  it('a click the page dispatches on "hide warnings for this seller" hides nothing', async () => {
    const { page } = await openPage(harness, SHOPEE_PRODUCT);
    await banner(page).waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('soi-hang-banner')?.shadowRoot;
      const mute = root?.querySelector<HTMLElement>('[data-testid="mute-seller"]');
      if (!mute) throw new Error('no mute button');
      mute.click();
      mute.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(500);
    expect(await page.locator('soi-hang-banner [data-collapsed="true"]').count()).toBe(0);
    await page.reload();
    await banner(page).waitFor();
    expect(await page.locator('soi-hang-banner [data-collapsed="true"]').count()).toBe(0);
    await page.close();
  });

  it('a warning the page removes comes back', async () => {
    const { page } = await openPage(harness, SHOPEE_GRID);
    await badgeCount(page, 3);
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('soi-hang-badge')) host.remove();
    });
    await badgeCount(page, 3, 'the three badges back');
    await page.evaluate(() => document.querySelector('soi-hang-banner, soi-hang-badge')?.remove());
    await badgeCount(page, 3, 'the badge back again');
    await page.close();
  });
});
