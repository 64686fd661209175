/**
 * What the shopper changes, in Chromium: muting a seller (hidden badges, a collapsed confirmed
 * banner, both surviving a reload, undone in the options), the language switch, and the popup's
 * list of flagged listings and its pause switch.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  FIXTURES,
  type Harness,
  launchOnFixtures,
  openExtensionPage,
  openPage,
  tabIdOf,
} from './harness';
import {
  badgeButton,
  badgeCount,
  badges,
  banner,
  bannerRoot,
  focused,
  SELLER_CARD,
  SHOPEE_GRID,
  SHOPEE_PRODUCT,
} from './warning-probes';

describe('mutes, language and the popup in Chromium', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchOnFixtures(['shopee']);
  });
  afterAll(async () => harness?.close());

  const open = (url: string) => openPage(harness, url);
  const extensionPage = (path: string) => openExtensionPage(harness, path);

  it("muting a seller hides that seller's badges, survives a reload, and is undone in the options", async () => {
    const { page } = await open(SHOPEE_GRID);
    const card = badges(page).filter({ has: '[data-subject="seller"]' });
    await card.waitFor({ state: 'attached' });
    await badgeButton(card).click();
    await card.locator('[data-testid="mute-seller"]').click();
    await badgeCount(page, 2, 'the seller badge gone');
    await page.reload();
    await badgeCount(page, 2, 'two badges after a reload');
    expect(
      await page.evaluate(
        (id) =>
          [...document.querySelectorAll('soi-hang-badge')].some((h) =>
            h.parentElement?.innerHTML.includes(id),
          ),
        SELLER_CARD,
      ),
    ).toBe(false);

    const options = await extensionPage('options.html');
    expect(await options.locator('[data-testid="mute"]').textContent()).toContain('0000000042');
    await options.locator('[data-testid="unmute"]').click();
    await options.locator('[data-testid="mutes-none"]').waitFor();
    await page.reload();
    await badgeCount(page, 3, 'the seller badge back');
    await options.close();
    await page.close();
  });

  it('a confirmed warning is collapsed, not hidden, on its product page when its seller is muted', async () => {
    const { page } = await open(SHOPEE_PRODUCT);
    await banner(page).waitFor();
    await banner(page).locator('[data-testid="mute-seller"]').click();
    await bannerRoot(page).locator('[data-collapsed="true"]').waitFor();
    await page.reload();
    await bannerRoot(page).locator('[data-collapsed="true"]').waitFor();
    await bannerRoot(page).locator('[data-testid="banner-expand"]').click();
    await bannerRoot(page).locator('[data-testid="warning-source"]').waitFor();
    const options = await extensionPage('options.html');
    await options.locator('[data-testid="unmute"]').click();
    await options.locator('[data-testid="mutes-none"]').waitFor();
    await options.close();
    await page.close();
  });

  it('switching the replica-words signal off in the options removes its warning after a reload', async () => {
    // The demo grid, one card of which its seller calls a replica.
    const html = readFileSync(path.join(FIXTURES, 'shopee/search-grid.html'), 'utf8')
      .replace('Áo-thun-mẫu-F-i.0000000009', 'Giày-sneaker-Rep-1-1-i.0000000009')
      .replaceAll('Áo thun mẫu F', 'Giày sneaker Rep 1:1');
    const replicaGrid = 'https://shopee.vn/search?keyword=giay+sneaker+rep';
    const page = await harness.context.newPage();
    await page.route(replicaGrid, (route) =>
      route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    const heuristic = badges(page).locator('[data-status="heuristic"]');
    await page.goto(replicaGrid);
    await heuristic.waitFor({ state: 'attached' });
    const options = await extensionPage('options.html');
    await options.locator('[data-testid="signal-replicaWords"]').uncheck();
    await page.reload();
    await badgeCount(page, 3, 'the three demo badges only');
    expect(await heuristic.count()).toBe(0);
    await options.locator('[data-testid="signal-replicaWords"]').check();
    await page.reload();
    await heuristic.waitFor({ state: 'attached' });
    await options.close();
    await page.close();
  });

  it('the language chosen in the options changes the warnings on the page', async () => {
    const options = await extensionPage('options.html');
    await options.selectOption('[data-testid="language"]', 'en');
    await options.locator('h1', { hasText: 'Settings' }).waitFor();
    const { page } = await open(SHOPEE_PRODUCT);
    await banner(page).waitFor();
    expect(await banner(page).textContent()).toContain(
      'An authority has found this product in violation',
    );
    // The badges' own words, which the content script gets in English with the lookup's answer.
    const label = await badgeButton(badges(page).first()).getAttribute('aria-label');
    expect(label).toMatch(/^(Violation confirmed|Suspected|\d+ reports?)/);
    await options.selectOption('[data-testid="language"]', 'vi');
    await options.locator('h1', { hasText: 'Cài đặt' }).waitFor();
    await page.reload();
    await banner(page).waitFor();
    expect(await banner(page).textContent()).toContain('Cơ quan chức năng đã kết luận');
    await options.close();
    await page.close();
  });

  it('the popup lists the flagged listings, brings one into view, and pauses the site', async () => {
    const { page } = await open(SHOPEE_GRID);
    await badgeCount(page, 3, 'badges');
    await page.setViewportSize({ width: 1200, height: 300 }); // the last card below the fold
    const tabId = await tabIdOf(harness, page);
    const popup = await extensionPage(`popup.html?tab=${tabId}`);
    const items = popup.locator('[data-testid="flagged-listing"]');
    await eventually(async () => ((await items.count()) === 3 ? true : undefined), 'three listed');
    expect(await items.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Tai nghe mẫu D')]),
    );
    await items.filter({ hasText: 'Tai nghe mẫu D' }).click();
    await eventually(
      async () => ((await focused(page)).inner === 'soi-hang-badge' ? true : undefined),
      'the listing focused',
    );
    const inView = await page.evaluate((id) => {
      const host = [...document.querySelectorAll('soi-hang-badge')].find((h) =>
        h.parentElement?.innerHTML.includes(id),
      );
      const box = host?.getBoundingClientRect();
      return !!box && box.top >= 0 && box.top <= window.innerHeight;
    }, SELLER_CARD);
    expect(inView).toBe(true);

    await popup.locator('[data-testid="pause-site"]').check();
    await popup.waitForSelector('body[data-paused="true"]');
    await badgeCount(page, 0, 'no badges');
    expect(await popup.locator('[data-testid="page-status"]').getAttribute('data-paused')).toBe(
      'true',
    );
    await popup.locator('[data-testid="pause-site"]').uncheck();
    await popup.waitForSelector('body[data-paused="false"]');
    await badgeCount(page, 3, 'badges back');
    await popup.close();
    await page.close();
  });
});
